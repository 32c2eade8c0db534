/// <reference lib="webworker" />
/**
 * Stores the officers' position reports off the UI thread (db/positions-repo.ts): the officers' rows,
 * their tracks and the geofence's watches, one transaction per batch. 2,000 phones reporting every
 * second make a write of thousands of rows every two seconds; in the window it took a fifth of the main
 * thread, which the map's frames paid for. The worker lives as long as the window and keeps its
 * database open and, with it, the tracks' last points it wrote; a database closed under it (deleted by
 * a reset, upgraded, switched) forgets them.
 */
import { expose } from 'comlink';
import type { PositionReport } from '../../shared/positions/reports';
import { keptDb } from '../db/database';
import { forgetTrackTails, recordPositionReports, type RecordOptions } from '../db/positions-repo';

const database = keptDb((db) => {
  db.on('close', () => forgetTrackTails(db));
});

const service = {
  /**
   * Stores `reports` received by `now` (epoch ms) in database `dbName`; what became of them, without the
   * officers it moved (the window showed them already).
   */
  async record(dbName: string, reports: readonly PositionReport[], now: number, options: RecordOptions) {
    const { issues, counts, alerts } = await recordPositionReports(database(dbName), reports, now, options);
    return { issues, counts, alerts: alerts.length };
  },
};

export type PositionsService = typeof service;

expose(service);
