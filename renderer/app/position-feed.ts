/**
 * Officer positions for the sample township. A real centre receives reports from the officers' phones;
 * the synthetic sample has no phones, so its patrol simulator (shared/positions) reports a short walk
 * for every officer on duty every {@link SAMPLE_FEED_INTERVAL_MS}, through the same path a real feed
 * uses (parse, show the newest on the map and in the recommendations, store it).
 */
import {
  applyPositionReports,
  parsePositionReports,
  type PositionReport,
} from '../../shared/positions/reports';
import { seededRandom, simulatePatrolStep } from '../../shared/positions/patrol-simulator';
import { recordPositionReports } from '../db/positions-repo';
import type { GridDeskDb } from '../db/database';
import { useTownshipStore } from '../stores/township';
import { usePositionFeedStore } from '../stores/position-feed';

export const SAMPLE_FEED_INTERVAL_MS = 15_000;

let timer: ReturnType<typeof setInterval> | null = null;

/**
 * Shows reports received at `now` (epoch ms) at once: each officer of the roster in the township store
 * moves to their newest acceptable report, by the rules the write applies (applyPositionReports, against
 * the same roster: only this window writes positions), so the map and the recommendations follow the
 * phones without waiting for the database to commit. A report the write then refuses was refused here
 * too; should the write itself fail, the next report (a phone's next second) is shown and stored again.
 */
export function showPositions(reports: readonly PositionReport[], now: number): void {
  const township = useTownshipStore();
  const shown = applyPositionReports(township.officers, reports, now);
  if (shown.changed > 0) township.setOfficers(shown.officers);
}

/**
 * Stores reports received by `now` (epoch ms) in one transaction, and counts what became of them in
 * the feed status (the status bar shows how many were refused and why); `malformed` is how many
 * parsing refused before.
 */
export async function storePositions(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  now: number,
  malformed = 0,
): Promise<void> {
  const stored = await recordPositionReports(db, reports, now);
  for (const issue of stored.issues) console.warn('[positions] refused', issue);
  usePositionFeedStore().addBatch(now, stored.counts, malformed);
}

/** One round of reports from `source` received at `now` (epoch ms): parsed, shown, stored and counted. */
export async function receivePositions(
  db: GridDeskDb,
  raw: unknown,
  source: string,
  now: number = Date.now(),
): Promise<void> {
  const { reports, issues } = parsePositionReports(raw, source);
  for (const issue of issues) console.warn('[positions] refused', issue);
  showPositions(reports, now);
  await storePositions(db, reports, now, issues.length);
}

/** Starts the sample's simulated phones (once); reports at once so positions are fresh at start. */
export function startSamplePositionFeed(db: GridDeskDb): void {
  stopSamplePositionFeed();
  const random = seededRandom(Date.now() & 0xffffffff);
  const tick = (): void => {
    const township = useTownshipStore();
    const reports = simulatePatrolStep(township.officers, township.patrolAreas, Date.now(), random);
    receivePositions(db, reports, 'sample-simulator').catch((e: unknown) => console.error('[positions]', e));
  };
  tick();
  timer = setInterval(tick, SAMPLE_FEED_INTERVAL_MS);
}

export function stopSamplePositionFeed(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}
