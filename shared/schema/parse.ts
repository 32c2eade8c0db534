import type { TownshipDataset } from '../model/dataset';
import { townshipDatasetSchema } from './entities';
import { makeIssue, type DatasetIssue } from './issues';
import { makeLocator, type RecordOrigin } from './locate';
import { migrateDataset, type MigrateOptions, type MigrationError } from './migrations';
import { checkReferences } from './references';
import { fromZodIssues } from './zod-issues';

/** One file as read from disk or the network, already JSON-parsed. */
export interface DatasetFile {
  readonly fileName: string;
  readonly json: unknown;
}

export type ParseDatasetResult =
  | {
      readonly ok: true;
      readonly dataset: TownshipDataset;
      /** Issues that did not stop the file, e.g. unknown fields (which are not kept). */
      readonly warnings: readonly DatasetIssue[];
      /** The schema version the file had before migration. */
      readonly fromVersion: number;
    }
  | {
      readonly ok: false;
      readonly errors: readonly DatasetIssue[];
      readonly warnings: readonly DatasetIssue[];
    };

type Doc = Record<string, unknown>;

function isRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileIssue(fileName: string, error: MigrationError): DatasetIssue {
  const { key, ...params } = error;
  const field = key === 'dataset.notObject' ? '' : 'schemaVersion';
  return makeIssue(
    'error',
    { file: fileName, collection: null, index: null, recordId: null, field },
    key,
    params,
  );
}

/** Removes the fields reported as unknown, on a copy; the schema then accepts what is left. */
function withoutUnknownFields(
  doc: Doc,
  unknown: readonly { path: readonly PropertyKey[]; keys: readonly string[] }[],
): Doc {
  const copy = structuredClone(doc);
  for (const { path, keys } of unknown) {
    let target: unknown = copy;
    for (const key of path)
      target = isRecord(target) || Array.isArray(target) ? (target as Doc)[key as string] : undefined;
    if (isRecord(target)) for (const key of keys) Reflect.deleteProperty(target, key);
  }
  return copy;
}

/**
 * Validates a dataset held in several files: the first is a whole {@link TownshipDataset} document
 * (township.json, whose `cases` may be empty), every further one a JSON array of cases (cases.json)
 * appended to it. Case files share the first file's schema version.
 *
 * Older schema versions are migrated first. Every problem is reported at once, each naming the file,
 * the record (collection, index, id or code) and the field, with an i18n message key; unknown fields
 * are warnings and are dropped from the result. The dataset is returned only when there is no error.
 */
export function parseDatasetFiles(
  files: readonly DatasetFile[],
  options: MigrateOptions = {},
): ParseDatasetResult {
  const [main, ...caseFiles] = files;
  if (main === undefined) throw new RangeError('parseDatasetFiles needs at least one file');
  if (!isRecord(main.json))
    return { ok: false, errors: [fileIssue(main.fileName, { key: 'dataset.notObject' })], warnings: [] };

  const errors: DatasetIssue[] = [];
  const mainCases = main.json['cases'];
  const combinedCases: unknown[] = Array.isArray(mainCases) ? [...mainCases] : [];
  const origins: RecordOrigin[] = combinedCases.map((_, index) => ({ file: main.fileName, index }));
  for (const file of caseFiles) {
    if (!Array.isArray(file.json)) {
      errors.push(
        makeIssue(
          'error',
          { file: file.fileName, collection: null, index: null, recordId: null, field: '' },
          'dataset.casesNotArray',
        ),
      );
      continue;
    }
    file.json.forEach((item: unknown, index) => {
      combinedCases.push(item);
      origins.push({ file: file.fileName, index });
    });
  }
  const combined: Doc =
    mainCases === undefined || Array.isArray(mainCases)
      ? { ...main.json, cases: combinedCases }
      : { ...main.json };

  const migrated = migrateDataset(combined, options);
  if (!migrated.ok)
    return { ok: false, errors: [fileIssue(main.fileName, migrated.error), ...errors], warnings: [] };
  const doc = migrated.value;
  const locate = makeLocator(doc, main.fileName, origins);

  const first = townshipDatasetSchema.safeParse(doc);
  const zodIssues = first.success ? [] : first.error.issues;
  const all = [...errors, ...fromZodIssues(zodIssues, doc, locate), ...checkReferences(doc, locate)];
  const found = all.filter((issue) => issue.severity === 'error');
  const warnings = all.filter((issue) => issue.severity === 'warning');
  if (found.length > 0) return { ok: false, errors: found, warnings };
  if (first.success) return { ok: true, dataset: first.data, warnings, fromVersion: migrated.fromVersion };

  // Only unknown fields stood in the way: drop them and parse what is left.
  const unknown = zodIssues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? [issue] : []));
  const second = townshipDatasetSchema.safeParse(withoutUnknownFields(doc, unknown));
  if (!second.success) {
    return { ok: false, errors: fromZodIssues(second.error.issues, doc, locate), warnings };
  }
  return { ok: true, dataset: second.data, warnings, fromVersion: migrated.fromVersion };
}

/**
 * Validates one dataset document (an export, a backup, or township.json with its cases inside).
 * See {@link parseDatasetFiles} for what is checked and reported.
 */
export function parseDataset(
  json: unknown,
  fileName: string,
  options: MigrateOptions = {},
): ParseDatasetResult {
  return parseDatasetFiles([{ fileName, json }], options);
}
