/**
 * Which coordinate system a hotline export's lon/lat are in. Files rarely say so, and the wrong guess is
 * silent: GCJ-02 read as WGS84 puts every point ≈ 500 m off (east-south-east in Jiangsu), still plausibly
 * inside the township. So the import takes the system only from what the file states (a remark in the
 * coordinate headers, or a 坐标系 column that says one thing for every row); otherwise the operator picks
 * it, helped by {@link crsFit}: how many of the file's points fall inside the township under each reading.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { COORD_SYSTEMS, toWgs84, type CoordSystem } from '../geo/coord-systems';
import { asGeoJson, type AreaGeometry, type LonLat } from '../model/geo';
import { guessCoordSystem, normaliseHeader, type ColumnMapping } from './mapping';
import type { CellValue, ImportTable } from './table-types';

/** Headers of a column naming the coordinate system per row (normalised, see normaliseHeader). */
const CRS_HEADERS = [
  '坐标系',
  '坐标系统',
  '坐标类型',
  '坐标系类型',
  '坐标体系',
  'crs',
  'srs',
  'coordsys',
  'coordsystem',
];

/** Reads a coordinate-system name as platforms write it: GCJ02, 高德, BD09, 百度, WGS84, CGCS2000, 4326 … */
export function parseCoordSystemName(value: string): CoordSystem | null {
  const text = value
    .trim()
    .toLowerCase()
    .replace(/[\s_:-]/g, '');
  if (text === '') return null;
  if (/^(bd09(ll)?|百度|百度坐标|baidu)$/.test(text)) return 'bd09';
  if (/^(gcj02|高德|腾讯|火星|火星坐标|国测局|国测局坐标|amap|gaode|tencent)$/.test(text)) return 'gcj02';
  if (/^(wgs84|wgs|gps|cgcs2000|cgcs|2000|epsg4326|4326|epsg4490|4490|天地图|tianditu)$/.test(text))
    return 'wgs84';
  return null;
}

/** Where the file states its coordinate system, when it does. */
export interface StatedCoordSystem {
  readonly system: CoordSystem;
  readonly from: 'header' | 'column';
  /** The header that says so. */
  readonly header: string;
}

function cellText(value: CellValue | undefined): string {
  return value === undefined ? '' : String(value).trim();
}

/**
 * The coordinate system the file itself states: a remark in the mapped lon/lat headers (经度（GCJ-02）,
 * lng_bd09), else a 坐标系 column whose non-empty cells all name the same system. Null when it states
 * none, or when that column names several (rows in mixed systems: the operator must split the file).
 */
export function statedCoordSystem(table: ImportTable, mapping: ColumnMapping): StatedCoordSystem | null {
  for (const column of [mapping.lon, mapping.lat]) {
    const header = column === undefined ? undefined : table.headers[column];
    const system = header === undefined ? null : guessCoordSystem([header]);
    if (header !== undefined && system !== null) return { system, from: 'header', header };
  }
  const column = table.headers.findIndex((h) => CRS_HEADERS.includes(normaliseHeader(h)));
  const header = table.headers[column];
  if (column < 0 || header === undefined) return null;
  const seen = new Set<CoordSystem | null>();
  for (const record of table.rows) {
    const text = cellText(record.cells[column]);
    if (text !== '') seen.add(parseCoordSystemName(text));
    if (seen.size > 1) return null;
  }
  const [only] = [...seen];
  return only === undefined || only === null ? null : { system: only, from: 'column', header };
}

/** Inside-township counts per reading of the same numbers. */
export interface CrsFit {
  /** Points looked at (at most `maxPoints`, spread evenly over the file). */
  readonly total: number;
  readonly inside: Readonly<Record<CoordSystem, number>>;
}

/** Whether a WGS84 point is inside (or on the edge of) an area, e.g. the township boundary. */
export function insideArea(point: LonLat, area: AreaGeometry): boolean {
  return booleanPointInPolygon(
    [point[0], point[1]],
    asGeoJson(area) as GeoJSON.Polygon | GeoJSON.MultiPolygon,
  );
}

/**
 * Reads each point (the file's numbers, plausible lon/lat) as WGS84, as GCJ-02 and as BD-09, and counts
 * how many land inside `boundary` (WGS84). With more than `maxPoints` points, every n-th is used, so a
 * 200,000-row file costs as much as 2,000 rows. A point on the boundary counts as inside.
 */
export function crsFit(points: readonly LonLat[], boundary: AreaGeometry, maxPoints = 2000): CrsFit {
  const step = Math.max(1, Math.ceil(points.length / maxPoints));
  const inside: Record<CoordSystem, number> = { wgs84: 0, gcj02: 0, bd09: 0 };
  let total = 0;
  for (let k = 0; k < points.length; k += step) {
    const point = points[k];
    if (point === undefined) continue;
    total++;
    for (const system of COORD_SYSTEMS) {
      if (insideArea(toWgs84(point, system), boundary)) inside[system]++;
    }
  }
  return { total, inside };
}

/**
 * The reading that puts the most points inside the township, or null when no point was looked at, none
 * fits, or the best count is shared (all points deep inside: position cannot tell; the operator decides).
 */
export function suggestCoordSystem(fit: CrsFit): CoordSystem | null {
  const best = Math.max(...COORD_SYSTEMS.map((s) => fit.inside[s]));
  if (fit.total === 0 || best === 0) return null;
  const top = COORD_SYSTEMS.filter((s) => fit.inside[s] === best);
  return top.length === 1 ? (top[0] as CoordSystem) : null;
}
