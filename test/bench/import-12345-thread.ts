// Worker-thread host of the import worker's service for the import-12345 bench: the same
// createImportService the browser's import.worker.ts exposes, over comlink's Node adapter. Node cannot
// clone a file-backed Blob to a thread, so the thread opens the file itself (`readPath`): in the
// browser the File is cloned to the worker instead; both then stream it through `read`.
import { openAsBlob } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createImportService } from '../../renderer/import/import-service';
import type { ReadProgress } from '../../shared/import/stream-read';

if (parentPort === null) throw new Error('import-12345-thread.ts runs only as a worker thread');
const service = createImportService();
const host = {
  ...service,
  async readPath(path: string, name: string, onProgress: (progress: ReadProgress) => void) {
    return service.read(await openAsBlob(path), name, onProgress);
  },
};
export type ImportThreadHost = typeof host;
expose(host, nodeEndpoint(parentPort));
