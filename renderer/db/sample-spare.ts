/**
 * The spare sample: a fresh sample written into a database of its own, beside the open one, for a
 * reset to the sample to switch to (seed.ts resetToSample). Preparing one takes seconds (validating the
 * sample, building its record of 33,000 hashed events, writing 44,000 rows), so the workstation keeps
 * one ready (renderer/app/reset-spare.ts), and keeps it across a sign-out and a restart while it is
 * still good: its `spare` meta row, written with its last rows, says what it was made from, and
 * {@link spareStaleness} says when that no longer fits.
 */
import { Dexie } from 'dexie';
import type { DatasetIssue } from '../../shared/schema/issues';
import type { WorkstationInfo } from '../../shared/model/ids';
import { STORE_VERSION } from '../../shared/schema/store-tables';
import { openDb, type GridDeskDb } from './database';
import { CENTRE_DB_PREFIX, centreDbNamedAt, newCentreDbName, type CentresDb } from './centres';
import { bulkAddInChunks, datasetTables, writeDataset, type MetaRow } from './tables';
import { workstationId } from './workstation-repo';
import {
  loadSampleParts,
  prepareSamplePartsInSteps,
  type LoadSample,
  type PreparedSample,
  type SampleRefused,
} from './seed-prepare';

/**
 * What a spare was made from, kept in its `spare` meta row (and only there: a reset that switches to
 * it deletes the row in the transaction that makes it the centre's database).
 */
export interface SpareMark {
  /** The `now` its times were shifted to, epoch ms: its newest event lands a few minutes before it. */
  readonly preparedAt: number;
  readonly shiftMs: number;
  readonly warnings: readonly DatasetIssue[];
  /** The workstation id its case and event ids are scoped by. */
  readonly workstation: string;
  /** Which sample it was made from: the build's digest of the embedded sample files. */
  readonly sample: string;
}

/** A spare ready to switch to. */
export interface SampleSpare extends SpareMark {
  readonly ok: true;
  readonly dbName: string;
}

export type SpareResult = SampleSpare | SampleRefused;

/**
 * A spare prepared longer ago than this is not switched to: its times would lag the clock by more than
 * a sample reset should (its newest event lands a few minutes before `now`).
 */
export const SPARE_MAX_AGE_MS = 10 * 60_000;

/** Why a spare no longer gives the sample a reset should switch to now. */
export type SpareStaleness =
  /** Prepared over {@link SPARE_MAX_AGE_MS} ago: its open cases' clocks would lag. */
  | 'tooOld'
  /** Prepared "after" now (the PC's clock was set back): its times would lie in the future. */
  | 'fromTheFuture'
  /** Its ids are scoped by another workstation id (a restore from another PC, a redrawn id). */
  | 'otherWorkstation'
  /** Made from another sample (the app was updated since). */
  | 'otherSample';

/**
 * Whether `spare` is still what a reset at `now` (epoch ms) should switch to, on this workstation
 * (`expected.workstation`, its id) with this build's sample (`expected.sample`, its digest): null
 * when it is, else why not. A spare's store layout is checked where it is found ({@link findKeptSpare});
 * one prepared in this run always has this build's.
 */
export function spareStaleness(
  spare: SpareMark,
  now: number,
  expected: { readonly workstation: string; readonly sample: string },
): SpareStaleness | null {
  if (spare.preparedAt > now) return 'fromTheFuture';
  if (now - spare.preparedAt > SPARE_MAX_AGE_MS) return 'tooOld';
  if (spare.workstation !== expected.workstation) return 'otherWorkstation';
  if (spare.sample !== expected.sample) return 'otherSample';
  return null;
}

/** What preparing a spare needs besides the sample's files. */
export interface SpareJob {
  /** The `now` its times are shifted to, epoch ms. */
  readonly now: number;
  /** This workstation (its id scopes the ids; the row is copied into the spare). */
  readonly workstation: WorkstationInfo;
  /** The new database to write, named by {@link newCentreDbName}. */
  readonly dbName: string;
  /** The digest of the sample files, kept in its mark. */
  readonly sample: string;
}

/** Record events a spare is written with per transaction, between which its writing may wait. */
export const SPARE_EVENTS_PER_WRITE = 5_000;

/** How preparing a spare is controlled from the UI thread. */
export interface SpareControl {
  /** Abandons it (the worker is stopped): the preparing rejects, and the caller drops the database. */
  readonly signal?: AbortSignal;
  /**
   * Awaited before its record is built, every 2,000 events of it and before each of its writes: it
   * resolves when the spare may go on (the app holds it back while the workstation opens after a
   * sign-in, see renderer/app/reset-spare.ts).
   */
  readonly mayGoOn?: () => Promise<void>;
}

/**
 * Writes a prepared sample into the new, empty database `job.dbName`: the dataset and the loop rows
 * in one transaction, the record's events in transactions of {@link SPARE_EVENTS_PER_WRITE} (each
 * after `mayGoOn`, so a spare written in the background can make way), and last the chain head and
 * the spare's mark together; then closes it. Until that last write it has no mark and is no spare (a
 * reset never takes it; the start-up's clean-up drops it). Nothing else is touched.
 */
export async function writeSampleDatabase(
  prepared: Extract<PreparedSample, { ok: true }>,
  job: SpareJob,
  mayGoOn: () => Promise<void> = () => Promise.resolve(),
): Promise<SampleSpare> {
  const mark: SpareMark = {
    preparedAt: job.now,
    shiftMs: prepared.shiftMs,
    warnings: prepared.warnings,
    workstation: job.workstation.id,
    sample: job.sample,
  };
  const { loops, events, head } = prepared.record;
  const spare = openDb(job.dbName);
  try {
    await mayGoOn();
    await spare.transaction('rw', spare.tables, async (tx) => {
      await writeDataset(datasetTables(tx), prepared.dataset, {
        seededAt: job.now,
        sampleTimeShiftMs: prepared.shiftMs,
      });
      await bulkAddInChunks(spare.caseLoops, loops);
      await spare.meta.put({ key: 'workstation', value: job.workstation });
    });
    for (let start = 0; start < events.length; start += SPARE_EVENTS_PER_WRITE) {
      await mayGoOn();
      const part = events.slice(start, start + SPARE_EVENTS_PER_WRITE);
      await spare.transaction('rw', spare.events, () => bulkAddInChunks(spare.events, part));
    }
    await spare.meta.bulkPut([
      { key: 'chainHead', value: head },
      { key: 'spare', value: mark },
    ]);
  } finally {
    spare.close();
  }
  return { ok: true, dbName: job.dbName, ...mark };
}

/** Prepares the sample and writes it into a spare database; by default here, or in the seed worker. */
export type PrepareSpare = (parts: unknown[], job: SpareJob, control?: SpareControl) => Promise<SpareResult>;

/** Prepares and writes on the calling thread (tests; the app passes the seed worker's). */
export const prepareSpareHere: PrepareSpare = async (parts, job, control = {}) => {
  const { mayGoOn = () => Promise.resolve() } = control;
  const prepared = await prepareSamplePartsInSteps(parts, job.now, job.workstation.id, mayGoOn);
  if (!prepared.ok) return prepared;
  return writeSampleDatabase(prepared, job, mayGoOn);
};

export interface SpareOptions extends SpareControl {
  /** Where it is prepared and written: {@link prepareSpareHere} by default, else the seed worker. */
  readonly prepare?: PrepareSpare;
  /** The digest of the sample files (renderer/app/session.ts SAMPLE_DIGEST). */
  readonly sample: string;
}

/**
 * Loads the sample and has it prepared and written into a new spare database named for `now`, the
 * open database untouched. A spare never switched to is dropped by {@link dropSpare} once stale, or
 * later by the start-up's clean-up (centres.ts dropOrphanDatabases).
 */
export async function prepareSampleSpare(
  db: GridDeskDb,
  loadSample: LoadSample,
  now: number,
  options: SpareOptions,
): Promise<SpareResult> {
  const parts = await loadSampleParts(loadSample);
  if (!Array.isArray(parts)) return parts;
  await workstationId(db, now);
  const row = await db.meta.get('workstation');
  if (row?.key !== 'workstation') throw new Error('the workstation id is missing');
  options.signal?.throwIfAborted();
  const job: SpareJob = {
    now,
    workstation: row.value,
    dbName: newCentreDbName('sample', now),
    sample: options.sample,
  };
  try {
    const { signal, mayGoOn } = options;
    return await (options.prepare ?? prepareSpareHere)(parts, job, { signal, mayGoOn });
  } catch (error) {
    if (options.signal?.aborted) await Dexie.delete(job.dbName);
    throw error;
  }
}

/** Deletes a spare database no reset will switch to (cancelled, refused, stale, abandoned). */
export async function dropSpare(spare: Promise<SpareResult> | SpareResult): Promise<void> {
  const done = await Promise.resolve(spare).catch(() => null);
  if (done?.ok === true) await Dexie.delete(done.dbName);
}

/** The mark of database `name` and its store version, read without upgrading it; null when it has none. */
async function readMark(name: string): Promise<{ mark: SpareMark; version: number } | null> {
  const found = new Dexie(name);
  try {
    await found.open();
    if (!found.tables.some((t) => t.name === 'meta')) return null;
    const row = (await found.table('meta').get('spare')) as MetaRow | undefined;
    return row?.key === 'spare' ? { mark: row.value, version: found.verno } : null;
  } catch {
    return null;
  } finally {
    found.close();
  }
}

/**
 * A spare kept from an earlier run of the app (or an earlier session of this one) that a reset at
 * `now` may still switch to: the newest sample database no centre uses whose mark fits
 * ({@link spareStaleness}) and whose store layout is this build's. Every other marked spare found is
 * stale and deleted; a database without a mark (a spare another window is still writing, one cut
 * off by a reload) is left to the orphan clean-up. `databases` lists what the browser holds.
 */
export async function findKeptSpare(
  registry: CentresDb,
  databases: readonly string[],
  now: number,
  expected: { readonly workstation: string; readonly sample: string },
): Promise<SampleSpare | null> {
  const used = new Set((await registry.centres.toArray()).map((c) => c.dbName));
  const candidates = databases
    .filter((name) => name.startsWith(`${CENTRE_DB_PREFIX}sample-`) && !used.has(name))
    .map((name) => ({ name, at: centreDbNamedAt(name) ?? 0 }))
    .sort((a, b) => b.at - a.at);
  let kept: SampleSpare | null = null;
  for (const { name } of candidates) {
    const found = await readMark(name);
    if (found === null) continue;
    if (
      kept === null &&
      found.version === STORE_VERSION &&
      spareStaleness(found.mark, now, expected) === null
    )
      kept = { ok: true, dbName: name, ...found.mark };
    else await Dexie.delete(name);
  }
  return kept;
}
