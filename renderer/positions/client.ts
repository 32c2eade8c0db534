import type { PositionCounts, PositionIssue, PositionReport } from '../../shared/positions/reports';
import type { GridDeskDb } from '../db/database';
import { recordPositionReports, type RecordOptions } from '../db/positions-repo';
import { keptWorker } from '../import/worker-job';
import type { PositionsService } from './positions.worker';

/** What became of a batch of reports stored: refusals, counts, and how many geofence alerts it raised or updated. */
export interface StoredPositions {
  readonly issues: readonly PositionIssue[];
  readonly counts: PositionCounts;
  readonly alerts: number;
}

const positions = keptWorker<PositionsService>(
  () => new Worker(new URL('./positions.worker.ts', import.meta.url), { type: 'module' }),
  'positions',
);

/**
 * Stores a batch of reports received by `now` (epoch ms) in `db`, in the window's positions worker
 * (positions.worker.ts); here where there are no workers (unit tests under Node). The geofence's alerts
 * reach the window through the database (Dexie tells other contexts what a worker wrote).
 */
export async function recordPositions(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  now: number,
  options: RecordOptions = {},
): Promise<StoredPositions> {
  if (typeof Worker === 'undefined') {
    const { issues, counts, alerts } = await recordPositionReports(db, reports, now, options);
    return { issues, counts, alerts: alerts.length };
  }
  // A plain copy: a reactive proxy cannot be cloned to a worker.
  return positions.call((remote) => remote.record(db.name, [...reports], now, { ...options }));
}
