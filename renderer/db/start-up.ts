import { checkRecordHealth, type RecordFacts, type RecordHealth } from '../../shared/cases/record-health';
import type { GridDeskDb } from './database';
import { readRecordFacts } from './record-repo';
import { ensureSeeded, type LoadSample, type SeedOptions, type SeedResult } from './seed';

/** What opening the database at start-up found, and whether it seeded. */
export interface StartUpResult {
  /** The record's quick check after start-up: `ok` after a seeding, else what was found. */
  readonly health: RecordHealth;
  /** What that check read (recordHealthFollower starts from it). */
  readonly facts: RecordFacts;
  /** The seeding's result when the database was empty, null when there was something to keep. */
  readonly seed: SeedResult | null;
}

/**
 * The database part of start-up: runs the record's quick check and seeds the sample only when the
 * database is empty and `options.seed` is not false (a centre set up here is never seeded; `onSeeding`
 * is called first, to say so on screen). A database holding anything is
 * only checked, never written to: a missing head, a head that does not match the events, or cases
 * without their record come back as alarms, with everything left as found.
 */
export async function startUpDatabase(
  db: GridDeskDb,
  loadSample: LoadSample,
  now: number,
  onSeeding: () => void = () => undefined,
  options: SeedOptions & { readonly seed?: boolean } = {},
): Promise<StartUpResult> {
  const facts = await readRecordFacts(db);
  const found = checkRecordHealth(facts);
  if (found.status !== 'empty' || options.seed === false) return { health: found, facts, seed: null };
  onSeeding();
  const seed = await ensureSeeded(db, loadSample, now, options);
  const seeded = await readRecordFacts(db);
  return { health: checkRecordHealth(seeded), facts: seeded, seed };
}
