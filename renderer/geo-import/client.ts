/**
 * The geographic import's entry for the wizard: `readInWorker` reads a picked file in its own
 * geo-import.worker.ts (see read-in-worker.ts for what it does and answers).
 */
import type { GeoReadOptions } from '../../shared/import/geo';
import { readInWorkerWith, type GeoImportRead, type ReadInWorkerControl } from './read-in-worker';

export type { GeoImportHandle, GeoImportRead, ReadInWorkerControl } from './read-in-worker';
export { WorkCancelled } from '../import/worker-job';

const startWorker = (): Worker =>
  new Worker(new URL('./geo-import.worker.ts', import.meta.url), { type: 'module' });

/**
 * Reads `file` in a worker of its own, with progress, cancelled by `control.signal`; a file over its
 * kind's limit is refused by size before anything starts (`geoImport.file.tooBig`).
 */
export function readInWorker(
  file: File,
  options: GeoReadOptions = {},
  control: ReadInWorkerControl = {},
): Promise<GeoImportRead> {
  return readInWorkerWith(startWorker, file, options, control);
}
