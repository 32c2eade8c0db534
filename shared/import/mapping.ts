/**
 * Which column of a hotline export holds which field of a case. {@link guessMapping} proposes a mapping
 * from the header names 12345 platforms commonly use (several synonyms each, Chinese and English); the
 * import dialog shows it and lets the operator change it.
 */
import type { CoordSystem } from '../geo/coord-systems';

/** The target fields of a hotline case, in the order the import dialog lists them. */
export const IMPORT_FIELDS = [
  'externalRef',
  'reportedAt',
  'description',
  'address',
  'lon',
  'lat',
  'category',
  'urgency',
  'reporterName',
  'reporterPhone',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → 0-based column index in the table's headers; a field left out is not imported. */
export type ColumnMapping = Readonly<Partial<Record<ImportField, number>>>;

interface Synonyms {
  /** Header equals one of these (after normalising). */
  readonly exact: readonly string[];
  /** Header contains one of these; longer, more specific words only. */
  readonly contains: readonly string[];
}

const SYNONYMS: Readonly<Record<ImportField, Synonyms>> = {
  externalRef: {
    exact: [
      '工单编号',
      '工单号',
      '编号',
      '单号',
      '工单编码',
      '受理编号',
      '诉求编号',
      'id',
      'ref',
      'ticketno',
      'orderno',
    ],
    contains: [
      '工单编号',
      '工单号',
      '受理编号',
      '诉求编号',
      '流水号',
      'ticketid',
      'reference',
      'externalref',
    ],
  },
  reportedAt: {
    exact: [
      '来电时间',
      '受理时间',
      '登记时间',
      '上报时间',
      '接收时间',
      '时间',
      '日期',
      'time',
      'date',
      'reportedat',
    ],
    contains: [
      '来电时间',
      '受理时间',
      '登记时间',
      '上报时间',
      '来电日期',
      '受理日期',
      '派单时间',
      'reportedat',
      'calltime',
      'received',
    ],
  },
  description: {
    exact: [
      '诉求内容',
      '反映内容',
      '工单内容',
      '来电内容',
      '问题描述',
      '事件描述',
      '诉求描述',
      '内容',
      '描述',
      'description',
      'content',
    ],
    contains: [
      '诉求内容',
      '工单内容',
      '问题描述',
      '事件描述',
      '诉求描述',
      '来电内容',
      '反映内容',
      '诉求详情',
      '投诉内容',
      '举报内容',
      '事件内容',
      '问题内容',
      '案件描述',
      'description',
    ],
  },
  address: {
    exact: ['地址', '事发地址', '事发地点', '地点', '位置', 'address', 'location'],
    contains: [
      '事发地址',
      '事发地点',
      '事发位置',
      '诉求地址',
      '问题地址',
      '详细地址',
      '发生地址',
      '发生地点',
      '反映地址',
      'address',
    ],
  },
  lon: {
    exact: ['经度', 'x', 'lon', 'lng', 'long', 'longitude'],
    contains: ['经度', 'longitude'],
  },
  lat: {
    exact: ['纬度', 'y', 'lat', 'latitude'],
    contains: ['纬度', 'latitude'],
  },
  category: {
    exact: [
      '诉求分类',
      '诉求类型',
      '诉求类别',
      '问题类型',
      '问题类别',
      '问题分类',
      '事件类型',
      '案件小类',
      '小类',
      '分类',
      '类别',
      '类型',
      '事项',
      'category',
      'type',
      'matter',
    ],
    contains: [
      '诉求分类',
      '问题类型',
      '问题分类',
      '问题类别',
      '诉求类型',
      '诉求类别',
      '工单分类',
      '事项分类',
      '事件类型',
      '事件类别',
      '案件类型',
      '案件类别',
      '业务类型',
      '小类',
      '三级分类',
      'category',
    ],
  },
  urgency: {
    exact: ['紧急程度', '紧急度', '缓急', '优先级', 'urgency', 'priority'],
    contains: ['紧急程度', '缓急程度', '紧急', 'urgency', 'priority'],
  },
  reporterName: {
    exact: ['来电人', '诉求人', '反映人', '联系人', '姓名', 'name', 'caller', 'reporter'],
    contains: ['来电人', '诉求人', '反映人', '联系人', '来电者', 'callername', 'reportername'],
  },
  reporterPhone: {
    exact: ['联系电话', '来电号码', '电话', '手机', '手机号', '联系方式', 'phone', 'tel', 'mobile'],
    contains: ['联系电话', '来电号码', '电话号码', '手机号码', '联系方式', 'phone', 'mobile'],
  },
};

/** Lower-cases and drops spaces, underscores and bracketed remarks: `经度（GCJ-02）` → `经度`. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s_\-:：*]/g, '')
    .toLowerCase();
}

/**
 * Proposes a column for each field from the header names: first exact synonyms, then headers that
 * contain a specific synonym; each column goes to at most one field, and when several columns fit a
 * field, the leftmost wins. Fields with no fitting column are left out.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const names = headers.map(normaliseHeader);
  const mapping: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  const pass = (fits: (name: string, synonyms: Synonyms) => boolean): void => {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const column = names.findIndex((name, k) => !used.has(k) && name !== '' && fits(name, SYNONYMS[field]));
      if (column >= 0) {
        mapping[field] = column;
        used.add(column);
      }
    }
  };
  pass((name, s) => s.exact.includes(name));
  pass((name, s) => s.contains.some((word) => name.includes(word)));
  return mapping;
}

/**
 * Suggests the coordinate system from remarks in the coordinate headers, e.g. `经度(百度)` → bd09,
 * `lng_gcj02` or `经度（高德）` → gcj02, `经度(WGS84)` → wgs84. Null when the headers say nothing; most
 * 12345 platforms export GCJ-02 (they show 高德 or 腾讯 maps), but the operator must confirm.
 */
export function guessCoordSystem(headers: readonly string[]): CoordSystem | null {
  const text = headers.join(' ').toLowerCase();
  if (/bd-?09|百度|baidu/.test(text)) return 'bd09';
  if (/gcj-?02|高德|腾讯|火星|amap|gaode/.test(text)) return 'gcj02';
  if (/wgs-?84|cgcs|2000|gps|天地图/.test(text)) return 'wgs84';
  return null;
}
