/**
 * Turning the rows of a hotline export into intake drafts: each mapped cell is checked and converted,
 * coordinates go to WGS84, the category to a matter of the power list, the time to epoch milliseconds.
 * A row with any problem is rejected with one message per problem; the rest of the file still imports.
 */
import { toWgs84, type CoordSystem } from '../geo/coord-systems';
import type { LonLat } from '../model/geo';
import type { Urgency } from '../model/case';
import type { Matter } from '../model/matter';
import { parseChinaTime } from './china-time';
import type { ImportRejection, ImportRejectionKey, ImportResult, IntakeDraft } from './intake-draft';
import type { ColumnMapping, ImportField } from './mapping';
import { classifyCategory, type CategoryChoices } from './category-match';
import type { CellValue, ImportTable, SourceRecord } from './table-types';

export interface ConvertOptions {
  /** The coordinate system of the whole file's lon/lat columns. */
  readonly coordSystem: CoordSystem;
  /** The power list to classify categories against. */
  readonly matters: readonly Matter[];
  /** Used when the category is empty or fits no matter; must be a code of `matters`. */
  readonly defaultMatterCode?: string;
  /** 工单编号 already stored; rows repeating one are rejected (importing the same export twice). */
  readonly existingRefs?: ReadonlySet<string>;
  /** The operator's matter for categories nothing else matched, by categoryKey (see classifyCategory). */
  readonly categoryChoices?: CategoryChoices;
}

/**
 * Where a coordinate may plausibly be: mainland China, Hainan and the islands to the south, in WGS84
 * degrees. A point outside is a typo or a swapped pair, not a 12345 case.
 */
export const PLAUSIBLE_CHINA_BBOX = [73.4, 3.8, 135.1, 53.6] as const;

const URGENCY_WORDS: Readonly<Record<Urgency, readonly string[]>> = {
  normal: ['', '一般', '普通', '正常', '常规', '低', 'normal', 'low', '0'],
  urgent: ['紧急', '急', '较急', '加急', '高', 'urgent', 'high', '1'],
  critical: ['特急', '特别紧急', '非常紧急', '特级', '十万火急', 'critical', '2'],
};

/** Reads 一般/紧急/特急 and common variants; null for anything else. An empty cell is 一般. */
export function parseUrgency(value: string): Urgency | null {
  const word = value.trim().toLowerCase();
  for (const urgency of ['normal', 'urgent', 'critical'] as const) {
    if (URGENCY_WORDS[urgency].includes(word)) return urgency;
  }
  return null;
}

function insideBox(lon: number, lat: number): boolean {
  const [w, s, e, n] = PLAUSIBLE_CHINA_BBOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

function cellText(value: CellValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? String(value) : value.trim();
}

function parseNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
  const text = cellText(value).replace(/[°度]$/, '');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  return Number(text);
}

interface RowContext {
  readonly table: ImportTable;
  readonly mapping: ColumnMapping;
  readonly record: SourceRecord;
  readonly problems: ImportRejection[];
  readonly ref: string;
}

function cell(ctx: RowContext, field: ImportField): CellValue | undefined {
  const column = ctx.mapping[field];
  return column === undefined ? undefined : ctx.record.cells[column];
}

function reject(
  ctx: RowContext,
  field: ImportField,
  key: ImportRejectionKey,
  extra: Readonly<Record<string, string | number>> = {},
): void {
  const column = ctx.mapping[field];
  const header = column === undefined ? '' : (ctx.table.headers[column] ?? '');
  const raw = cell(ctx, field);
  const params: Record<string, string | number> = {
    file: ctx.table.fileName,
    row: ctx.record.rowNumber,
    field,
    column: header === '' ? field : header,
  };
  if (ctx.ref !== '') params.ref = ctx.ref;
  if (raw !== undefined && cellText(raw) !== '') params.value = cellText(raw);
  ctx.problems.push({ row: ctx.record.rowNumber, field, key, params: { ...params, ...extra } });
}

/** The location in WGS84, null when both cells are empty; undefined after a rejection. */
function readLocation(ctx: RowContext, system: CoordSystem): LonLat | null | undefined {
  const lonCell = cellText(cell(ctx, 'lon'));
  const latCell = cellText(cell(ctx, 'lat'));
  if (lonCell === '' && latCell === '') return null;
  const lon = parseNumber(cell(ctx, 'lon'));
  const lat = parseNumber(cell(ctx, 'lat'));
  if (lon !== null && lat !== null && !insideBox(lon, lat) && insideBox(lat, lon)) {
    reject(ctx, 'lon', 'import.coordinatesSwapped', { lon, lat });
    return undefined;
  }
  let ok = true;
  if (lon === null || !Number.isFinite(lon) || Math.abs(lon) > 180) {
    reject(ctx, 'lon', 'import.badCoordinate');
    ok = false;
  }
  if (lat === null || !Number.isFinite(lat) || Math.abs(lat) > 90) {
    reject(ctx, 'lat', 'import.badCoordinate');
    ok = false;
  }
  if (!ok || lon === null || lat === null) return undefined;
  if (!insideBox(lon, lat)) {
    reject(ctx, 'lon', 'import.coordinateOutsideChina', { lon, lat });
    return undefined;
  }
  return toWgs84([lon, lat], system);
}

function readMatter(ctx: RowContext, options: ConvertOptions): string | undefined {
  const text = cellText(cell(ctx, 'category'));
  const fallback = options.matters.find((m) => m.code === options.defaultMatterCode)?.code;
  if (text === '') {
    if (fallback !== undefined) return fallback;
    reject(ctx, 'category', 'import.missingField');
    return undefined;
  }
  const match = classifyCategory(text, options.matters, options.categoryChoices);
  if (match.kind === 'matched') return match.matter.code;
  if (match.kind === 'ambiguous') {
    reject(ctx, 'category', 'import.ambiguousCategory', {
      candidates: match.candidates.map((m) => `${m.code} ${m.name}`).join('；'),
    });
    return undefined;
  }
  if (fallback !== undefined) return fallback;
  reject(ctx, 'category', 'import.unknownCategory');
  return undefined;
}

/**
 * The description of a row from an export with no description column: the category and the address,
 * `占道经营（兴化市澄湖镇…附近）`, or whichever of the two there is; empty when neither.
 */
export function describeFromCategory(category: string, address: string): string {
  if (category === '') return address;
  return address === '' ? category : `${category}（${address}）`;
}

/**
 * The row's lon/lat as written, when both cells are numbers of a plausible point in China (not swapped);
 * null otherwise. No conversion: this is what the coordinate-system check reads under each system.
 */
export function plainLonLat(record: SourceRecord, mapping: ColumnMapping): LonLat | null {
  if (mapping.lon === undefined || mapping.lat === undefined) return null;
  const lon = parseNumber(record.cells[mapping.lon]);
  const lat = parseNumber(record.cells[mapping.lat]);
  if (lon === null || lat === null || !insideBox(lon, lat)) return null;
  return [lon, lat];
}

function convertRow(
  ctx: RowContext,
  options: ConvertOptions,
  seenRefs: ReadonlyMap<string, number>,
): IntakeDraft | null {
  const reportedAtCell = cell(ctx, 'reportedAt');
  let reportedAt: number | null = null;
  if (reportedAtCell === undefined || cellText(reportedAtCell) === '') {
    reject(ctx, 'reportedAt', 'import.missingField');
  } else {
    reportedAt = parseChinaTime(reportedAtCell);
    if (reportedAt === null) reject(ctx, 'reportedAt', 'import.badDate');
  }
  const address = cellText(cell(ctx, 'address'));
  const description =
    ctx.mapping.description === undefined
      ? describeFromCategory(cellText(cell(ctx, 'category')), address)
      : cellText(cell(ctx, 'description')).replace(/\r\n?/g, '\n');
  if (description === '') reject(ctx, 'description', 'import.missingField');
  const location = readLocation(ctx, options.coordSystem);
  if (location === null && address === '') reject(ctx, 'address', 'import.missingPlace');
  const matterCode = readMatter(ctx, options);
  const urgency = parseUrgency(cellText(cell(ctx, 'urgency')));
  if (urgency === null) reject(ctx, 'urgency', 'import.badUrgency');
  if (ctx.problems.length > 0) return null;
  if (ctx.ref !== '') {
    const firstRow = seenRefs.get(ctx.ref);
    if (firstRow !== undefined) reject(ctx, 'externalRef', 'import.duplicateRef', { firstRow });
    else if (options.existingRefs?.has(ctx.ref) === true) reject(ctx, 'externalRef', 'import.refExists');
    if (ctx.problems.length > 0) return null;
  }
  const name = cellText(cell(ctx, 'reporterName'));
  const phone = cellText(cell(ctx, 'reporterPhone'));
  const reporter =
    name === '' && phone === '' ? undefined : { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  return {
    ...(ctx.ref !== '' ? { externalRef: ctx.ref } : {}),
    source: 'hotline',
    reportedAt: reportedAt as number,
    description,
    address,
    location: location ?? null,
    matterCode: matterCode as string,
    urgency: urgency as Urgency,
    ...(reporter !== undefined ? { reporter } : {}),
  };
}

/**
 * Converts the data rows of an import table with a column mapping.
 *
 * Rules, per row: 来电时间 is required and read as China time unless it carries a zone (see
 * parseChinaTime); 诉求内容 is required when the file has such a column (an empty cell is refused), and
 * made from the category and address when it has none (see describeFromCategory); lon/lat, when present, must both be numbers inside China and are
 * converted from `options.coordSystem` to WGS84; a row without coordinates but with an address is
 * accepted with `location: null` (the operator places it on the map); a row with neither is rejected;
 * the category must fit one matter (see classifyCategory, with `categoryChoices`) unless `defaultMatterCode` is given; 紧急程度 is
 * 一般/紧急/特急 (empty = 一般). A 工单编号 already accepted from an earlier row of the file is rejected as
 * a duplicate, naming that row; one in `existingRefs` is rejected as already imported.
 */
export function convertRows(
  table: ImportTable,
  mapping: ColumnMapping,
  options: ConvertOptions,
): ImportResult {
  const accepted: IntakeDraft[] = [];
  const acceptedRows: number[] = [];
  const rejected: ImportRejection[] = [];
  const seenRefs = new Map<string, number>();
  for (const record of table.rows) {
    const refColumn = mapping.externalRef;
    const ref = refColumn === undefined ? '' : cellText(record.cells[refColumn]);
    const ctx: RowContext = { table, mapping, record, problems: [], ref };
    const draft = convertRow(ctx, options, seenRefs);
    if (draft === null) {
      rejected.push(...ctx.problems);
      continue;
    }
    accepted.push(draft);
    acceptedRows.push(record.rowNumber);
    if (ref !== '') seenRefs.set(ref, record.rowNumber);
  }
  return { accepted, acceptedRows, rejected };
}

/** Fields a mapping must give a column for before rows can import; the dialog disables 导入 until then. */
export function missingMappedFields(
  mapping: ColumnMapping,
  options: Pick<ConvertOptions, 'defaultMatterCode'>,
): ImportField[] {
  // No description column is fine: the description is made from the category and address.
  const required: ImportField[] = ['reportedAt'];
  if (options.defaultMatterCode === undefined) required.push('category');
  const missing = required.filter((field) => mapping[field] === undefined);
  if (mapping.address === undefined && (mapping.lon === undefined || mapping.lat === undefined))
    missing.push('address');
  if ((mapping.lon === undefined) !== (mapping.lat === undefined))
    missing.push(mapping.lon === undefined ? 'lon' : 'lat');
  return missing;
}
