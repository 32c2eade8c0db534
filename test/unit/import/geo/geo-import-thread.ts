// Test support (geo-import-worker.test.ts): the geographic import worker's service in a Node worker
// thread, over comlink's Node adapter, as geo-import.worker.ts exposes it in the browser.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createGeoImportService } from '../../../../renderer/geo-import/geo-import-service';

if (parentPort === null) throw new Error('geo-import-thread.ts runs only as a worker thread');
expose(createGeoImportService(), nodeEndpoint(parentPort));
