import { proxy } from 'comlink';
import type { CrsFit } from '../../shared/import/crs-guess';
import type { AreaGeometry } from '../../shared/model/geo';
import type { CoordSystem } from '../../shared/geo/coord-systems';
import type { HistoryMapping } from '../../shared/history/history-mapping';
import type { HistoryRow } from '../../shared/history/read-history';
import type { ReadProgress } from '../../shared/import/stream-read';
import { workerJob } from '../import/worker-job';
import type { HistoryCentre, HistoryPreview, HistoryReadOutcome, HistoryService } from './history-service';

export { WorkCancelled } from '../import/worker-job';

/** One history file's import, in its own worker: read it, check it, hand over the rows to write. */
export interface HistoryJob {
  read(file: File, onProgress: (progress: ReadProgress) => void): Promise<HistoryReadOutcome>;
  fit(mapping: HistoryMapping, boundary: AreaGeometry | undefined): Promise<CrsFit>;
  check(mapping: HistoryMapping, coordSystem: CoordSystem, centre: HistoryCentre): Promise<HistoryPreview>;
  rows(): Promise<readonly HistoryRow[]>;
  /** Terminates the worker: what is pending rejects with WorkCancelled. */
  cancel(): void;
}

/** Starts a history worker. Cancel (or a new file) ends it. */
export function startHistoryJob(): HistoryJob {
  const job = workerJob<HistoryService>(
    new Worker(new URL('./history.worker.ts', import.meta.url), { type: 'module' }),
    'history',
  );
  return {
    read: (file, onProgress) =>
      job.run<HistoryReadOutcome>((s) => s.read(file, file.name, proxy(onProgress))),
    // Plain copies: reactive proxies cannot be cloned to a worker.
    check: (mapping, coordSystem, centre) =>
      job.run<HistoryPreview>((s) =>
        s.check({ ...mapping }, coordSystem, {
          matters: [...centre.matters],
          grids: [...centre.grids],
          patrolAreas: [...centre.patrolAreas],
          zoneOffsetMs: centre.zoneOffsetMs,
          existingCaseNos: [...centre.existingCaseNos],
        }),
      ),
    fit: (mapping, boundary) => job.run<CrsFit>((s) => s.fit({ ...mapping }, boundary)),
    rows: () => job.run<readonly HistoryRow[]>((s) => s.rows()),
    cancel: () => job.cancel(),
  };
}
