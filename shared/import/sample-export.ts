/**
 * The sample 12345 hotline export for the sample township 澄湖镇（示例）: ~40 calls at real points inside
 * its grids, written as the hotline platform would (GCJ-02 coordinates, Chinese headers), as CSV (UTF-8
 * with BOM, CRLF, as Excel saves it) and as XLSX. Five rows are broken on purpose, each differently, so
 * the import dialog and its tests show every kind of rejection. Synthetic, deterministic from a seed.
 * `scripts/make-12345-sample.ts` writes the files to resources/samples/.
 */
import { bbox, booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import { wgs84ToGcj02 } from '../geo/coord-systems';
import type { TownshipDataset } from '../model/dataset';
import type { LonLat } from '../model/geo';
import type { Grid } from '../model/organisation';
import { sampleMatterCatalogue } from '../sample/matters';
import { mobilePhone, personName } from '../sample/names';
import { createRng, type Rng } from '../sample/random';
import { asTurfArea } from '../sample/turf-geometry';
import { CHINA_OFFSET_MS } from './china-time';
import { formatWallClock, wallClockMsToExcelSerial } from './excel-date';
import { writeXlsx, type XlsxCellInput } from './xlsx-write';

export const HOTLINE_SAMPLE_SEED = 12345;
/** The first call: 2026-11-18 08:00 China time. */
export const HOTLINE_SAMPLE_START_MS = Date.parse('2026-11-18T08:00:00+08:00');

export const HOTLINE_SAMPLE_HEADERS = [
  '工单编号',
  '来电时间',
  '来电人',
  '联系电话',
  '诉求分类',
  '紧急程度',
  '事发地址',
  '诉求内容',
  '经度（GCJ-02）',
  '纬度（GCJ-02）',
] as const;

/** The deliberate mistakes, one row each. */
export type HotlineSampleDefect =
  'noDescription' | 'badDate' | 'latOutOfRange' | 'unknownCategory' | 'duplicateRef';

export interface HotlineSampleRow {
  readonly ref: string;
  /** Epoch milliseconds of the call (for a `badDate` row, the time the text should have said). */
  readonly reportedAt: number;
  /** The time as the CSV writes it; also the XLSX text of rows that carry no date serial. */
  readonly timeText: string;
  /** Whether the XLSX stores the time as a date-formatted serial number rather than as text. */
  readonly xlsxSerialTime: boolean;
  readonly callerName: string;
  readonly phone: string;
  readonly category: string;
  /** The matter the category was made from. */
  readonly matterCode: string;
  readonly urgencyText: string;
  readonly address: string;
  readonly description: string;
  /** The true point, WGS84, rounded to 6 decimals; null for a call that gave only an address. */
  readonly wgs84: LonLat | null;
  /** What the file says, GCJ-02 rounded to 6 decimals (a broken latitude for `latOutOfRange`). */
  readonly gcj02: LonLat | null;
  readonly defect?: HotlineSampleDefect;
}

/** The parts of the township the sample exports are made from. */
export type SampleSource = Pick<TownshipDataset, 'communities' | 'grids' | 'basemap'>;

const DOMAIN_LABELS: Readonly<Record<string, string>> = {
  CG: '城市管理',
  SC: '市场监管',
  GH: '规划建设',
  ST: '生态环境',
  NY: '农业农村',
  YJ: '应急管理',
  SW: '水利',
  WS: '卫生健康',
  WL: '文化旅游',
  JT: '交通运输',
  ZR: '自然资源',
  MZ: '民政',
};

const ROW_COUNT = 40;
const DEFECT_AT: Readonly<Record<number, HotlineSampleDefect>> = {
  6: 'noDescription',
  14: 'badDate',
  21: 'latOutOfRange',
  29: 'unknownCategory',
  36: 'duplicateRef',
};
/** Data index of the call that gave an address but no coordinates, and of the one without urgency. */
const NO_COORDINATES_AT = 10;
const NO_URGENCY_AT = 12;
const DUPLICATE_OF = 3;

const SUFFIXES = [
  '，影响周边居民正常生活，请尽快处理。',
  '，已经持续好几天了，希望相关部门管一管。',
  '，来电人要求处理后回复。',
  '，存在安全隐患。',
];

/** Rounds degrees to 6 decimals (≈ 0.1 m), as platforms export them. */
export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** A random point inside the grid, WGS84, rounded to 6 decimals. */
export function pointInGrid(rng: Rng, grid: Grid): LonLat {
  const [w, s, e, n] = bbox(asTurfArea(grid.geometry));
  for (;;) {
    const p: LonLat = [round6(rng.range(w, e)), round6(rng.range(s, n))];
    if (booleanPointInPolygon([p[0], p[1]], asTurfArea(grid.geometry))) return p;
  }
}

/** The name of the basemap road nearest to the point, for a plausible address. */
export function nearestRoad(source: SampleSource, p: LonLat): string {
  let best = '';
  let bestM = Infinity;
  for (const road of source.basemap.roads) {
    const m = pointToLineDistance(
      [p[0], p[1]],
      { type: 'LineString', coordinates: road.geometry.coordinates.map(([x, y]) => [x, y]) },
      { units: 'meters' },
    );
    if (m < bestM) {
      bestM = m;
      best = road.name;
    }
  }
  return best;
}

function slashTime(wall: Date): string {
  return (
    `${wall.getUTCFullYear()}/${wall.getUTCMonth() + 1}/${wall.getUTCDate()} ` +
    `${wall.getUTCHours()}:${String(wall.getUTCMinutes()).padStart(2, '0')}`
  );
}

/** The sample calls, in file order. Deterministic for the township and seed. */
export function buildHotlineSample(source: SampleSource, seed = HOTLINE_SAMPLE_SEED): HotlineSampleRow[] {
  const rng = createRng(seed);
  const catalogue = sampleMatterCatalogue().filter((entry) => entry.matter.authority.kind === 'township');
  const weights = catalogue.map((entry) => entry.weight);
  const rows: HotlineSampleRow[] = [];
  let at = HOTLINE_SAMPLE_START_MS;
  for (let k = 0; k < ROW_COUNT; k++) {
    at += rng.int(20, 150) * 60_000;
    const defect = DEFECT_AT[k];
    const entry = catalogue[rng.weightedIndex(weights)] ?? catalogue[0];
    if (entry === undefined) throw new Error('sample catalogue is empty');
    const grid = rng.pick(source.grids);
    const community = source.communities.find((c) => c.code === grid.communityCode)?.name ?? '';
    const point = pointInGrid(rng, grid);
    const gcj = wgs84ToGcj02(point);
    const wall = new Date(at + CHINA_OFFSET_MS);
    const core = entry.matter.name.replace(/^对/, '').replace(/的行政(处罚|强制|检查)$/, '');
    const categories = [
      entry.matter.name,
      core,
      `${DOMAIN_LABELS[entry.matter.code.slice(0, 2)] ?? ''}>${core}`,
      entry.matter.code,
    ];
    const urgencyRoll = rng.next();
    const phone = mobilePhone(rng);
    const caller = personName(rng);
    const description =
      k === 8
        ? `来电人称："${entry.incident}"，地点在${community}。\n已多次反映，至今未解决。`
        : `${entry.incident}${rng.pick(SUFFIXES)}`;
    const dateRef = `${wall.getUTCFullYear()}${String(wall.getUTCMonth() + 1).padStart(2, '0')}${String(wall.getUTCDate()).padStart(2, '0')}`;
    const row: HotlineSampleRow = {
      ref: `TZ${dateRef}${String(k + 101).padStart(4, '0')}`,
      reportedAt: at,
      timeText: k % 2 === 0 ? formatWallClock(wall.getTime()) : slashTime(wall),
      xlsxSerialTime: k % 5 !== 4,
      callerName: caller,
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      category: categories[k % 4] as string,
      matterCode: entry.matter.code,
      urgencyText:
        k === NO_URGENCY_AT ? '' : urgencyRoll < 0.8 ? '一般' : urgencyRoll < 0.95 ? '紧急' : '特急',
      address: `兴化市澄湖镇${community}${nearestRoad(source, point)}${rng.int(1, 160)}号附近`,
      description,
      wgs84: k === NO_COORDINATES_AT ? null : point,
      gcj02: k === NO_COORDINATES_AT ? null : [round6(gcj[0]), round6(gcj[1])],
    };
    rows.push(defect === undefined ? row : withDefect(row, defect, rows));
  }
  return rows;
}

function withDefect(
  row: HotlineSampleRow,
  defect: HotlineSampleDefect,
  earlier: readonly HotlineSampleRow[],
): HotlineSampleRow {
  switch (defect) {
    case 'noDescription':
      return { ...row, defect, description: '' };
    case 'badDate':
      return { ...row, defect, timeText: '11月19日上午', xlsxSerialTime: false };
    case 'latOutOfRange':
      // A slipped key: 32.86… typed as 332.86….
      return { ...row, defect, gcj02: row.gcj02 === null ? null : [row.gcj02[0], row.gcj02[1] + 300] };
    case 'unknownCategory':
      return { ...row, defect, category: '拖欠农民工工资', matterCode: '' };
    case 'duplicateRef':
      return { ...row, defect, ref: earlier[DUPLICATE_OF]?.ref ?? row.ref };
  }
}

/** One CSV field, quoted when it holds a comma, quote, line break or edge space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function coordinateText(value: number | undefined): string {
  return value === undefined ? '' : value.toFixed(6);
}

/** The CSV text, with a byte-order mark and CRLF line ends, as Excel's "CSV UTF-8" saves it. */
export function hotlineSampleCsv(rows: readonly HotlineSampleRow[]): string {
  const lines = [HOTLINE_SAMPLE_HEADERS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.ref,
        row.timeText,
        row.callerName,
        row.phone,
        row.category,
        row.urgencyText,
        row.address,
        row.description,
        coordinateText(row.gcj02?.[0]),
        coordinateText(row.gcj02?.[1]),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The XLSX bytes: times as date-formatted serials (some as text, as platforms mix them), coordinates as
 * numbers, empty cells left out; one description as rich-text runs and one as an inline string.
 */
export function hotlineSampleXlsx(rows: readonly HotlineSampleRow[]): Uint8Array {
  const sheet: XlsxCellInput[][] = [[...HOTLINE_SAMPLE_HEADERS]];
  rows.forEach((row, k) => {
    const time: XlsxCellInput = row.xlsxSerialTime
      ? { serial: wallClockMsToExcelSerial(row.reportedAt + CHINA_OFFSET_MS) }
      : row.timeText;
    const text = (value: string): XlsxCellInput => (value === '' ? null : value);
    const description: XlsxCellInput =
      row.description === ''
        ? null
        : k === 2
          ? { runs: [row.description.slice(0, 4), row.description.slice(4)] }
          : k === 4
            ? { inline: row.description }
            : row.description;
    sheet.push([
      row.ref,
      time,
      text(row.callerName),
      text(row.phone),
      text(row.category),
      text(row.urgencyText),
      text(row.address),
      description,
      row.gcj02?.[0] ?? null,
      row.gcj02?.[1] ?? null,
    ]);
  });
  return writeXlsx(sheet, '工单列表');
}
