import { makeIssue, type DatasetIssue } from '../../shared/schema/issues';
import type { Transaction } from 'dexie';
import type { GridDeskDb } from './database';
import { writeRecord } from './record-repo';
import { datasetTables, writeDataset, type MetaKey, type MetaRow } from './tables';
import { sessionAccount, type SessionToken } from './sessions';
import { workstationId } from './workstation-repo';
import { prepareSampleParts, type PreparedSample, type SampleRefused } from './seed-prepare';

export { SAMPLE_FILE_NAMES, type PreparedSample } from './seed-prepare';

export type LoadSample = () => Promise<unknown[]>;

export interface SeedOptions {
  /** Where the sample is validated and its record built: {@link prepareSampleHere} by default. */
  readonly prepare?: PrepareSample;
  /**
   * For a reset: the sample already loaded and prepared (see {@link prepareResetSample}), started while
   * the leader read the question, so only the write is left once they confirm.
   */
  readonly prepared?: Promise<PreparedSample>;
}

export type SeedResult =
  | {
      readonly ok: true;
      /** 'seeded' when this call wrote the sample, 'already-seeded' when the database was not empty. */
      readonly status: 'seeded' | 'already-seeded';
      /** Milliseconds the sample's times were moved by; 0 when nothing was written. */
      readonly shiftMs: number;
      readonly warnings: readonly DatasetIssue[];
    }
  | SampleRefused;

/** Turns the loaded sample files into what seeding writes; by default here, or in the seed worker. */
export type PrepareSample = (parts: unknown[], now: number, workstation: string) => Promise<PreparedSample>;

/** Prepares on the calling thread (tests; the app passes the seed worker's, renderer/seed/client.ts). */
export const prepareSampleHere: PrepareSample = (parts, now, workstation) =>
  Promise.resolve(prepareSampleParts(parts, now, workstation));

/** Loads the sample, then prepares it; a sample that cannot be loaded is an error naming it. */
async function loadAndPrepare(
  loadSample: LoadSample,
  prepare: PrepareSample,
  now: number,
  workstation: string,
): Promise<PreparedSample> {
  let parts: unknown[];
  try {
    parts = await loadSample();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const location = { file: 'sample', collection: null, index: null, recordId: null, field: '' };
    return {
      ok: false,
      errors: [makeIssue('error', location, 'sample.loadFailed', { detail })],
      warnings: [],
    };
  }
  return prepare(parts, now, workstation);
}

/**
 * Whether nothing of a dataset or a record is stored: no dataset, no chain head, no events, no loop
 * rows, no cases. Only such a database may be seeded; anything else that lacks parts is left for the
 * start-up health check to raise, never filled in.
 */
async function isEmptyDatabase(tx: Transaction): Promise<boolean> {
  const meta = tx.table<MetaRow, string>('meta');
  const [dataset, head, events, loops, cases] = await Promise.all([
    meta.get('schemaVersion'),
    meta.get('chainHead'),
    tx.table('events').count(),
    tx.table('caseLoops').count(),
    tx.table('cases').count(),
  ]);
  return dataset === undefined && head === undefined && events + loops + cases === 0;
}

/**
 * Seeds the database from the sample on first run only: when the database is empty (no dataset, no
 * record, no cases), loads the sample, validates it, shifts its times so the newest event lands a few
 * minutes before `now` (epoch milliseconds), and writes it with its record in one transaction. A
 * database holding anything is never seeded over, even if its record or dataset is incomplete (that is
 * a tamper alarm, see record-health.ts). A bad sample writes nothing and comes back as errors naming
 * file, record and field. Safe against two windows seeding at once: the check is repeated inside the
 * write transaction.
 */
export async function ensureSeeded(
  db: GridDeskDb,
  loadSample: LoadSample,
  now: number,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const already: SeedResult = { ok: true, status: 'already-seeded', shiftMs: 0, warnings: [] };
  const tables = [db.meta, db.events, db.caseLoops, db.cases];
  const empty = await db.transaction('r', tables, async (tx) => isEmptyDatabase(tx));
  if (!empty) return already;
  const prepared = await loadAndPrepare(
    loadSample,
    options.prepare ?? prepareSampleHere,
    now,
    await workstationId(db, now),
  );
  if (!prepared.ok) return prepared;
  const wrote = await db.transaction('rw', db.tables, async (tx) => {
    if (!(await isEmptyDatabase(tx))) return false;
    await writeDataset(datasetTables(tx), prepared.dataset, {
      seededAt: now,
      sampleTimeShiftMs: prepared.shiftMs,
    });
    await writeRecord(tx, prepared.record);
    return true;
  });
  if (!wrote) return already;
  return { ok: true, status: 'seeded', shiftMs: prepared.shiftMs, warnings: prepared.warnings };
}

/**
 * Loads and prepares the sample for {@link resetToSample} (times shifted to `now`, ids scoped by this
 * workstation), writing nothing: a reset can start this when it asks for confirmation.
 */
export async function prepareResetSample(
  db: GridDeskDb,
  loadSample: LoadSample,
  now: number,
  options: Pick<SeedOptions, 'prepare'> = {},
): Promise<PreparedSample> {
  return loadAndPrepare(loadSample, options.prepare ?? prepareSampleHere, now, await workstationId(db, now));
}

/** What a reset to the sample throws away: the cases, record events and attachments stored now. */
export interface ResetLoss {
  readonly cases: number;
  readonly events: number;
  readonly attachments: number;
}

/** Counts what {@link resetToSample} would throw away now, read in one transaction (for the question). */
export async function resetLoss(db: GridDeskDb): Promise<ResetLoss> {
  return db.transaction('r', db.cases, db.events, db.attachments, async () => {
    const [cases, events, attachments] = await Promise.all([
      db.cases.count(),
      db.events.count(),
      db.attachments.count(),
    ]);
    return { cases, events, attachments };
  });
}

/** Why a reset was refused: not a signed-in enabled leader, not the sample centre, or data changed. */
export interface ResetRefusal {
  readonly key:
    'auth.notSignedIn' | 'auth.disabled' | 'reset.leaderOnly' | 'reset.notSample' | 'reset.changed';
  readonly params: Readonly<Record<string, string | number>>;
}

export type ResetResult = SeedResult | { readonly ok: false; readonly refusal: ResetRefusal };

/**
 * The `meta` rows a reset replaces or drops: those describing the dataset, the record's head, and the
 * head of the last backup exported here (it anchored the old record; the new one does not extend it).
 */
const REPLACED_META_KEYS: readonly MetaKey[] = [
  'schemaVersion',
  'dataset',
  'seededAt',
  'sampleTimeShiftMs',
  'chainHead',
  'lastBackupHead',
  'recordRekey',
  'verifiedCheckpoint',
  // The indicators' roll-ups are of the old record: writeRecord clears them, and they are rebuilt.
  'tallies',
];

function sameLoss(a: ResetLoss, b: ResetLoss): boolean {
  return a.cases === b.cases && a.events === b.events && a.attachments === b.attachments;
}

/**
 * Throws away the dataset, the case record and attachments and puts the sample back (time-shifted to
 * `now`), in one transaction; local accounts, the centre settings and every other `meta` row that
 * is not the dataset's or the record head stay. Only for the sample centre
 * (a stored dataset whose meta says `synthetic: true`) and only by an enabled shift leader, both
 * checked inside that transaction from the stored account behind `session`. `confirmed` is what the
 * leader was told would be lost (see {@link resetLoss}): if more or less is stored by the time of the
 * write (another window added a case), nothing happens and the refusal says so. A bad sample changes
 * nothing either.
 */
export async function resetToSample(
  db: GridDeskDb,
  session: SessionToken,
  loadSample: LoadSample,
  now: number,
  confirmed: ResetLoss,
  options: SeedOptions = {},
): Promise<ResetResult> {
  const prepared = await (options.prepared ?? prepareResetSample(db, loadSample, now, options));
  if (!prepared.ok) return prepared;
  const refusal = await db.transaction('rw', db.tables, async (tx): Promise<ResetRefusal | null> => {
    const found = await sessionAccount(db, session);
    if (!found.ok) return found.refusal;
    if (found.account.role !== 'leader') return { key: 'reset.leaderOnly', params: {} };
    const meta = await db.meta.get('dataset');
    if (meta?.key !== 'dataset' || meta.value.synthetic !== true)
      return { key: 'reset.notSample', params: {} };
    const loss = await resetLoss(db);
    if (!sameLoss(loss, confirmed)) return { key: 'reset.changed', params: { ...loss } };
    // writeDataset clears the whole meta table; only the dataset's rows and the record's head are
    // replaced, the rest (the centre's settings, what the import remembers) is the centre's and stays.
    const kept = (await db.meta.toArray()).filter((row) => !REPLACED_META_KEYS.includes(row.key));
    await writeDataset(datasetTables(tx), prepared.dataset, {
      seededAt: now,
      sampleTimeShiftMs: prepared.shiftMs,
    });
    await db.attachments.clear();
    await writeRecord(tx, prepared.record);
    await db.meta.bulkPut(kept);
    return null;
  });
  if (refusal) return { ok: false, refusal };
  return { ok: true, status: 'seeded', shiftMs: prepared.shiftMs, warnings: prepared.warnings };
}
