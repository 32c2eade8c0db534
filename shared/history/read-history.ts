/**
 * Reading the rows of an old system's case export into {@link HistoryCase} rows: each checked, each
 * placed in a grid by GridDesk's grid locator (the same one intake uses), falling back to the file's
 * grid code. Every problem names the file, the row the operator sees in Excel and the column; an error
 * keeps its row out, a warning lets it in. Pure: the history worker runs it over the whole file.
 */
import { toWgs84, type CoordSystem } from '../geo/coord-systems';
import type { LonLat } from '../model/geo';
import type { CaseSource, Urgency } from '../model/case';
import type { Matter } from '../model/matter';
import type { Grid, PatrolArea } from '../model/organisation';
import type { GridLocator } from '../spatial/grid-locator';
import { FAR_OUTSIDE_M } from '../assignment/responsibility';
import { parseChinaTime } from '../import/china-time';
import { PLAUSIBLE_CHINA_BBOX, parseUrgency } from '../import/convert';
import { classifyCategory } from '../import/category-match';
import type { CellValue, ImportTable, SourceRecord } from '../import/table-types';
import type { HistoryCase, HistoryStatus } from './history-case';
import type { HistoryField, HistoryMapping } from './history-mapping';
import { sourceOf, statusOf } from './history-words';

/** A history row before it is stored (the import's event id is added then). */
export type HistoryRow = Omit<HistoryCase, 'importId'>;

export type HistoryProblemKey =
  | 'history.missingField'
  | 'history.badTime'
  | 'history.closedBeforeReported'
  | 'history.unknownMatter'
  | 'history.ambiguousMatter'
  | 'history.badCoordinate'
  | 'history.outsideTownship'
  | 'history.farOutside'
  | 'history.unknownGrid'
  | 'history.gridDiffers'
  | 'history.duplicateCaseNo'
  | 'history.caseNoExists'
  | 'history.badStatus'
  | 'history.badUrgency';

/**
 * One problem of one row. `params` always hold `file`, `row` and `column` (the header text, or the field
 * id when the file has no such column), and `value` when the cell had one.
 */
export interface HistoryProblem {
  readonly row: number;
  readonly field: HistoryField;
  readonly severity: 'error' | 'warning';
  readonly key: HistoryProblemKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface HistoryReadOptions {
  /** The system of the file's lon/lat columns or WKT points. */
  readonly coordSystem: CoordSystem;
  readonly matters: readonly Matter[];
  readonly grids: readonly Grid[];
  readonly patrolAreas: readonly PatrolArea[];
  /** A locator over `grids`, in the same order. */
  readonly locator: GridLocator;
  /** UTC offset of the centre's zone, ms: times without a zone (and Excel serials) are read in it. */
  readonly zoneOffsetMs: number;
  /** 案件编号 already in the centre's history. */
  readonly existingCaseNos: ReadonlySet<string>;
}

export interface HistoryReadResult {
  readonly accepted: readonly HistoryRow[];
  /** The source row of each accepted case, same order as `accepted`. */
  readonly acceptedRows: readonly number[];
  /** Errors and warnings, in row order. */
  readonly problems: readonly HistoryProblem[];
}

function text(value: CellValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? String(value) : value.trim();
}

function numberOf(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
  const t = text(value).replace(/[°度]$/, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

const WKT_POINT =
  /^\s*POINT\s*Z?M?\s*\(\s*([+-]?[\d.]+(?:[eE][+-]?\d+)?)\s+([+-]?[\d.]+(?:[eE][+-]?\d+)?)(?:\s+[+-]?[\d.eE+-]+)*\s*\)\s*$/i;

function inChina([lon, lat]: LonLat): boolean {
  const [w, s, e, n] = PLAUSIBLE_CHINA_BBOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

class Row {
  readonly problems: HistoryProblem[] = [];
  constructor(
    private readonly table: ImportTable,
    private readonly mapping: HistoryMapping,
    readonly record: SourceRecord,
  ) {}

  cell(field: HistoryField): CellValue | undefined {
    const column = this.mapping[field];
    return column === undefined ? undefined : this.record.cells[column];
  }

  text(field: HistoryField): string {
    return text(this.cell(field));
  }

  add(
    severity: HistoryProblem['severity'],
    field: HistoryField,
    key: HistoryProblemKey,
    extra: Readonly<Record<string, string | number>> = {},
  ): void {
    const column = this.mapping[field];
    const header = column === undefined ? '' : (this.table.headers[column] ?? '');
    const value = this.text(field);
    this.problems.push({
      row: this.record.rowNumber,
      field,
      severity,
      key,
      params: {
        file: this.table.fileName,
        row: this.record.rowNumber,
        column: header === '' ? field : header,
        ...(value === '' ? {} : { value }),
        ...extra,
      },
    });
  }

  get failed(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}

function readTime(row: Row, field: 'reportedAt' | 'closedAt', offset: number, required: boolean) {
  const cell = row.cell(field);
  if (cell === undefined || text(cell) === '') {
    if (required) row.add('error', field, 'history.missingField');
    return undefined;
  }
  const t = parseChinaTime(cell, offset);
  if (t === null) row.add('error', field, 'history.badTime');
  return t ?? undefined;
}

function readMatter(row: Row, matters: readonly Matter[]): string | undefined {
  const code = row.text('matterCode');
  if (code !== '') {
    const byCode = matters.find((m) => m.code === code);
    if (byCode !== undefined) return byCode.code;
    if (row.text('matter') === '') {
      row.add('error', 'matterCode', 'history.unknownMatter');
      return undefined;
    }
  }
  const name = row.text('matter');
  if (name === '') {
    row.add('error', code === '' ? 'matter' : 'matterCode', 'history.missingField');
    return undefined;
  }
  const match = classifyCategory(name, matters);
  if (match.kind === 'matched') return match.matter.code;
  if (match.kind === 'ambiguous') {
    row.add('error', 'matter', 'history.ambiguousMatter', {
      candidates: match.candidates.map((m) => `${m.code} ${m.name}`).join('；'),
    });
    return undefined;
  }
  row.add('error', 'matter', 'history.unknownMatter');
  return undefined;
}

/** The location as written (lon/lat columns, else WKT POINT), null for none, undefined after an error. */
function readPoint(row: Row): LonLat | null | undefined {
  const lonText = row.text('lon');
  const latText = row.text('lat');
  if (lonText !== '' || latText !== '') {
    const lon = numberOf(row.cell('lon'));
    const lat = numberOf(row.cell('lat'));
    if (lon === null || lat === null || !inChina([lon, lat])) {
      row.add('error', lon === null || lat !== null ? 'lon' : 'lat', 'history.badCoordinate', {
        lon: lonText,
        lat: latText,
      });
      return undefined;
    }
    return [lon, lat];
  }
  const wkt = row.text('wkt');
  if (wkt === '') return null;
  const m = WKT_POINT.exec(wkt);
  const point: LonLat | null = m === null ? null : [Number(m[1]), Number(m[2])];
  if (point === null || !inChina(point)) {
    row.add('error', 'wkt', 'history.badCoordinate', { lon: '', lat: '' });
    return undefined;
  }
  return point;
}

/**
 * A row's point as written (lon/lat columns, else a WKT POINT), when it is a plausible point in China;
 * null otherwise. No conversion: what the coordinate-system fit reads under each system.
 */
export function plainPoint(cells: readonly CellValue[], mapping: HistoryMapping): LonLat | null {
  const at = (field: HistoryField): CellValue | undefined => {
    const column = mapping[field];
    return column === undefined ? undefined : cells[column];
  };
  const lon = numberOf(at('lon'));
  const lat = numberOf(at('lat'));
  if (lon !== null && lat !== null) return inChina([lon, lat]) ? [lon, lat] : null;
  const m = WKT_POINT.exec(text(at('wkt')));
  if (m === null) return null;
  const point: LonLat = [Number(m[1]), Number(m[2])];
  return inChina(point) ? point : null;
}

interface Placed {
  readonly grid: Grid;
}

function place(row: Row, location: LonLat | null, options: HistoryReadOptions): Placed | undefined {
  const fileCode = row.text('gridCode');
  const fileGrid = fileCode === '' ? undefined : options.grids.find((g) => g.code === fileCode);
  if (location === null) {
    if (fileCode === '') row.add('error', 'gridCode', 'history.missingField');
    else if (fileGrid === undefined) row.add('error', 'gridCode', 'history.unknownGrid');
    return fileGrid === undefined ? undefined : { grid: fileGrid };
  }
  const hit = options.locator.locate(location[0], location[1]);
  if (hit.kind === 'inside') {
    const grid = options.grids[hit.index];
    if (grid === undefined) return undefined;
    if (fileCode !== '' && fileCode !== grid.code)
      row.add('warning', 'gridCode', 'history.gridDiffers', { grid: grid.code });
    return { grid };
  }
  const fields = row.text('lon') === '' ? 'wkt' : 'lon';
  if (fileGrid !== undefined) {
    row.add('warning', fields, 'history.outsideTownship', { grid: fileGrid.code });
    return { grid: fileGrid };
  }
  const nearest = hit.nearest;
  const nearGrid = nearest === null ? undefined : options.grids[nearest.index];
  if (nearest === null || nearGrid === undefined || nearest.distanceM >= FAR_OUTSIDE_M) {
    row.add('error', fields, 'history.farOutside', { limitM: FAR_OUTSIDE_M });
    return undefined;
  }
  row.add('warning', fields, 'history.outsideTownship', { grid: nearGrid.code });
  return { grid: nearGrid };
}

function readRow(row: Row, options: HistoryReadOptions, seen: ReadonlyMap<string, number>) {
  const caseNo = row.text('caseNo');
  if (caseNo === '') row.add('error', 'caseNo', 'history.missingField');
  else if (seen.has(caseNo))
    row.add('error', 'caseNo', 'history.duplicateCaseNo', { firstRow: seen.get(caseNo) ?? 0 });
  else if (options.existingCaseNos.has(caseNo)) row.add('error', 'caseNo', 'history.caseNoExists');
  const reportedAt = readTime(row, 'reportedAt', options.zoneOffsetMs, true);
  const closedAt = readTime(row, 'closedAt', options.zoneOffsetMs, false);
  if (reportedAt !== undefined && closedAt !== undefined && closedAt < reportedAt)
    row.add('error', 'closedAt', 'history.closedBeforeReported');
  const statusText = row.text('status');
  let status: HistoryStatus | null = statusOf(statusText);
  if (status === null) {
    row.add('error', 'status', 'history.badStatus');
  } else if (statusText === '') status = closedAt === undefined ? 'open' : 'closed';
  const matterCode = readMatter(row, options.matters);
  let urgency: Urgency | null = parseUrgency(row.text('urgency'));
  if (urgency === null) {
    row.add('warning', 'urgency', 'history.badUrgency');
    urgency = 'normal';
  }
  const point = readPoint(row);
  const location = point === undefined || point === null ? point : toWgs84(point, options.coordSystem);
  const placed = location === undefined ? undefined : place(row, location, options);
  if (row.failed || placed === undefined || matterCode === undefined || reportedAt === undefined) return null;
  const teamId = options.patrolAreas.find((a) => a.id === placed.grid.patrolAreaId)?.teamId ?? '';
  const sourceText = row.text('source');
  const source: CaseSource | null = sourceOf(sourceText);
  const externalRef = row.text('externalRef');
  const handledBy = [row.text('handledBy'), row.text('team')].filter((t) => t !== '').join('；');
  const out: HistoryRow = {
    caseNo,
    ...(externalRef === '' ? {} : { externalRef }),
    ...(source === null ? {} : { source }),
    sourceText,
    matterCode,
    urgency,
    address: row.text('address'),
    description: row.text('description').replace(/\r\n?/g, '\n'),
    location: location ?? null,
    gridCode: placed.grid.code,
    teamId,
    reportedAt,
    ...(closedAt === undefined ? {} : { closedAt }),
    status: status ?? 'open',
    handledBy,
  };
  return out;
}

/**
 * Reads every data row of `table` as a history case (see the module comment). Per row: 案件编号 is
 * required and unique in the file (a repeat names the first row) and against `existingCaseNos`;
 * 上报时间 is required, 结案时间 optional and not before it (both text or Excel serials in the centre's
 * zone unless they carry one); the matter comes from 事项编码 when it is a code of the power list, else
 * from the name by the 12345 import's matcher (classifyCategory); 状态/阶段 is closed (结案, 评价, …),
 * voided (作废, 不予立案, 合并) or open (any earlier stage), and an empty one is closed when a closing
 * time is given; lon/lat (or a WKT POINT) in `coordSystem` are converted to WGS84 and located: inside a
 * grid, that grid (a different file grid code is a warning); outside every grid, the file's grid code
 * or else the nearest grid within {@link FAR_OUTSIDE_M}, with a warning; further out, an error. A row
 * without a place needs a grid code of the centre. The team is the one owning the grid's patrol area.
 * A bad 紧急程度 is a warning (一般 is kept).
 */
export function readHistoryRows(
  table: ImportTable,
  mapping: HistoryMapping,
  options: HistoryReadOptions,
): HistoryReadResult {
  const accepted: HistoryRow[] = [];
  const acceptedRows: number[] = [];
  const problems: HistoryProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of table.rows) {
    const row = new Row(table, mapping, record);
    const read = readRow(row, options, seen);
    problems.push(...row.problems);
    const caseNo = row.text('caseNo');
    if (caseNo !== '' && !seen.has(caseNo)) seen.set(caseNo, record.rowNumber);
    if (read === null) continue;
    accepted.push(read);
    acceptedRows.push(record.rowNumber);
  }
  return { accepted, acceptedRows, problems };
}
