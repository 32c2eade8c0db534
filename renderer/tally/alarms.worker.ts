/// <reference lib="webworker" />
/**
 * Counts 当前超期 / 临近超期 over every open case off the UI thread (renderer/db/current-alarms.ts), and
 * computes the display wall's figures from the same open cases (renderer/db/wall-figures.ts). Unlike
 * the tally worker it lives as long as the window: it keeps its database open and, through
 * open-case-events.ts, the open cases it read, so each count reads only the cases written since the
 * last one.
 */
import { expose } from 'comlink';
import { keptDb } from '../db/database';
import { readCurrentAlarms } from '../db/current-alarms';
import { readWallFigures } from '../db/wall-figures';

const database = keptDb();

const service = {
  /** The alarms of database `dbName`'s open cases at `now` (epoch ms). */
  alarms(dbName: string, now: number) {
    return readCurrentAlarms(database(dbName), now);
  },
  /** The display wall's figures of database `dbName` at `now`; null while its roll-ups are not current. */
  wall(dbName: string, now: number) {
    return readWallFigures(database(dbName), now);
  },
};

export type AlarmsService = typeof service;

expose(service);
