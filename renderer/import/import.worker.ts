/// <reference lib="webworker" />
/**
 * The import worker: reading, decoding, tokenising or unzipping a 12345 export and converting its
 * rows, off the UI thread (see import-service.ts). Reached through import/client.ts.
 */
import { expose } from 'comlink';
import { createImportService } from './import-service';

expose(createImportService());
