import type { PositionReport } from '../../shared/positions/reports';
import type { GridDeskDb } from '../db/database';
import { recordPositionBatch, type RecordOptions, type StoredPositions } from '../db/positions-repo';
import { keptWorker } from '../import/worker-job';
import type { PositionsService } from './positions.worker';

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
  if (typeof Worker === 'undefined') return recordPositionBatch(db, reports, now, options);
  // A plain copy: a reactive proxy cannot be cloned to a worker.
  return positions.call((remote) => remote.record(db.name, [...reports], now, { ...options }));
}
