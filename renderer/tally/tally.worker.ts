/// <reference lib="webworker" />
/**
 * Rebuilds the indicators' case tallies and day roll-ups off the UI thread: the worker opens the same
 * IndexedDB database, reads every case and its events in chunks and writes the roll-ups in one
 * transaction (renderer/db/tallies-repo.ts rebuildTallies), reporting progress.
 */
import { expose } from 'comlink';
import { openDb } from '../db/database';
import { rebuildTallies } from '../db/tallies-repo';

const service = {
  async rebuild(dbName: string, onProgress: (done: number, total: number) => void) {
    const db = openDb(dbName);
    try {
      return await rebuildTallies(db, { onProgress });
    } finally {
      db.close();
    }
  },
};

export type TallyService = typeof service;

expose(service);
