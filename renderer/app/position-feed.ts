/**
 * Officer positions for the sample township. A real centre receives reports from the officers' phones;
 * the synthetic sample has no phones, so its patrol simulator (shared/positions) reports a short walk
 * for every officer on duty every {@link SAMPLE_FEED_INTERVAL_MS}, through the same path a real feed
 * uses (parse, store the newest, refresh the map and the recommendations). An officer a phone is bound
 * to (终端定位) is left to the phone: their position is what it reports, and 离线 when it falls silent.
 */
import { parsePositionReports } from '../../shared/positions/reports';
import { seededRandom, simulatePatrolStep } from '../../shared/positions/patrol-simulator';
import { recordPositionReports } from '../db/positions-repo';
import type { GridDeskDb } from '../db/database';
import { useTownshipStore } from '../stores/township';
import { usePositionFeedStore } from '../stores/position-feed';
import { usePhonesStore } from '../stores/phones';

export const SAMPLE_FEED_INTERVAL_MS = 15_000;

let timer: ReturnType<typeof setInterval> | null = null;

/**
 * One round of reports received at `now` (epoch ms): parsed, stored, shown, and counted in the feed
 * status (the status bar shows how many were refused and why).
 */
export async function receivePositions(
  db: GridDeskDb,
  raw: unknown,
  source: string,
  now: number = Date.now(),
): Promise<void> {
  const { reports, issues } = parsePositionReports(raw, source);
  for (const issue of issues) console.warn('[positions] refused', issue);
  const stored = await recordPositionReports(db, reports, now);
  for (const issue of stored.issues) console.warn('[positions] refused', issue);
  usePositionFeedStore().addBatch(now, stored.counts, issues.length);
  if (stored.counts.applied > 0) useTownshipStore().setOfficers(stored.officers);
}

/** Starts the sample's simulated phones (once); reports at once so positions are fresh at start. */
export function startSamplePositionFeed(db: GridDeskDb): void {
  stopSamplePositionFeed();
  const random = seededRandom(Date.now() & 0xffffffff);
  const tick = (): void => {
    const township = useTownshipStore();
    const phones = new Set(usePhonesStore().config.bindings.map((b) => b.officerId));
    const simulated = township.officers.filter((o) => !phones.has(o.id));
    const reports = simulatePatrolStep(simulated, township.patrolAreas, Date.now(), random);
    receivePositions(db, reports, 'sample-simulator').catch((e: unknown) => console.error('[positions]', e));
  };
  tick();
  timer = setInterval(tick, SAMPLE_FEED_INTERVAL_MS);
}

export function stopSamplePositionFeed(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}
