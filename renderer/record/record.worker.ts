/**
 * Checks the stored record off the UI thread: the worker opens the same IndexedDB database, reads the
 * events and the head, and recomputes the chain, reporting progress. Cancelling terminates the worker.
 */
import { expose } from 'comlink';
import { openDb } from '../db/database';
import { verifyStoredRecord } from '../db/record-repo';

const service = {
  async verify(dbName: string, onProgress: (checked: number, total: number) => void) {
    const db = openDb(dbName);
    try {
      return await verifyStoredRecord(db, { onProgress, progressEvery: 1000 });
    } finally {
      db.close();
    }
  },
};

export type RecordService = typeof service;

expose(service);
