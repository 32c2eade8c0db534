/**
 * Preparing the embedded sample for seeding, touching no database: validation, the time shift, ids
 * scoped by the workstation and the record built by replaying every history. Pure and synchronous, so
 * it runs in the seed worker (renderer/seed/) as well as in tests on the calling thread.
 */
import type { TownshipDataset } from '../../shared/model/dataset';
import { makeIssue, type DatasetIssue } from '../../shared/schema/issues';
import { parseDatasetFiles } from '../../shared/schema/parse';
import { sampleTimeShift, shiftDatasetTime } from '../../shared/schema/time-shift';
import { HistoryReplayError } from '../../shared/cases/history';
import { buildRecordInSteps, buildRecordSync, type BuiltRecord } from '../../shared/cases/build-record';
import { scopeCaseIds, scopedEventId } from '../../shared/model/ids';

/**
 * The embedded sample arrives as parsed JSON files, in this order: township.json (a whole dataset with
 * `cases: []`) then cases.json (the cases). Further files, if any, are more case lists.
 */
export const SAMPLE_FILE_NAMES = ['township.json', 'cases.json'] as const;

/** A sample (or a seed) refused: every error, by file, record and field, and the warnings. */
export interface SampleRefused {
  readonly ok: false;
  readonly errors: readonly DatasetIssue[];
  readonly warnings: readonly DatasetIssue[];
}

export type PreparedSample =
  | {
      readonly ok: true;
      readonly dataset: TownshipDataset;
      readonly record: BuiltRecord;
      readonly shiftMs: number;
      readonly warnings: readonly DatasetIssue[];
    }
  | SampleRefused;

export function sampleFileName(index: number): string {
  return SAMPLE_FILE_NAMES[index] ?? `cases-${index}.json`;
}

/**
 * A loaded sample file as parsed JSON: a part given as text (how the app fetches them, so that the
 * 3 MB of JSON are parsed where the sample is prepared, in the seed worker, not on the UI thread and
 * not copied there as objects) is parsed here; one that is not JSON is an error naming its file.
 */
function parsedPart(part: unknown, index: number): { json: unknown } | SampleRefused {
  if (typeof part !== 'string') return { json: part };
  try {
    return { json: JSON.parse(part) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const location = {
      file: sampleFileName(index),
      collection: null,
      index: null,
      recordId: null,
      field: '',
    };
    return {
      ok: false,
      errors: [makeIssue('error', location, 'sample.loadFailed', { detail })],
      warnings: [],
    };
  }
}

/** The sample validated, its times shifted and its case ids scoped, before its record is built. */
interface ShiftedSample {
  readonly dataset: TownshipDataset;
  readonly shiftMs: number;
  readonly warnings: readonly DatasetIssue[];
}

function shiftedSample(
  parts: readonly unknown[],
  now: number,
  workstation: string,
): ShiftedSample | SampleRefused {
  if (parts.length === 0) {
    const location = { file: sampleFileName(0), collection: null, index: null, recordId: null, field: '' };
    return { ok: false, errors: [makeIssue('error', location, 'dataset.notObject')], warnings: [] };
  }
  const files: { fileName: string; json: unknown }[] = [];
  for (const [i, part] of parts.entries()) {
    const parsedFile = parsedPart(part, i);
    if (!('json' in parsedFile)) return parsedFile;
    files.push({ fileName: sampleFileName(i), json: parsedFile.json });
  }
  const parsed = parseDatasetFiles(files);
  if (!parsed.ok) return parsed;
  const shiftMs = sampleTimeShift(parsed.dataset, now);
  const shifted = shiftDatasetTime(parsed.dataset, shiftMs);
  const dataset = { ...shifted, cases: scopeCaseIds(shifted.cases, workstation) };
  return { dataset, shiftMs, warnings: parsed.warnings };
}

/** A history that does not fit the loop, as the sample's error naming the case. */
function replayRefusal(error: unknown): SampleRefused {
  const detail = error instanceof Error ? error.message : String(error);
  const recordId = error instanceof HistoryReplayError ? error.caseId : null;
  const location = { file: sampleFileName(1), collection: 'cases', index: null, recordId, field: 'steps' };
  return { ok: false, errors: [makeIssue('error', location, 'sample.loadFailed', { detail })], warnings: [] };
}

/**
 * Validates the loaded sample files (each parsed JSON, or its text), shifts their times so the newest
 * event lands a few minutes before `now`, scopes the case ids by `workstation` and builds the record.
 * Errors name file, record and field.
 */
export function prepareSampleParts(
  parts: readonly unknown[],
  now: number,
  workstation: string,
): PreparedSample {
  const sample = shiftedSample(parts, now, workstation);
  if ('ok' in sample) return sample;
  try {
    const record = buildRecordSync(sample.dataset, (seq) => scopedEventId(workstation, seq));
    return { ok: true, ...sample, record };
  } catch (error) {
    return replayRefusal(error);
  }
}

/**
 * {@link prepareSampleParts} in steps, with the same result: `between()` is awaited before the record
 * is built and every 2,000 events of it (shared/cases/build-record.ts buildRecordInSteps), so a spare
 * prepared in the background makes way when asked.
 */
export async function prepareSamplePartsInSteps(
  parts: readonly unknown[],
  now: number,
  workstation: string,
  between: () => Promise<void>,
): Promise<PreparedSample> {
  const sample = shiftedSample(parts, now, workstation);
  if ('ok' in sample) return sample;
  try {
    const record = await buildRecordInSteps(
      sample.dataset,
      (seq) => scopedEventId(workstation, seq),
      between,
    );
    return { ok: true, ...sample, record };
  } catch (error) {
    return replayRefusal(error);
  }
}

/**
 * Loads the sample's files in {@link SAMPLE_FILE_NAMES} order, each as its text (the app: parsed where
 * it is prepared) or parsed JSON (tests).
 */
export type LoadSample = () => Promise<unknown[]>;

/** Loads the sample's files; a sample that cannot be loaded is an error naming it. */
export async function loadSampleParts(loadSample: LoadSample): Promise<unknown[] | SampleRefused> {
  try {
    return await loadSample();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const location = { file: 'sample', collection: null, index: null, recordId: null, field: '' };
    return {
      ok: false,
      errors: [makeIssue('error', location, 'sample.loadFailed', { detail })],
      warnings: [],
    };
  }
}
