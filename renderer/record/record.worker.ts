/**
 * Checks the stored record off the UI thread: the worker opens the same IndexedDB database, reads the
 * events and the head, and recomputes the chain, reporting progress. Cancelling terminates the worker.
 */
import { expose } from 'comlink';
import type { ChainHead } from '../../shared/cases/record';
import { openDb } from '../db/database';
import { checkStoredExtends, verifyStoredRecord, verifyStoredRecordSinceCheckpoint } from '../db/record-repo';

type OnProgress = (checked: number, total: number) => void;

const service = {
  /** The full check (核验记录) against the stored head. */
  async verify(dbName: string, onProgress: OnProgress) {
    const db = openDb(dbName);
    try {
      return await verifyStoredRecord(db, { onProgress, progressEvery: 1000 });
    } finally {
      db.close();
    }
  },
  /** The incremental check: the events after the last verified point. */
  async verifySince(dbName: string, onProgress: OnProgress) {
    const db = openDb(dbName);
    try {
      return await verifyStoredRecordSinceCheckpoint(db, { onProgress, progressEvery: 1000 });
    } finally {
      db.close();
    }
  },
  /** Whether the stored record extends a head noted earlier. */
  async checkExtends(dbName: string, noted: ChainHead, onProgress: OnProgress) {
    const db = openDb(dbName);
    try {
      return await checkStoredExtends(db, noted, { onProgress, progressEvery: 1000 });
    } finally {
      db.close();
    }
  },
};

export type RecordService = typeof service;

expose(service);
