/// <reference lib="webworker" />
/**
 * Counts 当前超期 / 临近超期 over every open case off the UI thread (renderer/db/current-alarms.ts), and
 * computes the display wall's figures from the same open cases (renderer/db/wall-figures.ts). Unlike
 * the tally worker it lives as long as the window: it keeps its database open and, through
 * open-case-events.ts, the open cases it read, so each count reads only the cases written since the
 * last one. A database closed under it (a reset or a restore deletes or upgrades it) is opened again
 * by Dexie on the next read.
 */
import { expose } from 'comlink';
import type { GridDeskDb } from '../db/database';
import { openDb } from '../db/database';
import { readCurrentAlarms } from '../db/current-alarms';
import { readWallFigures } from '../db/wall-figures';

let open: GridDeskDb | null = null;

/** The database `name`, opened once; another name closes the one before. */
function database(name: string): GridDeskDb {
  if (open?.name !== name) {
    open?.close();
    open = openDb(name);
  }
  return open;
}

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
