import { openDb, type GridDeskDb } from './database';

/**
 * The window's one local database: opened once at start-up (app/session.ts), read by stores and
 * dialogs through {@link currentDb}. Tests hand in their own (fake-indexeddb) database with
 * {@link setCurrentDb}.
 */
let current: GridDeskDb | null = null;

/** Opens the real profile's database on first call; later calls return the same handle. */
export function openCurrentDb(): GridDeskDb {
  current ??= openDb();
  return current;
}

/** The open local database; throws before start-up has opened it. */
export function currentDb(): GridDeskDb {
  if (!current) throw new Error('the local database is not open yet');
  return current;
}

/** Replaces the handle (tests: a database of their own; null: none open). */
export function setCurrentDb(db: GridDeskDb | null): void {
  current = db;
}
