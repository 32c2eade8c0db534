/// <reference lib="webworker" />
/**
 * The seed worker: validates the embedded sample, shifts its times, scopes its ids and builds its
 * record (replaying every history and hashing 33,000 events) off the UI thread, for the first start
 * and a reset to the sample. It touches no database; the caller writes what it returns.
 */
import { expose } from 'comlink';
import { prepareSampleParts } from '../db/seed-prepare';

const service = {
  prepare(parts: unknown[], now: number, workstation: string) {
    return prepareSampleParts(parts, now, workstation);
  },
};

export type SeedService = typeof service;

expose(service);
