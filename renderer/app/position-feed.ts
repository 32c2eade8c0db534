/**
 * Officer positions for the sample township. A real centre receives reports from the officers' phones;
 * the synthetic sample has no phones, so its patrol simulator (shared/positions/patrol-simulator.ts:
 * along the sample's roads inside each team's areas, to a case when dispatched to it, and back) reports
 * every officer on duty every {@link SAMPLE_FEED_INTERVAL_MS}, through the same path a real feed uses
 * (parse, show the newest on the map and in the recommendations, store it with the track).
 * An officer a phone is bound to (终端定位) is left to the phone: their position is what it reports, and
 * 离线 when it falls silent.
 */
import {
  applyPositionReports,
  parsePositionReports,
  type PositionReport,
} from '../../shared/positions/reports';
import {
  createPatrolSimulation,
  seededRandom,
  simulatorCalls,
  type PatrolSimulation,
} from '../../shared/positions/patrol-simulator';
import { roadNetworkFor } from '../../shared/roads/network';
import { useCasesStore } from '../stores/cases';
import type { RecordOptions } from '../db/positions-repo';
import { recordPositions } from '../positions/client';
import type { GridDeskDb } from '../db/database';
import { useTownshipStore } from '../stores/township';
import { usePositionFeedStore } from '../stores/position-feed';
import { usePhonesStore } from '../stores/phones';

export const SAMPLE_FEED_INTERVAL_MS = 15_000;
/** The source name of the sample's simulated walks, which the geofence does not judge (positions-repo.ts). */
export const SIMULATOR_SOURCE = 'sample-simulator';

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
 * Stores reports received by `now` (epoch ms) in one transaction, in the positions worker (with the
 * tracks, and past the geofence unless `options` say not), and counts what became of them in the feed
 * status (the status bar shows how many were refused and why); `malformed` is how many parsing refused
 * before.
 */
export async function storePositions(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  now: number,
  malformed = 0,
  options: RecordOptions = {},
): Promise<void> {
  const stored = await recordPositions(db, reports, now, options);
  for (const issue of stored.issues) console.warn('[positions] refused', issue);
  usePositionFeedStore().addBatch(now, stored.counts, malformed);
}

/**
 * One round of reports from `source` received at `now` (epoch ms): parsed, shown, stored (past the
 * geofence but for the simulator's) and counted.
 */
export async function receivePositions(
  db: GridDeskDb,
  raw: unknown,
  source: string,
  now: number = Date.now(),
): Promise<void> {
  const { reports, issues } = parsePositionReports(raw, source);
  for (const issue of issues) console.warn('[positions] refused', issue);
  showPositions(reports, now);
  await storePositions(db, reports, now, issues.length, { watchGeofence: source !== SIMULATOR_SOURCE });
}

/** Starts the sample's simulated phones (once); reports at once so positions are fresh at start. */
export function startSamplePositionFeed(db: GridDeskDb): void {
  stopSamplePositionFeed();
  const random = seededRandom(Date.now() & 0xffffffff);
  let simulation: PatrolSimulation | null = null;
  const tick = (): void => {
    const township = useTownshipStore();
    const roads = township.dataset?.basemap.roads ?? [];
    if (roads.length === 0) return;
    simulation ??= createPatrolSimulation(roadNetworkFor(roads), township.patrolAreas, random);
    const now = Date.now();
    const phones = new Set(usePhonesStore().config.bindings.map((b) => b.officerId));
    const simulated = township.officers.filter((o) => !phones.has(o.id));
    const calls = simulatorCalls(useCasesStore().openCases, now);
    const reports = simulation.step(simulated, now, calls);
    receivePositions(db, reports, SIMULATOR_SOURCE).catch((e: unknown) => console.error('[positions]', e));
  };
  tick();
  timer = setInterval(tick, SAMPLE_FEED_INTERVAL_MS);
}

export function stopSamplePositionFeed(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}
