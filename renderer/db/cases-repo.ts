import { CASE_STAGES, OPEN_STAGES, type Case, type CaseStage } from '../../shared/model/case';
import type { CaseLoopState } from '../../shared/cases/loop-types';
import type { StoredCaseEvent } from '../../shared/cases/history';
import { caseEventsOf } from '../../shared/cases/data-events';
import type { IndicatorCase } from '../../shared/indicators/types';
import type { ChainHead } from '../../shared/cases/record';
import type { GridDeskDb } from './database';
import { casesMovedSince, readChainHead } from './record-repo';

/** Newest report first; ties by id, so the order is the same on every read. */
export const byNewestReport = (
  a: Pick<Case, 'reportedAt' | 'id'>,
  b: Pick<Case, 'reportedAt' | 'id'>,
): number => b.reportedAt - a.reportedAt || a.id.localeCompare(b.id);

/**
 * Cases still in the loop (every stage before 结案 closed), newest report first, read through the
 * `stage` index so closed history is never loaded: one range per stage (a single `getAll` each,
 * where `anyOf` would walk a cursor row by row).
 */
export async function listOpenCases(db: GridDeskDb): Promise<Case[]> {
  const byStage = await db.transaction('r', db.cases, () =>
    Promise.all(OPEN_STAGES.map((stage) => db.cases.where('stage').equals(stage).toArray())),
  );
  return byStage.flat().sort(byNewestReport);
}

/** Number of cases at each stage, every stage present (0 when none); counted on the index. */
export async function countCasesByStage(db: GridDeskDb): Promise<Record<CaseStage, number>> {
  const counts = await Promise.all(CASE_STAGES.map((stage) => db.cases.where('stage').equals(stage).count()));
  return Object.fromEntries(CASE_STAGES.map((stage, i) => [stage, counts[i] ?? 0])) as Record<
    CaseStage,
    number
  >;
}

export async function getCase(db: GridDeskDb, id: string): Promise<Case | undefined> {
  return db.cases.get(id);
}

/** Cases at one stage reported in [fromMs, toMs), epoch milliseconds, oldest first (the compound index). */
export async function listCasesAtStageReportedBetween(
  db: GridDeskDb,
  stage: CaseStage,
  fromMs: number,
  toMs: number,
): Promise<Case[]> {
  return db.cases.where('[stage+reportedAt]').between([stage, fromMs], [stage, toMs], true, false).toArray();
}

/** Cases in one grid, oldest report first. */
export async function listCasesInGrid(db: GridDeskDb, gridCode: string): Promise<Case[]> {
  const cases = await db.cases.where('gridCode').equals(gridCode).toArray();
  return cases.sort((a, b) => a.reportedAt - b.reportedAt);
}

/** How long a closed case waits in the queue for its 回访/评价 before it is left to the reports. */
export const EVALUATION_WINDOW_MS = 15 * 24 * 3_600_000;

/** What the case queue holds, read together (see {@link loadQueue}). */
export interface QueueRead {
  readonly open: Case[];
  readonly closed: Case[];
  readonly loops: Map<string, CaseLoopState>;
  /** Each case's last event in the record (its loop row's `lastSeq`): what changed since a read. */
  readonly lastSeqs: Map<string, number>;
}

const OPEN_STAGE_SET: ReadonlySet<string> = new Set(OPEN_STAGES);

/** Whether a closed case still waits in the queue for its 回访/评价 at `since` (its closing step after it). */
function closedInWindow(kase: Case, since: number): boolean {
  return kase.stage === 'closed' && (kase.steps.at(-1)?.at ?? kase.reportedAt) > since;
}

/**
 * What the case queue shows: open cases (newest first), cases closed in the last
 * {@link EVALUATION_WINDOW_MS} still waiting for 回访/评价, and the loop state of each. Read in one
 * transaction so the three agree. The closed ones are found through the loop rows' `lastAt` index (a
 * case closed in the window has an event in it), so the closed history is never read. `now` is epoch
 * milliseconds.
 */
export async function loadQueue(db: GridDeskDb, now: number = Date.now()): Promise<QueueRead> {
  return (await loadQueueAt(db, now)).read;
}

/** What the queue read at a chain head: {@link loadQueueAt}'s answer, what a follower starts from. */
export interface QueueAt {
  readonly read: QueueRead;
  readonly head: ChainHead;
}

/**
 * {@link loadQueue}, with the chain head it was read at (start-up reads this, then hands it to
 * {@link queueFollower} so the follower's first run does not read the whole queue again).
 */
export async function loadQueueAt(db: GridDeskDb, now: number = Date.now()): Promise<QueueAt> {
  const since = now - EVALUATION_WINDOW_MS;
  return db.transaction('r', db.cases, db.caseLoops, db.meta, async () => {
    const [open, recent, head] = await Promise.all([
      listOpenCases(db),
      db.caseLoops.where('lastAt').above(since).toArray(),
      readChainHead(db),
    ]);
    const recentClosed = recent.filter((row) => row.state.stage === 'closed').map((row) => row.caseId);
    const closed = (await db.cases.bulkGet(recentClosed)).filter(
      (c): c is Case => c !== undefined && closedInWindow(c, since),
    );
    const rows = new Map(recent.map((row) => [row.caseId, row]));
    const missing = open.filter((c) => !rows.has(c.id)).map((c) => c.id);
    for (const row of await db.caseLoops.bulkGet(missing)) if (row !== undefined) rows.set(row.caseId, row);
    const loops = new Map<string, CaseLoopState>();
    const lastSeqs = new Map<string, number>();
    for (const kase of [...open, ...closed]) {
      const row = rows.get(kase.id);
      if (row === undefined) continue;
      loops.set(row.caseId, row.state);
      lastSeqs.set(row.caseId, row.lastSeq);
    }
    return { read: { open, closed: closed.sort(byNewestReport), loops, lastSeqs }, head };
  });
}

/** The queue as a follower gives it: with the events of every open case, for their running clocks. */
export interface FollowedQueue extends QueueRead {
  /**
   * The events of every open case that has any, by case id, each list in seq order. A case's list is
   * the very object of the run before while no event was appended to it since.
   */
  readonly events: ReadonlyMap<string, readonly StoredCaseEvent[]>;
}

/** What a follower keeps between runs. */
interface Followed extends QueueAt {
  readonly events: ReadonlyMap<string, readonly StoredCaseEvent[]>;
}

/**
 * The queue as {@link loadQueue} reads it, with the open cases' events (FollowedQueue), kept current
 * by reading only what changed (for the cases store's live query, which runs this after every write):
 * each run is one read transaction. The first run reads the queue whole, unless `from` (what start-up
 * read) is given, and the events of every open case; while the record only grew since the last run, a
 * later run reads the chain head, the events appended since and just those events' cases, loop rows
 * and events, and merges them into what it held, so a write costs the cases it touched, not the whole
 * queue. Every case write appends an event (case-actions.ts is the only writer of cases), so no other
 * case can have changed; cases closed before the evaluation window are dropped at each run. A record
 * that was replaced or cut short is read whole again.
 */
export function queueFollower(
  db: GridDeskDb,
  clock: () => number = Date.now,
  from?: QueueAt,
): () => Promise<FollowedQueue> {
  let known: Followed | null = from === undefined ? null : { ...from, events: new Map() };
  return async () => {
    const now = clock();
    const next = await db.transaction('r', db.cases, db.caseLoops, db.meta, db.events, async () => {
      const changed = known && (await readQueueChanges(db, known, now));
      const at = changed ?? { ...(await loadQueueAt(db, now)), moved: null };
      const events = await eventsOfOpen(db, at.read.open, known?.events ?? new Map(), at.moved);
      return { read: at.read, head: at.head, events };
    });
    known = next;
    return { ...next.read, events: next.events };
  };
}

/**
 * The events of the cases `open`: those in `held` reused unless their case is in `moved`; the rest read
 * (all of them when `moved` is null: the record was read whole again). Inside the follower's transaction.
 */
async function eventsOfOpen(
  db: GridDeskDb,
  open: readonly Case[],
  held: ReadonlyMap<string, readonly StoredCaseEvent[]>,
  moved: ReadonlySet<string> | null,
): Promise<Map<string, readonly StoredCaseEvent[]>> {
  const keep = (id: string): boolean => moved !== null && !moved.has(id) && held.has(id);
  const fresh = await listEventsOfCases(
    db,
    open.filter((c) => !keep(c.id)).map((c) => c.id),
  );
  const events = new Map<string, readonly StoredCaseEvent[]>();
  for (const { id } of open) {
    const list = keep(id) ? held.get(id) : fresh.get(id);
    if (list !== undefined) events.set(id, list);
  }
  return events;
}

/** `known` with the cases written since its head merged in; undefined when the record did not only grow. */
async function readQueueChanges(
  db: GridDeskDb,
  known: QueueAt,
  now: number,
): Promise<(QueueAt & { readonly moved: ReadonlySet<string> }) | undefined> {
  const since = now - EVALUATION_WINDOW_MS;
  return db.transaction('r', db.cases, db.caseLoops, db.meta, db.events, async () => {
    const head = await readChainHead(db);
    const moved = await casesMovedSince(db, known.head, head);
    if (moved === null) return undefined;
    const ids = [...moved];
    const [kases, rows] = await Promise.all([db.cases.bulkGet(ids), db.caseLoops.bulkGet(ids)]);
    const { read } = known;
    const kept = (c: Case): boolean => !moved.has(c.id);
    const open = read.open.filter(kept);
    const closed = read.closed.filter((c) => kept(c) && closedInWindow(c, since));
    const loops = new Map<string, CaseLoopState>();
    const lastSeqs = new Map<string, number>();
    const keep = (c: Case): void => {
      const state = read.loops.get(c.id);
      const seq = read.lastSeqs.get(c.id);
      if (state !== undefined) loops.set(c.id, state);
      if (seq !== undefined) lastSeqs.set(c.id, seq);
    };
    open.forEach(keep);
    closed.forEach(keep);
    kases.forEach((kase, i) => {
      const row = rows[i];
      if (kase === undefined) return;
      if (OPEN_STAGE_SET.has(kase.stage)) open.push(kase);
      else if (row !== undefined && row.lastAt > since && closedInWindow(kase, since)) closed.push(kase);
      else return;
      if (row !== undefined) {
        loops.set(kase.id, row.state);
        lastSeqs.set(kase.id, row.lastSeq);
      }
    });
    return {
      read: { open: open.sort(byNewestReport), closed: closed.sort(byNewestReport), loops, lastSeqs },
      head,
      moved,
    };
  });
}

/**
 * Every case reported since `since` (and, with `withOpen`, every case still open, however old), each with
 * its events in record order, read in one transaction: what the indicators and the display wall compute on.
 */
export async function loadIndicatorCases(
  db: GridDeskDb,
  since: number,
  { withOpen = false }: { readonly withOpen?: boolean } = {},
): Promise<IndicatorCase[]> {
  return db.transaction('r', db.cases, db.events, async () => {
    const recent: Case[] = await db.cases.where('reportedAt').aboveOrEqual(since).toArray();
    const older = withOpen ? (await listOpenCases(db)).filter((c) => c.reportedAt < since) : [];
    const all = [...recent, ...older];
    const byCase = await listEventsOfCases(
      db,
      all.map((c) => c.id),
    );
    return all.map((c) => ({ case: c, events: byCase.get(c.id) ?? [] }));
  });
}

/**
 * The events of the given cases, grouped by case id, each list in seq order: one `equals` range per
 * case on the caseId index, all in one read transaction. (Dexie's `anyOf` over hundreds of ids walks
 * the index with a cursor and took 7 s for 505 open cases at 10× the sample in Chromium; a range per
 * case is a single `getAll` each.)
 */
export async function listEventsOfCases(
  db: GridDeskDb,
  caseIds: readonly string[],
): Promise<Map<string, StoredCaseEvent[]>> {
  const grouped = new Map<string, StoredCaseEvent[]>();
  if (caseIds.length === 0) return grouped;
  const unique = [...new Set(caseIds)];
  const lists = await db.transaction('r', db.events, () =>
    Promise.all(unique.map((id) => db.events.where('caseId').equals(id).toArray())),
  );
  unique.forEach((id, i) => {
    const list = lists[i] ?? [];
    if (list.length > 0)
      grouped.set(
        id,
        caseEventsOf(list).sort((a, b) => a.seq - b.seq),
      );
  });
  return grouped;
}

/** How many cases the database holds, at any stage. */
export async function countCases(db: GridDeskDb): Promise<number> {
  return db.cases.count();
}

/** The external references (工单号) of every stored case that has one. */
export async function listExternalRefs(db: GridDeskDb): Promise<Set<string>> {
  const refs = new Set<string>();
  await db.cases.each((c) => {
    if (c.externalRef !== undefined) refs.add(c.externalRef);
  });
  return refs;
}
