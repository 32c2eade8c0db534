/**
 * The indicators' case tallies and daily roll-ups in the database (shared/indicators/tally.ts): kept
 * current by every case write, in its transaction ({@link retallyCases}), and rebuilt as a whole off the
 * UI thread when missing or stale ({@link rebuildTallies}, run by renderer/tally/tally.worker.ts). They
 * are current exactly while `meta.tallies` holds the basis the stored settings and matters give now:
 * every dataset write clears `meta` (seeding, reset, restore, a dataset upgrade) and every record write
 * clears the tables, so what is left behind is never taken for current.
 */
import type { StoredCaseEvent } from '../../shared/cases/history';
import { caseEventsOf } from '../../shared/cases/data-events';
import type { ChainHead } from '../../shared/cases/record';
import { DEFAULT_TIME_LIMIT_POLICY } from '../../shared/cases/time-limits';
import {
  caseTally,
  dayKey,
  dayTallies,
  sumTallies,
  tallyBasis,
  type CaseTally,
  type DayTally,
  type TallyOptions,
} from '../../shared/indicators/tally';
import type { IndicatorCase } from '../../shared/indicators/types';
import type { Case } from '../../shared/model/case';
import type { GridDeskDb } from './database';
import type { IndicatorRollUps } from '../../shared/indicators/report';
import type { WallRollUps } from '../../shared/wall/figures';
import { readOpenCasesWithEvents } from './open-case-events';
import { readChainHead } from './record-repo';
import { loadSettings } from './settings-repo';
import { bulkAddInChunks, type TallyState } from './tables';

/** Cases per read of a rebuild: each chunk is one read transaction of its cases and their events. */
export const TALLY_READ_CHUNK = 2_000;

/**
 * The rules tallies are computed under now, from the stored settings' calendar, the stored matters and
 * the time-limit policy, with their basis. Reads meta and matters: call inside a transaction over them
 * when it must agree with other reads.
 */
export async function currentTallyRules(
  db: GridDeskDb,
): Promise<{ readonly basis: string; readonly options: TallyOptions }> {
  const [settings, matters] = await Promise.all([loadSettings(db), db.matters.toArray()]);
  const options: TallyOptions = {
    calendar: settings.calendar,
    policy: DEFAULT_TIME_LIMIT_POLICY,
    matters: new Map(matters.map((m) => [m.code, m])),
  };
  return { basis: tallyBasis(options.calendar, matters, options.policy), options };
}

/** What `meta.tallies` says, if anything. */
export async function readTallyState(db: GridDeskDb): Promise<TallyState | undefined> {
  const row = await db.meta.get('tallies');
  return row?.key === 'tallies' ? row.value : undefined;
}

/** Whether the stored roll-ups are current (their basis is the stored rules'), read in one transaction. */
export async function talliesCurrent(db: GridDeskDb): Promise<boolean> {
  return db.transaction('r', db.meta, db.matters, async () => {
    const [state, rules] = await Promise.all([readTallyState(db), currentTallyRules(db)]);
    return state?.basis === rules.basis;
  });
}

/** A case's events, one `equals` range on the caseId index, in record order. */
async function eventsOf(db: GridDeskDb, caseId: string): Promise<StoredCaseEvent[]> {
  const events = await db.events.where('caseId').equals(caseId).toArray();
  return caseEventsOf(events).sort((a, b) => a.seq - b.seq);
}

/** Re-sums the day roll-ups of the given (day, team) pairs from their case tallies; empty ones go. */
async function resumDays(
  db: GridDeskDb,
  keys: ReadonlyMap<string, readonly [string, string]>,
): Promise<void> {
  await Promise.all(
    [...keys.values()].map(async ([day, teamId]) => {
      const tallies = await db.caseTallies.where('[day+teamId]').equals([day, teamId]).toArray();
      if (tallies.length === 0) await db.dayTallies.delete([day, teamId]);
      else await db.dayTallies.put({ day, teamId, ...sumTallies(tallies) });
    }),
  );
}

/**
 * Recomputes the tallies of the cases `caseIds` from their stored rows and events, and re-sums every
 * day roll-up they were in before or are in now (a reassignment moves a case to another team). Call
 * inside the rw transaction that wrote them, over meta, matters, cases, events, caseTallies and
 * dayTallies, after the writes. Only while the stored roll-ups are current: when `meta.tallies` names
 * another basis it is removed (so nobody takes the roll-ups for current) and the rebuild is left to do
 * it; when absent nothing is done.
 */
export async function retallyCases(db: GridDeskDb, caseIds: readonly string[]): Promise<void> {
  const ids = [...new Set(caseIds)];
  // Everything read at once (a handful of round trips, not one after the other); wasted when stale.
  const [state, rules, before, kases, events] = await Promise.all([
    readTallyState(db),
    currentTallyRules(db),
    db.caseTallies.bulkGet(ids),
    db.cases.bulkGet(ids),
    Promise.all(ids.map((id) => eventsOf(db, id))),
  ]);
  if (state === undefined) return;
  if (state.basis !== rules.basis) {
    await db.meta.delete('tallies');
    return;
  }
  const keys = new Map<string, readonly [string, string]>();
  const note = (t: CaseTally | undefined): void => {
    if (t !== undefined) keys.set(dayKey(t.day, t.teamId), [t.day, t.teamId]);
  };
  before.forEach(note);
  const after: CaseTally[] = [];
  kases.forEach((kase, i) => {
    if (kase !== undefined) after.push(caseTally({ case: kase, events: events[i] ?? [] }, rules.options));
  });
  after.forEach(note);
  const gone = ids.filter((_, i) => kases[i] === undefined);
  await Promise.all([db.caseTallies.bulkPut(after), db.caseTallies.bulkDelete(gone)]);
  await resumDays(db, keys);
}

/** How a rebuild went. */
export type RebuildOutcome =
  | { readonly ok: true; readonly cases: number }
  /** The record was replaced (reset, restore) or the rules changed on every attempt. */
  | { readonly ok: false; readonly reason: 'moved' };

export interface RebuildOptions {
  /** Called after each chunk with the cases tallied so far and the total; awaited before the next. */
  readonly onProgress?: (done: number, total: number) => void | Promise<void>;
  /** When the rebuild is written, epoch ms (noted in `meta.tallies`). */
  readonly now?: () => number;
  /** How many times to start over when the record was replaced or the rules changed meanwhile. */
  readonly attempts?: number;
  /** Cases per read; default {@link TALLY_READ_CHUNK}. */
  readonly chunk?: number;
}

/** Whether the stored record still passes through `head` (the events are only ever appended). */
async function extendsHead(db: GridDeskDb, head: ChainHead): Promise<boolean> {
  if (head.count === 0) return true;
  const current = await readChainHead(db);
  if (current.count < head.count) return false;
  return (await db.events.get(head.count))?.hash === head.lastHash;
}

/** Tallies every stored case in chunks of {@link TALLY_READ_CHUNK}, each chunk one read transaction. */
async function tallyAll(
  db: GridDeskDb,
  options: TallyOptions,
  chunkSize: number,
  onProgress: (done: number, total: number) => void | Promise<void>,
): Promise<CaseTally[]> {
  const total = await db.cases.count();
  const tallies: CaseTally[] = [];
  let after: string | null = null;
  for (;;) {
    const from = after;
    const chunk = await db.transaction('r', db.cases, db.events, async () => {
      const kases: Case[] = await (
        from === null ? db.cases.orderBy(':id') : db.cases.where(':id').above(from)
      )
        .limit(chunkSize)
        .toArray();
      const first = kases[0];
      const last = kases.at(-1);
      if (first === undefined || last === undefined) return [];
      // The chunk's cases are a range of ids, so their events are one range of the caseId index.
      const events = caseEventsOf(
        await db.events.where('caseId').between(first.id, last.id, true, true).toArray(),
      );
      const byCase = new Map<string, StoredCaseEvent[]>();
      for (const event of events) {
        const list = byCase.get(event.caseId);
        if (list === undefined) byCase.set(event.caseId, [event]);
        else list.push(event);
      }
      return kases.map((kase): IndicatorCase => ({
        case: kase,
        events: (byCase.get(kase.id) ?? []).sort((a, b) => a.seq - b.seq),
      }));
    });
    const last = chunk.at(-1);
    if (last === undefined) break;
    for (const item of chunk) tallies.push(caseTally(item, options));
    after = last.case.id;
    await onProgress(tallies.length, Math.max(total, tallies.length));
  }
  return tallies;
}

/**
 * Rebuilds every case tally and day roll-up from the stored cases and events: reads them in chunks (each
 * its own read transaction, so case writes go on meanwhile), then writes everything in ONE transaction
 * with `meta.tallies`. That transaction first checks the record still extends the head read at the start
 * and the rules are the same; cases written meanwhile (every write appends an event, so they are the
 * cases of the events past that head) are tallied again there, from what is stored then. When the
 * record was replaced or the rules changed, it starts over. Meant for a worker: at 10× the sample it
 * reads 31,000 cases and 330,000 events.
 */
export async function rebuildTallies(db: GridDeskDb, options: RebuildOptions = {}): Promise<RebuildOutcome> {
  const onProgress = options.onProgress ?? (() => undefined);
  const now = options.now ?? Date.now;
  for (let attempt = 0; attempt < (options.attempts ?? 3); attempt += 1) {
    const start = await db.transaction('r', db.meta, db.matters, async () => ({
      head: await readChainHead(db),
      rules: await currentTallyRules(db),
    }));
    const tallies = await tallyAll(db, start.rules.options, options.chunk ?? TALLY_READ_CHUNK, onProgress);
    const tables = [db.meta, db.matters, db.cases, db.events, db.caseTallies, db.dayTallies];
    const written = await db.transaction('rw', tables, async () => {
      if (!(await extendsHead(db, start.head))) return false;
      if ((await currentTallyRules(db)).basis !== start.rules.basis) return false;
      const byCase = new Map(tallies.map((t) => [t.caseId, t]));
      const since = await db.events.where(':id').above(start.head.count).toArray();
      const touched = new Set(caseEventsOf(since).map((event) => event.caseId));
      if (touched.size > 0) {
        const ids = [...touched];
        const kases = await db.cases.bulkGet(ids);
        const events = await Promise.all(ids.map((id) => eventsOf(db, id)));
        kases.forEach((kase, i) => {
          if (kase !== undefined)
            byCase.set(kase.id, caseTally({ case: kase, events: events[i] ?? [] }, start.rules.options));
        });
      }
      const all = [...byCase.values()];
      const days: DayTally[] = dayTallies(all);
      await Promise.all([db.caseTallies.clear(), db.dayTallies.clear()]);
      await bulkAddInChunks(db.caseTallies, all);
      await bulkAddInChunks(db.dayTallies, days);
      const state: TallyState = { basis: start.rules.basis, builtAt: now(), cases: all.length };
      await db.meta.put({ key: 'tallies', value: state });
      return all.length;
    });
    if (written !== false) return { ok: true, cases: written };
  }
  return { ok: false, reason: 'moved' };
}

/**
 * Makes the stored roll-ups current: nothing when they are, else `rebuild` (the app runs
 * {@link rebuildTallies} in a worker; by default it runs here). Returns whether it rebuilt.
 */
export async function ensureTallies(
  db: GridDeskDb,
  rebuild: (db: GridDeskDb) => Promise<RebuildOutcome> = (d) => rebuildTallies(d),
): Promise<boolean> {
  if (await talliesCurrent(db)) return false;
  const outcome = await rebuild(db);
  if (!outcome.ok) throw new Error(`the indicators' roll-ups could not be rebuilt: ${outcome.reason}`);
  return true;
}

/** Runs `read` in one read transaction with the roll-ups' check: null when they are not current. */
async function readIfCurrent<T>(db: GridDeskDb, read: () => Promise<T>): Promise<T | null> {
  const tables = [db.meta, db.matters, db.dayTallies, db.caseTallies, db.cases, db.events];
  return db.transaction('r', tables, async () => {
    const [state, rules] = await Promise.all([readTallyState(db), currentTallyRules(db)]);
    if (state?.basis !== rules.basis) return null;
    return read();
  });
}

/** The roll-ups of a period's report, without the alarms (renderer/db/current-alarms.ts counts those). */
export type IndicatorPeriodRollUps = Omit<IndicatorRollUps, 'alarms'>;

/**
 * What a period's report is summed from (shared/indicators/report.ts indicatorReportOfRollUps), but
 * the alarms: the day roll-ups of the days from `firstDay` up to, not including, `today` (centre-zone
 * dates) and today's case tallies; null when the roll-ups are not current. Reads no open case: their
 * 当前超期 is counted apart, in the alarms worker.
 */
export async function readIndicatorRollUps(
  db: GridDeskDb,
  firstDay: string,
  today: string,
): Promise<IndicatorPeriodRollUps | null> {
  return readIfCurrent(db, async () => {
    const [days, todays] = await Promise.all([
      firstDay < today ? db.dayTallies.where('day').between(firstDay, today, true, false).toArray() : [],
      db.caseTallies.where('day').equals(today).toArray(),
    ]);
    return { days, today: todays };
  });
}

/**
 * What the wall is computed from (shared/wall/figures.ts wallFiguresOfRollUps): the day roll-ups from
 * `firstDay` on, the tallies last closed since `dayStart` (epoch ms), the cases reported since then and
 * the `latest` newest, and every open case with its events; null when the roll-ups are not current.
 */
export async function readWallRollUps(
  db: GridDeskDb,
  firstDay: string,
  dayStart: number,
  latest: number,
): Promise<WallRollUps | null> {
  return readIfCurrent(db, async () => {
    const [days, closed, today, newest, open] = await Promise.all([
      db.dayTallies.where('day').aboveOrEqual(firstDay).toArray(),
      db.caseTallies.where('closedAt').aboveOrEqual(dayStart).toArray(),
      db.cases.where('reportedAt').aboveOrEqual(dayStart).toArray(),
      db.cases.orderBy('reportedAt').reverse().limit(latest).toArray(),
      readOpenCasesWithEvents(db),
    ]);
    return { days, closed, recent: [...today, ...newest], open };
  });
}
