import type { TownshipDataset } from '../../shared/model/dataset';
import { makeIssue, type DatasetIssue } from '../../shared/schema/issues';
import { parseDatasetFiles } from '../../shared/schema/parse';
import { sampleTimeShift, shiftDatasetTime } from '../../shared/schema/time-shift';
import type { Transaction } from 'dexie';
import type { GridDeskDb } from './database';
import { HistoryReplayError } from '../../shared/cases/history';
import { buildRecord, writeRecord, type BuiltRecord } from './record-repo';
import { datasetTables, writeDataset, type MetaRow } from './tables';

/**
 * The embedded sample arrives as parsed JSON files, in this order: township.json (a whole dataset with
 * `cases: []`) then cases.json (the cases). Further files, if any, are more case lists.
 */
export const SAMPLE_FILE_NAMES = ['township.json', 'cases.json'] as const;

export type LoadSample = () => Promise<unknown[]>;

export type SeedResult =
  | {
      readonly ok: true;
      /** 'seeded' when this call wrote the sample, 'already-seeded' when the database was not empty. */
      readonly status: 'seeded' | 'already-seeded';
      /** Milliseconds the sample's times were moved by; 0 when nothing was written. */
      readonly shiftMs: number;
      readonly warnings: readonly DatasetIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly DatasetIssue[];
      readonly warnings: readonly DatasetIssue[];
    };

type Prepared =
  | {
      readonly ok: true;
      readonly dataset: TownshipDataset;
      readonly record: BuiltRecord;
      readonly shiftMs: number;
      readonly warnings: readonly DatasetIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly DatasetIssue[];
      readonly warnings: readonly DatasetIssue[];
    };

function sampleFileName(index: number): string {
  return SAMPLE_FILE_NAMES[index] ?? `cases-${index}.json`;
}

/**
 * Loads, validates and time-shifts the sample, and replays its case histories into the loop state and
 * the hash-chained record; touches no database.
 */
async function prepareSample(loadSample: LoadSample, now: number): Promise<Prepared> {
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
  if (parts.length === 0) {
    const location = { file: sampleFileName(0), collection: null, index: null, recordId: null, field: '' };
    return { ok: false, errors: [makeIssue('error', location, 'dataset.notObject')], warnings: [] };
  }
  const parsed = parseDatasetFiles(parts.map((json, i) => ({ fileName: sampleFileName(i), json })));
  if (!parsed.ok) return parsed;
  const shiftMs = sampleTimeShift(parsed.dataset, now);
  const dataset = shiftDatasetTime(parsed.dataset, shiftMs);
  let record: BuiltRecord;
  try {
    record = await buildRecord(dataset);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const recordId = error instanceof HistoryReplayError ? error.caseId : null;
    const location = { file: sampleFileName(1), collection: 'cases', index: null, recordId, field: 'steps' };
    return {
      ok: false,
      errors: [makeIssue('error', location, 'sample.loadFailed', { detail })],
      warnings: [],
    };
  }
  return { ok: true, dataset, record, shiftMs, warnings: parsed.warnings };
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
export async function ensureSeeded(db: GridDeskDb, loadSample: LoadSample, now: number): Promise<SeedResult> {
  const already: SeedResult = { ok: true, status: 'already-seeded', shiftMs: 0, warnings: [] };
  const tables = [db.meta, db.events, db.caseLoops, db.cases];
  const empty = await db.transaction('r', tables, async (tx) => isEmptyDatabase(tx));
  if (!empty) return already;
  const prepared = await prepareSample(loadSample, now);
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
 * Throws away the dataset, the case record and attachments and puts the sample back (time-shifted to
 * `now`), in one transaction; local accounts stay. A bad sample changes nothing.
 */
export async function resetToSample(
  db: GridDeskDb,
  loadSample: LoadSample,
  now: number,
): Promise<SeedResult> {
  const prepared = await prepareSample(loadSample, now);
  if (!prepared.ok) return prepared;
  await db.transaction('rw', db.tables, async (tx) => {
    await writeDataset(datasetTables(tx), prepared.dataset, {
      seededAt: now,
      sampleTimeShiftMs: prepared.shiftMs,
    });
    await db.attachments.clear();
    await writeRecord(tx, prepared.record);
  });
  return { ok: true, status: 'seeded', shiftMs: prepared.shiftMs, warnings: prepared.warnings };
}
