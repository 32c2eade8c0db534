/// <reference lib="webworker" />
/**
 * The history worker: reading an old system's case export and checking its rows, off the UI thread
 * (see history-service.ts). Reached through history/client.ts.
 */
import { expose } from 'comlink';
import { createHistoryService } from './history-service';

expose(createHistoryService());
