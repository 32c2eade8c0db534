/**
 * Which column of an old system's case export holds which field of a {@link HistoryCase}. The header
 * names are those 数字城管 and 12345 platforms commonly write, and GridDesk's own cases export in both
 * languages (shared/export/geo/layers.ts with the geoExport.column.cases.* headers), so that exporting
 * a centre's cases and importing them as history elsewhere needs no mapping by hand.
 */
import { normaliseHeader } from '../import/mapping';

export const HISTORY_FIELDS = [
  'caseNo',
  'externalRef',
  'source',
  'matterCode',
  'matter',
  'urgency',
  'address',
  'description',
  'lon',
  'lat',
  'wkt',
  'gridCode',
  'reportedAt',
  'closedAt',
  'status',
  'handledBy',
  'team',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Field → 0-based column index; a field left out is not read. */
export type HistoryMapping = Readonly<Partial<Record<HistoryField, number>>>;

/** Header names (as normaliseHeader leaves them) each field is found under, most specific first. */
const HEADERS: Readonly<Record<HistoryField, readonly string[]>> = {
  caseNo: ['案件编号', '案件号', '案卷编号', '案件编码', '案件流水号', 'caseno', 'caseid', 'case'],
  externalRef: [
    '工单编号',
    '工单号',
    '热线工单号',
    '12345工单号',
    '外部编号',
    'ticketno',
    'externalref',
    'ref',
  ],
  source: ['来源', '案件来源', '问题来源', '上报渠道', '来源渠道', 'source'],
  matterCode: ['事项编码', '事项代码', '执法事项编码', '事项编号', 'matterno', 'mattercode'],
  matter: [
    '执法事项',
    '事项',
    '事项名称',
    '案件类别',
    '问题类别',
    '案件小类',
    '小类',
    '类别',
    '分类',
    '问题类型',
    'matter',
    'category',
  ],
  urgency: ['紧急程度', '紧急度', '缓急', 'urgency', 'priority'],
  address: ['事发地址', '地址', '事发地点', '地点', '位置描述', 'address'],
  description: ['问题描述', '案件描述', '描述', '内容', '问题内容', 'details', 'description'],
  lon: ['经度', 'lon', 'lng', 'longitude', 'x'],
  lat: ['纬度', 'lat', 'latitude', 'y'],
  wkt: ['wkt', 'geometry', 'geom', '几何', '坐标'],
  gridCode: ['网格编码', '网格编号', '网格代码', '单元网格编码', 'gridcode', 'grid'],
  reportedAt: ['上报时间', '受理时间', '登记时间', '发现时间', 'reported', 'reportedat'],
  closedAt: ['结案时间', '办结时间', '结束时间', 'closed', 'closedat'],
  status: ['阶段', '状态', '案件状态', '当前阶段', '办理状态', 'stage', 'status'],
  handledBy: ['处置人员', '处置人', '办理人', '承办人', 'officers', 'handledby'],
  team: ['处置中队', '处置队伍', '处置单位', '责任中队', '队伍', 'team'],
};

/**
 * Proposes a column for each field from the header names (exact names after normaliseHeader: no
 * spaces, underscores or bracketed remarks, lower case). Each column goes to at most one field; when
 * several columns fit, the leftmost wins. `grid` (a grid's name in GridDesk's English export) is
 * taken as the grid code only when no other column is.
 */
export function guessHistoryMapping(headers: readonly string[]): HistoryMapping {
  const names = headers.map(normaliseHeader);
  const mapping: Partial<Record<HistoryField, number>> = {};
  const used = new Set<number>();
  for (const field of HISTORY_FIELDS) {
    for (const header of HEADERS[field]) {
      const column = names.findIndex((name, k) => !used.has(k) && name === header);
      if (column >= 0) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** Fields a file must have a column for: the case number, the report time, a matter, and a place. */
export function missingHistoryFields(mapping: HistoryMapping): HistoryField[] {
  const missing: HistoryField[] = [];
  if (mapping.caseNo === undefined) missing.push('caseNo');
  if (mapping.reportedAt === undefined) missing.push('reportedAt');
  if (mapping.matterCode === undefined && mapping.matter === undefined) missing.push('matter');
  const located = (mapping.lon !== undefined && mapping.lat !== undefined) || mapping.wkt !== undefined;
  if (!located && mapping.gridCode === undefined) missing.push('gridCode');
  return missing;
}

/** Whether the file has coordinates, so the operator picks their system. */
export function hasCoordinates(mapping: HistoryMapping): boolean {
  return (mapping.lon !== undefined && mapping.lat !== undefined) || mapping.wkt !== undefined;
}

/**
 * Pairs of fields that may read the same column: a 12345 export's 工单号 is often its only case
 * number, and some systems write a matter's code or its name in one 事项 column (the code is tried
 * first, then the name).
 */
const MAY_SHARE: readonly (readonly [HistoryField, HistoryField])[] = [
  ['caseNo', 'externalRef'],
  ['matterCode', 'matter'],
];

function mayShare(a: HistoryField, b: HistoryField): boolean {
  return MAY_SHARE.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/**
 * Why a mapping (guessed or set by hand) cannot be read: a field set to a column the file does not
 * have (`column` is the index given), one column given to two fields that may not share it (`field`
 * is the later field in {@link HISTORY_FIELDS} order, `other` the first; `column` the header), or
 * required fields without a column (the groups of {@link missingHistoryFields}). `file` names the file.
 */
export type HistoryMappingProblem =
  | {
      readonly key: 'historyMapping.unknownColumn';
      readonly field: HistoryField;
      readonly params: { readonly file: string; readonly column: number };
    }
  | {
      readonly key: 'historyMapping.columnTwice';
      readonly field: HistoryField;
      readonly other: HistoryField;
      readonly params: { readonly file: string; readonly column: string };
    }
  | {
      readonly key: 'historyMapping.missing';
      readonly fields: readonly HistoryField[];
      readonly params: { readonly file: string };
    };

/**
 * Checks a mapping against the file's header row (`headers`, as read): every mapped column must be
 * one of the file's (a whole index from 0 to headers.length − 1); a column may serve two fields only
 * where {@link MAY_SHARE} allows; and the required fields must be there. Problems in field order, the
 * missing fields last; empty when the file can be read with it.
 */
export function checkHistoryMapping(
  mapping: HistoryMapping,
  headers: readonly string[],
  file: string,
): HistoryMappingProblem[] {
  const problems: HistoryMappingProblem[] = [];
  const firstUse = new Map<number, HistoryField[]>();
  for (const field of HISTORY_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (!Number.isInteger(column) || column < 0 || column >= headers.length) {
      problems.push({ key: 'historyMapping.unknownColumn', field, params: { file, column } });
      continue;
    }
    const before = firstUse.get(column) ?? [];
    const clash = before.find((other) => !mayShare(other, field));
    if (clash !== undefined)
      problems.push({
        key: 'historyMapping.columnTwice',
        field,
        other: clash,
        params: { file, column: headers[column] ?? String(column) },
      });
    firstUse.set(column, [...before, field]);
  }
  const missing = missingHistoryFields(mapping);
  if (missing.length > 0) problems.push({ key: 'historyMapping.missing', fields: missing, params: { file } });
  return problems;
}

/** The fields a file must map (each marked required where the operator maps them). */
export const REQUIRED_HISTORY_FIELDS: ReadonlySet<HistoryField> = new Set(['caseNo', 'reportedAt']);

/**
 * Fields of which one of a group is required: a matter (its code or its name), and a place (lon and
 * lat, a WKT point, or a grid code). Shown as "one of" beside each.
 */
export const ONE_OF_HISTORY_FIELDS: ReadonlySet<HistoryField> = new Set([
  'matterCode',
  'matter',
  'lon',
  'lat',
  'wkt',
  'gridCode',
]);
