/// <reference lib="webworker" />
/**
 * Stores the officers' position reports off the UI thread (db/positions-repo.ts): the officers' rows,
 * their tracks and the geofence's watches, one transaction per batch. 2,000 phones reporting every
 * second make a write of thousands of rows every few seconds (app/phones-feed.ts); in the window it
 * took a fifth of the main thread, which the map's frames paid for. The worker lives as long as the window and keeps its
 * database open and, with it, the tracks' last points it wrote; a database closed under it (deleted by
 * a reset, upgraded, switched) forgets them.
 */
import { expose } from 'comlink';
import type { PositionReport } from '../../shared/positions/reports';
import { keptDb } from '../db/database';
import { forgetTrackTails, recordPositionBatch, type RecordOptions } from '../db/positions-repo';

const database = keptDb((db) => {
  db.on('close', () => forgetTrackTails(db));
});

const service = {
  /** Stores `reports` received by `now` (epoch ms) in database `dbName`; what became of them. */
  record(dbName: string, reports: readonly PositionReport[], now: number, options: RecordOptions) {
    return recordPositionBatch(database(dbName), reports, now, options);
  },
};

export type PositionsService = typeof service;

expose(service);
