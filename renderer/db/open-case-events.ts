/**
 * Every open case with its events, as the wall and the indicators compute 当前超期 on, read so that a
 * refresh costs what was written since the last one, not every open case and its history again. The
 * record is append-only (an event is never put or deleted) and every case write appends one
 * (case-actions.ts is the only writer of cases), so a case changes only with an event appended after
 * the head last read: those events are read through the primary key, and only their cases and those
 * cases' events are read again. A record that was replaced (a reset, a restore) or cut short is read
 * whole again.
 */
import type { ChainHead } from '../../shared/cases/record';
import { isOpenStage } from '../../shared/model/case';
import type { IndicatorCase } from '../../shared/indicators/types';
import { byNewestReport, listEventsOfCases, listOpenCases } from './cases-repo';
import type { GridDeskDb } from './database';
import { casesMovedSince, readChainHead } from './record-repo';

/** What a read left: the head it read at and the open cases then, with their events, by case id. */
interface Held {
  readonly head: ChainHead;
  readonly open: ReadonlyMap<string, IndicatorCase>;
}

/** Per database handle (a reset or a centre switch opens another handle, which starts afresh). */
const held = new WeakMap<GridDeskDb, Held>();

/** Every open case, each with its events (one range per case, listEventsOfCases). */
async function readAll(db: GridDeskDb): Promise<Map<string, IndicatorCase>> {
  const open = await listOpenCases(db);
  const events = await listEventsOfCases(
    db,
    open.map((c) => c.id),
  );
  return new Map(open.map((kase) => [kase.id, { case: kase, events: events.get(kase.id) ?? [] }]));
}

/** `last` with the cases in `moved` read again: kept with their events while open, dropped when not. */
async function readMoved(
  db: GridDeskDb,
  last: ReadonlyMap<string, IndicatorCase>,
  moved: ReadonlySet<string>,
): Promise<Map<string, IndicatorCase>> {
  const ids = [...moved];
  const [kases, events] = await Promise.all([db.cases.bulkGet(ids), listEventsOfCases(db, ids)]);
  const open = new Map(last);
  kases.forEach((kase, i) => {
    const id = ids[i] ?? '';
    if (kase !== undefined && isOpenStage(kase.stage))
      open.set(id, { case: kase, events: events.get(id) ?? [] });
    else open.delete(id);
  });
  return open;
}

/**
 * Every open case (as listOpenCases gives them: newest report first) with its events in record order.
 * Call inside a read transaction over meta, cases and events, so the cases, their events and the head
 * agree. What was read on the same handle before is reused for every case with no event appended
 * since; only the cases written since are read again.
 */
export async function readOpenCasesWithEvents(db: GridDeskDb): Promise<IndicatorCase[]> {
  const head = await readChainHead(db);
  const last = held.get(db);
  const moved = last === undefined ? null : await casesMovedSince(db, last.head, head);
  const open =
    last === undefined || moved === null
      ? await readAll(db)
      : moved.size === 0
        ? last.open
        : await readMoved(db, last.open, moved);
  held.set(db, { head, open });
  return [...open.values()].sort((a, b) => byNewestReport(a.case, b.case));
}
