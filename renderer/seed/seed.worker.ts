/// <reference lib="webworker" />
/**
 * The seed worker: validates the embedded sample, shifts its times, scopes its ids and builds its
 * record (replaying every history and hashing 33,000 events) off the UI thread, for the first start;
 * for a reset it also writes the result into the spare database itself, so neither the building nor
 * the copying of 40,000 rows into IndexedDB touches the UI thread.
 */
import { expose } from 'comlink';
import { prepareSampleParts } from '../db/seed-prepare';
import { prepareSpareHere } from '../db/seed';
import type { WorkstationInfo } from '../../shared/model/ids';

const service = {
  prepare(parts: unknown[], now: number, workstation: string) {
    return prepareSampleParts(parts, now, workstation);
  },
  prepareSpare(parts: unknown[], now: number, workstation: WorkstationInfo, dbName: string) {
    return prepareSpareHere(parts, now, workstation, dbName);
  },
};

export type SeedService = typeof service;

expose(service);
