/**
 * A second sample 12345 export for 澄湖镇（示例）, shaped as hotline platforms really write them: no 描述
 * column (the content is in 诉求内容), categories named as the hotline names them (占道经营, 噪音扰民, 违章
 *搭建, sometimes as a path 城市管理>市容环境>占道经营) rather than after the power list, one local catch-all
 * category (环境脏乱差) that only the operator can map, GCJ-02 coordinates under plain 经度/纬度 headers with
 * nothing saying so, and columns the import does not need (承办单位, 工单状态). A third of the calls are near
 * the township boundary, where reading GCJ-02 as WGS84 (≈ 500 m off) would put points outside it.
 * No row is broken: every call imports once the operator answers the dialog's questions.
 * Synthetic, deterministic from a seed; `scripts/make-12345-sample.ts` writes the files.
 */
import { booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import { wgs84ToGcj02 } from '../geo/coord-systems';
import type { TownshipDataset } from '../model/dataset';
import type { LonLat } from '../model/geo';
import { sampleMatterCatalogue } from '../sample/matters';
import { mobilePhone, personName } from '../sample/names';
import { createRng, type Rng } from '../sample/random';
import { asTurfArea } from '../sample/turf-geometry';
import { CHINA_OFFSET_MS } from './china-time';
import { formatWallClock, wallClockMsToExcelSerial } from './excel-date';
import { csvField, nearestRoad, pointInGrid, round6 } from './sample-export';
import { writeXlsx, type XlsxCellInput } from './xlsx-write';

export const REAL_HOTLINE_SAMPLE_SEED = 2026_12345;
/** The first call: 2026-11-21 07:40 China time. */
export const REAL_HOTLINE_SAMPLE_START_MS = Date.parse('2026-11-21T07:40:00+08:00');
/** The file names under resources/samples/. */
export const REAL_HOTLINE_SAMPLE_FILES = {
  csv: '12345-hotline-export.csv',
  xlsx: '12345-hotline-export.xlsx',
} as const;

export const REAL_HOTLINE_SAMPLE_HEADERS = [
  '工单编号',
  '受理时间',
  '诉求人',
  '联系电话',
  '诉求类型',
  '诉求地址',
  '诉求内容',
  '经度',
  '纬度',
  '承办单位',
  '工单状态',
] as const;

/**
 * The category names this sample uses and the matter each stands for. Written here, not read from the
 * synonym table, so the fixture tests the table instead of echoing it. 环境脏乱差 has no synonym.
 */
export const REAL_HOTLINE_CATEGORIES: readonly { readonly category: string; readonly matterCode: string }[] =
  [
    { category: '占道经营', matterCode: 'CG-001' },
    { category: '占道摆摊', matterCode: 'CG-001' },
    { category: '噪音扰民', matterCode: 'ST-007' },
    { category: '店外经营', matterCode: 'CG-002' },
    { category: '乱倒垃圾', matterCode: 'CG-005' },
    { category: '油烟扰民', matterCode: 'CG-011' },
    { category: '施工扰民', matterCode: 'CG-013' },
    { category: '非法小广告', matterCode: 'CG-004' },
    { category: '露天烧烤', matterCode: 'CG-010' },
    { category: '城乡建设>违章搭建', matterCode: 'GH-003' },
    { category: '飞线充电', matterCode: 'YJ-003' },
    { category: '占用消防通道', matterCode: 'YJ-002' },
    { category: '城市管理>市容环境>占道经营', matterCode: 'CG-001' },
    { category: '工地扬尘', matterCode: 'CG-012' },
  ];
/** The catch-all category only the operator can map, and the matter the calls behind it are about. */
export const REAL_HOTLINE_UNMATCHED = { category: '环境脏乱差', matterCode: 'CG-005' } as const;

export interface RealHotlineSampleRow {
  readonly ref: string;
  /** Epoch milliseconds of the call. */
  readonly reportedAt: number;
  readonly callerName: string;
  readonly phone: string;
  readonly category: string;
  /** The matter the call is about. */
  readonly matterCode: string;
  readonly address: string;
  readonly description: string;
  /** The true point, WGS84, 6 decimals. */
  readonly wgs84: LonLat;
  /** What the file says: GCJ-02, 6 decimals. */
  readonly gcj02: LonLat;
  /** The grid the true point is in. */
  readonly gridCode: string;
  /** Whether the point was drawn within {@link NEAR_BOUNDARY_M} of the township boundary. */
  readonly nearBoundary: boolean;
}

type Source = Pick<TownshipDataset, 'communities' | 'grids' | 'basemap' | 'township'>;

const ROW_COUNT = 30;
/** Rows at these data indexes carry the catch-all category. */
const UNMATCHED_AT = new Set([5, 17, 26]);
/** A point "near the boundary" is at most this far inside it, metres. */
export const NEAR_BOUNDARY_M = 450;

const UNMATCHED_TEXTS = [
  '小区门口垃圾、杂物堆积，环境脏乱差，无人清理',
  '菜场后面污水横流，环境脏乱差',
  '河边空地杂物乱堆，蚊蝇很多',
];
const SUFFIXES = ['，请尽快处理。', '，来电人要求回复处理结果。', '，已反映多次。', '。'];

function boundaryDistanceM(source: Source, p: LonLat): number {
  const boundary = source.township.boundary;
  const rings =
    boundary.type === 'Polygon' ? [boundary.coordinates[0]] : boundary.coordinates.map((c) => c[0]);
  let best = Infinity;
  for (const ring of rings) {
    if (ring === undefined) continue;
    const line = { type: 'LineString' as const, coordinates: ring.map(([x, y]) => [x, y]) };
    best = Math.min(best, pointToLineDistance([p[0], p[1]], line, { units: 'meters' }));
  }
  return best;
}

function placeCall(rng: Rng, source: Source, nearBoundary: boolean): { point: LonLat; gridCode: string } {
  for (;;) {
    const grid = rng.pick(source.grids);
    const point = pointInGrid(rng, grid);
    const inside = booleanPointInPolygon([point[0], point[1]], asTurfArea(source.township.boundary));
    if (!inside) continue;
    if (!nearBoundary || boundaryDistanceM(source, point) <= NEAR_BOUNDARY_M)
      return { point, gridCode: grid.code };
  }
}

/** The sample calls, in file order. Deterministic for the township and seed. */
export function buildRealHotlineSample(
  source: Source,
  seed = REAL_HOTLINE_SAMPLE_SEED,
): RealHotlineSampleRow[] {
  const rng = createRng(seed);
  const incidents = new Map(sampleMatterCatalogue().map((e) => [e.matter.code, e.incident]));
  const rows: RealHotlineSampleRow[] = [];
  let at = REAL_HOTLINE_SAMPLE_START_MS;
  let unmatched = 0;
  for (let k = 0; k < ROW_COUNT; k++) {
    at += rng.int(15, 120) * 60_000;
    const isUnmatched = UNMATCHED_AT.has(k);
    const kind = isUnmatched ? REAL_HOTLINE_UNMATCHED : rng.pick(REAL_HOTLINE_CATEGORIES);
    const nearBoundary = k % 3 === 0;
    const { point, gridCode } = placeCall(rng, source, nearBoundary);
    const grid = source.grids.find((g) => g.code === gridCode);
    const community = source.communities.find((c) => c.code === grid?.communityCode)?.name ?? '';
    const gcj = wgs84ToGcj02(point);
    const wall = new Date(at + CHINA_OFFSET_MS);
    const phone = mobilePhone(rng);
    const content = isUnmatched
      ? (UNMATCHED_TEXTS[unmatched++] ?? '环境脏乱差')
      : (incidents.get(kind.matterCode) ?? kind.category);
    const day = `${wall.getUTCFullYear()}${String(wall.getUTCMonth() + 1).padStart(2, '0')}${String(wall.getUTCDate()).padStart(2, '0')}`;
    rows.push({
      ref: `JS${day}${String(k + 501).padStart(5, '0')}`,
      reportedAt: at,
      callerName: personName(rng),
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      category: kind.category,
      matterCode: kind.matterCode,
      address: `澄湖镇${community}${nearestRoad(source, point)}${rng.int(1, 200)}号`,
      description: `市民来电反映：${content}${rng.pick(SUFFIXES)}`,
      wgs84: point,
      gcj02: [round6(gcj[0]), round6(gcj[1])],
      gridCode,
      nearBoundary,
    });
  }
  return rows;
}

const HANDLER = '澄湖镇综合行政执法局';
const STATUS = '已派单';

/** The CSV text: UTF-8 with a byte-order mark and CRLF line ends, as platforms' Excel exports save it. */
export function realHotlineSampleCsv(rows: readonly RealHotlineSampleRow[]): string {
  const lines = [REAL_HOTLINE_SAMPLE_HEADERS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.ref,
        formatWallClock(row.reportedAt + CHINA_OFFSET_MS),
        row.callerName,
        row.phone,
        row.category,
        row.address,
        row.description,
        row.gcj02[0].toFixed(6),
        row.gcj02[1].toFixed(6),
        HANDLER,
        STATUS,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The XLSX bytes: the same rows, times as date-formatted serials and coordinates as numbers. */
export function realHotlineSampleXlsx(rows: readonly RealHotlineSampleRow[]): Uint8Array {
  const sheet: XlsxCellInput[][] = [[...REAL_HOTLINE_SAMPLE_HEADERS]];
  for (const row of rows) {
    sheet.push([
      row.ref,
      { serial: wallClockMsToExcelSerial(row.reportedAt + CHINA_OFFSET_MS) },
      row.callerName,
      row.phone,
      row.category,
      row.address,
      row.description,
      row.gcj02[0],
      row.gcj02[1],
      HANDLER,
      STATUS,
    ]);
  }
  return writeXlsx(sheet, '工单导出');
}
