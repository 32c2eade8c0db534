/// <reference lib="webworker" />
/**
 * The seed worker: validates the embedded sample, shifts its times, scopes its ids and builds its
 * record (replaying every history and hashing 33,000 events) off the UI thread, and writes the result
 * into the database itself (the empty one at the first start, the spare for a reset), so neither the
 * building nor the copying of 40,000 rows into IndexedDB touches the UI thread.
 */
import { expose } from 'comlink';
import { seedIntoHere } from '../db/seed';
import { prepareSpareHere, type SpareJob } from '../db/sample-spare';

const service = {
  /** The first start: prepares and writes the sample into the empty database `dbName` itself. */
  seed(parts: unknown[], now: number, workstation: string, dbName: string) {
    return seedIntoHere(parts, now, workstation, dbName);
  },
  /**
   * A reset's spare: prepares and writes the sample into the new database `job.dbName`, asking
   * `mayGoOn` (the UI thread's) before each step (record building, writes).
   */
  prepareSpare(parts: unknown[], job: SpareJob, mayGoOn?: () => Promise<void>) {
    return prepareSpareHere(parts, job, mayGoOn === undefined ? {} : { mayGoOn: () => mayGoOn() });
  },
};

export type SeedService = typeof service;

expose(service);
