import { openDb, type GridDeskDb } from './database';
import { currentCentre, openCentres, type CentreRow, type CentresDb } from './centres';

/**
 * The window's open centre and its local database: opened once at start-up (app/session.ts), read by
 * stores and dialogs through {@link currentDb}; a reset to the sample swaps in the database it wrote.
 * Tests hand in their own (fake-indexeddb) databases with {@link setCurrentDb} and {@link setCentresDb}.
 */
let current: GridDeskDb | null = null;
let registry: CentresDb | null = null;

/** The registry of this installation's centres (centres.ts), opened on first use. */
export function centresDb(): CentresDb {
  registry ??= openCentres();
  return registry;
}

/** Opens the open centre's database on first call; later calls return the same. */
export async function openCurrentCentre(now: number): Promise<{ db: GridDeskDb; centre: CentreRow }> {
  const centre = await currentCentre(centresDb(), now);
  if (current?.name !== centre.dbName) current = openDb(centre.dbName);
  return { db: current, centre };
}

/** The open local database; throws before start-up has opened it. */
export function currentDb(): GridDeskDb {
  if (!current) throw new Error('the local database is not open yet');
  return current;
}

/** Replaces the handle (a reset's new database; tests: a database of their own; null: none open). */
export function setCurrentDb(db: GridDeskDb | null): void {
  current = db;
}

/** Replaces the registry (tests). */
export function setCentresDb(db: CentresDb | null): void {
  registry = db;
}
