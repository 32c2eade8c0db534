import { Dexie, type Transaction } from 'dexie';
import type { DatasetIssue } from '../../shared/schema/issues';
import { tablesOfPart } from '../../shared/schema/store-tables';
import { openDb, type GridDeskDb } from './database';
import { moveCentreDb, type CentresDb } from './centres';
import { writeRecord } from './record-repo';
import { datasetTables, writeDataset, type MetaKey, type MetaRow } from './tables';
import { moveSessions, sessionLeader, type SessionToken } from './sessions';
import { workstationId } from './workstation-repo';
import { checkRecordHealth, type RecordHealth } from '../../shared/cases/record-health';
import type { ChainHead } from '../../shared/cases/record';
import {
  loadSampleParts,
  prepareSampleParts,
  type LoadSample,
  type PreparedSample,
  type SampleRefused,
} from './seed-prepare';
import {
  dropSpare,
  prepareSampleSpare,
  spareStaleness,
  type PrepareSpare,
  type SpareResult,
} from './sample-spare';

export { SAMPLE_FILE_NAMES, type LoadSample, type PreparedSample } from './seed-prepare';

export interface SeedOptions {
  /** Where the sample is validated and its record built: {@link prepareSampleHere} by default. */
  readonly prepare?: PrepareSample;
  /**
   * Prepares and writes the sample in one go, elsewhere (the app's seed worker, which opens the same
   * database by name): the prepared rows then never cross to this thread. Takes the place of `prepare`.
   */
  readonly seedInto?: SeedInto;
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
      /**
       * The record's quick check of what this call wrote, judged from the rows it wrote in the one
       * transaction that committed them (nothing is read back), and the head written; absent when it
       * wrote nothing.
       */
      readonly written?: { readonly health: RecordHealth; readonly head: ChainHead };
    }
  | SampleRefused;

/** Turns the loaded sample files into what seeding writes; by default here, or in the seed worker. */
export type PrepareSample = (parts: unknown[], now: number, workstation: string) => Promise<PreparedSample>;

/**
 * Prepares the loaded sample files and writes them into the empty database named `dbName`
 * ({@link seedPrepared}); the app runs it in the seed worker.
 */
export type SeedInto = (
  parts: unknown[],
  now: number,
  workstation: string,
  dbName: string,
) => Promise<SeedResult>;

/** Prepares and writes on the calling thread, into the database `dbName` opened here (the seed worker's job). */
export const seedIntoHere: SeedInto = async (parts, now, workstation, dbName) => {
  const prepared = prepareSampleParts(parts, now, workstation);
  if (!prepared.ok) return prepared;
  const db = openDb(dbName);
  try {
    return await seedPrepared(db, prepared, now);
  } finally {
    db.close();
  }
};

/**
 * Writes a prepared sample and its record into `db` in one transaction, only if the database is still
 * empty then (the check is repeated inside the write: two windows may seed at once).
 */
export async function seedPrepared(
  db: GridDeskDb,
  prepared: Extract<PreparedSample, { ok: true }>,
  now: number,
): Promise<SeedResult> {
  const wrote = await db.transaction('rw', db.tables, async (tx) => {
    if (!(await isEmptyDatabase(tx))) return false;
    await writeDataset(datasetTables(tx), prepared.dataset, {
      seededAt: now,
      sampleTimeShiftMs: prepared.shiftMs,
    });
    await writeRecord(tx, prepared.record);
    return true;
  });
  if (!wrote) return ALREADY_SEEDED;
  const { dataset, record } = prepared;
  const health = checkRecordHealth({
    hasDataset: true,
    head: record.head,
    eventCount: record.events.length,
    lastEvent: record.events.at(-1) ?? null,
    caseIds: dataset.cases.map((c) => c.id),
    loopCaseIds: record.loops.map((l) => l.caseId),
    eventCaseIds: [...new Set(record.events.map((e) => e.caseId))],
  });
  return {
    ok: true,
    status: 'seeded',
    shiftMs: prepared.shiftMs,
    warnings: prepared.warnings,
    written: { health, head: record.head },
  };
}

const ALREADY_SEEDED: SeedResult = { ok: true, status: 'already-seeded', shiftMs: 0, warnings: [] };

/** Prepares on the calling thread (tests; the app passes the seed worker's, renderer/seed/client.ts). */
export const prepareSampleHere: PrepareSample = (parts, now, workstation) =>
  Promise.resolve(prepareSampleParts(parts, now, workstation));

/** Loads the sample, then prepares it. */
async function loadAndPrepare(
  loadSample: LoadSample,
  prepare: PrepareSample,
  now: number,
  workstation: string,
): Promise<PreparedSample> {
  const parts = await loadSampleParts(loadSample);
  return Array.isArray(parts) ? prepare(parts, now, workstation) : parts;
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
  const tables = [db.meta, db.events, db.caseLoops, db.cases];
  const empty = await db.transaction('r', tables, async (tx) => isEmptyDatabase(tx));
  if (!empty) return ALREADY_SEEDED;
  const workstation = await workstationId(db, now);
  if (options.seedInto !== undefined) {
    const parts = await loadSampleParts(loadSample);
    return Array.isArray(parts) ? options.seedInto(parts, now, workstation, db.name) : parts;
  }
  const prepared = await loadAndPrepare(loadSample, options.prepare ?? prepareSampleHere, now, workstation);
  if (!prepared.ok) return prepared;
  return seedPrepared(db, prepared, now);
}

/**
 * Loads and prepares the sample for a reset (times shifted to `now`, ids scoped by this workstation),
 * writing nothing.
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

export type ResetResult =
  | (Extract<SeedResult, { ok: true }> & {
      /** The centre's database now: the spare, open (the old one is closed and being deleted). */
      readonly db: GridDeskDb;
      /** Settles when the old database is deleted (other windows must let go of it first). */
      readonly dropped: Promise<void>;
    })
  | SampleRefused
  | { readonly ok: false; readonly refusal: ResetRefusal };

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
  // The indicators' roll-ups are of the old record: the spare has none, and they are rebuilt.
  'tallies',
];

function sameLoss(a: ResetLoss, b: ResetLoss): boolean {
  return a.cases === b.cases && a.events === b.events && a.attachments === b.attachments;
}

export interface ResetOptions {
  /** Where the spare is prepared and written: prepareSpareHere by default, else the seed worker. */
  readonly prepare?: PrepareSpare;
  /** The spare started while the leader read the question, or kept ready (sample-spare.ts). */
  readonly spare?: Promise<SpareResult>;
  /** The digest of the sample files (a spare made from others is not switched to). */
  readonly sample: string;
}

/**
 * Puts the sample centre back to a fresh sample (time-shifted to about `now`): the dataset, the case
 * record and attachments are thrown away; local accounts, the centre settings and every other `meta`
 * row that is not the dataset's or the record head stay. Only for the sample centre (registered as
 * such, its stored dataset `synthetic: true`) and only by an enabled shift leader, checked from the
 * stored account behind `session` in the transaction that also counts what is stored: `confirmed` is
 * what the leader was told would be lost ({@link resetLoss}); if more or less is stored by then,
 * nothing happens and the refusal says so. A bad sample changes nothing either.
 *
 * The fresh sample is written into a spare database beside the open one (prepared while the question
 * was read or kept ready, see sample-spare.ts, or now; one that no longer fits, see spareStaleness,
 * is dropped and another written now), what stays is copied into it, and then the registry points
 * the sample centre at it in one transaction: that is the moment of the reset, and it is all or
 * nothing (until then the old database is untouched; after it, the old one is closed and deleted).
 * The caller must reopen its stores on the returned database.
 */
export async function resetToSample(
  registry: CentresDb,
  db: GridDeskDb,
  session: SessionToken,
  loadSample: LoadSample,
  now: number,
  confirmed: ResetLoss,
  options: ResetOptions,
): Promise<ResetResult> {
  const spareOptions = { sample: options.sample, ...(options.prepare ? { prepare: options.prepare } : {}) };
  let spare = await (options.spare ?? prepareSampleSpare(db, loadSample, now, spareOptions));
  const expected = { workstation: await workstationId(db, now), sample: options.sample };
  if (spare.ok && spareStaleness(spare, now, expected) !== null) {
    await dropSpare(spare);
    spare = await prepareSampleSpare(db, loadSample, now, spareOptions);
  }
  if (!spare.ok) return spare;
  const localTables = tablesOfPart('local').map((name) => db.table(name));
  const centre = await registry.centres.where('dbName').equals(db.name).first();
  const checked = await db.transaction(
    'r',
    [db.meta, db.cases, db.events, db.attachments, ...localTables],
    async (): Promise<ResetRefusal | { kept: MetaRow[]; local: Map<string, unknown[]> }> => {
      const found = await sessionLeader(db, session, 'reset.leaderOnly');
      if (!found.ok) return found.refusal;
      const meta = await db.meta.get('dataset');
      if (meta?.key !== 'dataset' || meta.value.synthetic !== true || centre?.kind !== 'sample')
        return { key: 'reset.notSample', params: {} };
      const loss = await resetLoss(db);
      if (!sameLoss(loss, confirmed)) return { key: 'reset.changed', params: { ...loss } };
      // Only the dataset's rows and the record's head are replaced; the rest (the centre's settings,
      // what the import remembers, the workstation id) is the centre's and stays.
      const kept = (await db.meta.toArray()).filter((row) => !REPLACED_META_KEYS.includes(row.key));
      const local = new Map<string, unknown[]>();
      for (const table of localTables) local.set(table.name, await table.toArray());
      return { kept, local };
    },
  );
  if ('key' in checked) {
    await dropSpare(spare);
    return { ok: false, refusal: checked };
  }
  const next = openDb(spare.dbName);
  await next.transaction('rw', [next.meta, ...localTables.map((t) => next.table(t.name))], async () => {
    // No longer a spare once the centre uses it: nothing else may take it.
    await next.meta.delete('spare');
    await next.meta.bulkPut(checked.kept);
    for (const [name, rows] of checked.local) {
      await next.table(name).clear();
      await next.table(name).bulkAdd(rows);
    }
  });
  if (!centre || !(await moveCentreDb(registry, centre.id, db.name, spare.dbName))) {
    next.close();
    await dropSpare(spare);
    return { ok: false, refusal: { key: 'reset.changed', params: { ...confirmed } } };
  }
  moveSessions(db.name, next.name);
  db.close();
  // Deleting waits for every other window to let go of the old database (they reopen on the news).
  const dropped = Dexie.delete(db.name).catch((e: unknown) => console.warn('[reset] old database kept:', e));
  return { ok: true, status: 'seeded', shiftMs: spare.shiftMs, warnings: spare.warnings, db: next, dropped };
}
