import type { ChainHead } from '../../shared/cases/record';
import { checkRecordHealth, type RecordHealth } from '../../shared/cases/record-health';
import type { GridDeskDb } from './database';
import { startUpRecordCheck } from './record-health-repo';
import { readRecordFacts } from './record-repo';
import { ensureSeeded, type LoadSample, type SeedOptions, type SeedResult } from './seed';

/** What opening the database at start-up found, and whether it seeded. */
export interface StartUpResult {
  /** The record's quick check after start-up: `ok` after a seeding, else what was found. */
  readonly health: RecordHealth;
  /** The head that check found sound (recordHealthFollower starts from it); null after an alarm. */
  readonly point: ChainHead | null;
  /**
   * The check started from the verified checkpoint (only what was written after it was read); false
   * when there was none to start from and every key was read (record-health-repo.ts).
   */
  readonly fromCheckpoint: boolean;
  /** The seeding's result when the database was empty, null when there was something to keep. */
  readonly seed: SeedResult | null;
}

/**
 * The database part of start-up: runs the record's quick check (from the verified checkpoint when
 * there is one, record-health-repo.ts) and seeds the sample only when the database is empty and
 * `options.seed` is not false (a centre set up here is never seeded; `onSeeding` is called first, to
 * say so on screen). A database holding anything is only checked, never written to (but for moving
 * the verified checkpoint over what the check verified): a missing head, a head that does not match
 * the events, or cases without their record come back as alarms, with everything left as found.
 */
export async function startUpDatabase(
  db: GridDeskDb,
  loadSample: LoadSample,
  now: number,
  onSeeding: () => void = () => undefined,
  options: SeedOptions & { readonly seed?: boolean } = {},
): Promise<StartUpResult> {
  const found = await startUpRecordCheck(db);
  if (found.health.status !== 'empty' || options.seed === false) return { ...found, seed: null };
  onSeeding();
  const seed = await ensureSeeded(db, loadSample, now, options);
  performance.mark('griddesk:seeded');
  // What this call wrote is judged from the rows it wrote; only what another window seeded is read.
  if (seed.ok && seed.written !== undefined) {
    const { health, head } = seed.written;
    return { health, point: health.status === 'ok' ? head : null, fromCheckpoint: false, seed };
  }
  const seeded = await readRecordFacts(db);
  const health = checkRecordHealth(seeded);
  return {
    health,
    point: health.status === 'ok' ? seeded.head : null,
    fromCheckpoint: false,
    seed,
  };
}
