import type { GridCodeError } from '../grid/code';

/**
 * What can be wrong with a dataset file, as message keys for i18n. Each key has an English default
 * template in {@link ISSUE_MESSAGES_EN}; placeholders are `{name}` (vue-i18n named interpolation), filled
 * from the issue's `params`.
 */
export const ISSUE_MESSAGES_EN = {
  'dataset.notObject': 'The file does not hold a dataset object',
  'dataset.casesNotArray': 'The file does not hold a list of cases',
  'dataset.required': 'Required field is missing',
  'dataset.invalidType': 'Expected {expected}, found {received}',
  'dataset.invalidValue': 'Value {received} is not one of {options}',
  'dataset.tooSmall': 'Too small: at least {minimum} expected',
  'dataset.tooBig': 'Too big: at most {maximum} expected',
  'dataset.invalidFormat': 'Value {received} does not have the expected format {format}',
  'dataset.invalid': 'Invalid value: {detail}',
  'dataset.unknownField': 'Unknown field "{field}" (it will not be stored)',
  'dataset.duplicateKey': 'Duplicate {keyField} "{value}": already used by {first}',
  'dataset.missingReference': '{value} does not exist in {target}',
  'dataset.gridCodeMismatch': 'Grid code part {part} is {actual} but {field} is {expected}',
  'geometry.ringTooShort': 'A ring needs at least 4 positions, found {count}',
  'geometry.ringNotClosed': 'Ring is not closed: the first and last positions differ',
  'geometry.lineTooShort': 'A line needs at least 2 positions, found {count}',
  'geometry.lonOutOfRange': 'Longitude {value} is outside -180…180',
  'geometry.latOutOfRange': 'Latitude {value} is outside -90…90',
  'gridCode.notString': 'Grid code must be a string of 15 digits',
  'gridCode.length': 'Grid code must have 15 digits, found {length}',
  'gridCode.nonDigit': 'Grid code must contain digits only',
  'gridCode.province': 'Grid code starts with {prefix}, which is not a province code',
  'gridCode.countyZero': 'Grid code has no county part',
  'gridCode.townshipZero': 'Grid code township part is 000',
  'gridCode.communityZero': 'Grid code community part is 000',
  'gridCode.sequenceZero': 'Grid code sequence is 000',
  'schema.versionInvalid': 'schemaVersion {version} is not a whole number ≥ 0',
  'schema.versionTooNew':
    'This file has schema version {version}, newer than this GridDesk understands ({current}); update GridDesk',
  'schema.noMigration': 'No migration step from schema version {from} to {to}',
  'schema.migrationFailed': 'Migration to schema version {to} failed: {detail}',
  'sample.loadFailed': 'The sample data could not be loaded: {detail}',
} as const satisfies Record<string, string> & Record<GridCodeError['key'], string>;

export type IssueKey = keyof typeof ISSUE_MESSAGES_EN;
export type IssueParams = Readonly<Record<string, string | number>>;

/** Where in a file an issue sits: a record of a collection (or a top-level section) and a field in it. */
export interface IssueLocation {
  readonly file: string;
  /** Top-level section of the dataset, e.g. `grids`, `meta`, `basemap.roads`; null for the whole file. */
  readonly collection: string | null;
  /** Index in the collection, null for single sections like `township` or `meta`. */
  readonly index: number | null;
  /** The record's id or code when it has one. */
  readonly recordId: string | null;
  /** Path inside the record, e.g. `geometry.coordinates[0][3]`; empty for the record itself. */
  readonly field: string;
}

/** A problem found in a dataset file. Errors refuse the file; warnings are reported but let it through. */
export interface DatasetIssue extends IssueLocation {
  readonly severity: 'error' | 'warning';
  readonly key: IssueKey;
  readonly params: IssueParams;
  /** English default text, already interpolated. */
  readonly message: string;
  /** Human location, e.g. `township.json › grids[12] (320381105003012) › geometry`. */
  readonly where: string;
  /** `where: message`, one line for logs and plain-text lists. */
  readonly text: string;
}

/** Fills `{name}` placeholders of a template from params; unknown placeholders stay as written. */
export function interpolate(template: string, params: IssueParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Formats a location as `file › collection[index] (id) › field`, leaving out the parts it lacks. */
export function formatLocation(location: IssueLocation): string {
  const parts = [location.file];
  if (location.collection !== null) {
    let record = location.collection;
    if (location.index !== null) record += `[${location.index}]`;
    if (location.recordId !== null) record += ` (${location.recordId})`;
    parts.push(record);
  }
  if (location.field !== '') parts.push(location.field);
  return parts.join(' › ');
}

/** Builds an issue with its English message and location text. */
export function makeIssue(
  severity: DatasetIssue['severity'],
  location: IssueLocation,
  key: IssueKey,
  params: IssueParams = {},
): DatasetIssue {
  const message = interpolate(ISSUE_MESSAGES_EN[key], params);
  const where = formatLocation(location);
  return { ...location, severity, key, params, message, where, text: `${where}: ${message}` };
}

/** Turns a property path into text: `['geometry', 'coordinates', 0, 3]` → `geometry.coordinates[0][3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
