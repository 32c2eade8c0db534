import { proxy } from 'comlink';
import type { ImportedFile } from '../../shared/cases/data-events';
import type { CrsFit } from '../../shared/import/crs-guess';
import type { AreaGeometry } from '../../shared/model/geo';
import type { CoordSystem } from '../../shared/geo/coord-systems';
import type { HistoryMapping } from '../../shared/history/history-mapping';
import type { ReadProgress } from '../../shared/import/stream-read';
import type { SessionGrant } from '../db/sessions';
import { workerJob } from '../import/worker-job';
import type {
  HistoryCentre,
  HistoryPreview,
  HistoryReadOutcome,
  HistoryService,
  HistoryWrite,
  HistoryWriteProgress,
} from './history-service';

export { WorkCancelled } from '../import/worker-job';

/**
 * One history file's import, in its own worker: read it, check it, and write the accepted rows from
 * there; the rows never cross to the UI thread.
 */
export interface HistoryJob {
  read(file: File, onProgress: (progress: ReadProgress) => void): Promise<HistoryReadOutcome>;
  fit(mapping: HistoryMapping, boundary: AreaGeometry | undefined): Promise<CrsFit>;
  check(mapping: HistoryMapping, coordSystem: CoordSystem, centre: HistoryCentre): Promise<HistoryPreview>;
  /** Writes the rows the last check accepted, as the leader `grant` stands for (see HistoryService.write). */
  write(
    dbName: string,
    grant: SessionGrant,
    file: ImportedFile,
    now: number,
    onProgress: (progress: HistoryWriteProgress) => void,
  ): Promise<HistoryWrite>;
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
          dbName: centre.dbName,
        }),
      ),
    fit: (mapping, boundary) => job.run<CrsFit>((s) => s.fit({ ...mapping }, boundary)),
    write: (dbName, grant, file, now, onProgress) =>
      job.run<HistoryWrite>((s) => s.write(dbName, { ...grant }, { ...file }, now, proxy(onProgress))),
    cancel: () => job.cancel(),
  };
}
