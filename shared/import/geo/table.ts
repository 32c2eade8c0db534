/**
 * CSV and XLSX tables of places or areas, as offices keep them: a WKT column (ogr2ogr's `WKT`, QGIS's
 * `wkt_geom`, `geometry`, `几何` …), or a pair of coordinate columns (经度/纬度, lon/lat, X坐标/Y坐标, …).
 * The table is read by the shared table readers (shared/import/table.ts: UTF-8 or GB18030 CSV, the first
 * worksheet of an XLSX); every other column becomes a property. Tables name no coordinate system, so
 * lon/lat is assumed with a warning, and projected values (X/Y in metres) go to the operator with the
 * candidate zones, like a Shapefile without `.prj`; an EWKT `SRID=…;` prefix is honoured.
 *
 * Chinese surveying writes X for the northing and Y for the easting: a pair named X/Y whose X values are
 * northings in China (1 000 000–7 000 000 m) and Y values eastings (below 1 000 000 m, or with a zone
 * number in front), or whose X values are latitudes and Y values longitudes of China, is read the
 * other way round, and a warning says so.
 */
import { readImportFile } from '../table';
import type { CellValue, ImportTable } from '../table-types';
import { crsFromEpsg } from './crs';
import { columnsDatumHint } from './datum';
import { textSample } from './encoding';
import { toLonLatLayer, type GeoReadOptions, type StatedCrs } from './lon-lat';
import { failure, type GeoFeature, type GeoIssue, type GeoReadResult } from './result';
import { WktError, readWkt } from './wkt';

/** At most this many row problems are listed; `geoImport.table.moreProblems` counts the rest. */
export const MAX_ROW_PROBLEMS = 20;

/** A header as compared: lower case, without spaces, `_`, `-`, `.` or a unit in brackets. */
function normalise(header: string): string {
  return header
    .replace(/[（(［[].*?[)）］\]]/g, '')
    .replace(/[\s_\-.:：]/g, '')
    .toLowerCase();
}

const WKT_HEADERS = new Set([
  'wkt',
  'wktgeom',
  'geomwkt',
  'geometrywkt',
  'geometry',
  'geom',
  'thegeom',
  'shape',
  '几何',
  '几何图形',
  '图形',
  '几何信息',
  '空间信息',
  '空间数据',
]);

/** The start of a WKT value: an optional EWKT SRID, a type, its dimensions, then `(` or EMPTY. */
const WKT_START =
  /^\s*(SRID\s*=\s*\d+\s*;\s*)?((MULTI)?(POINT|LINESTRING|POLYGON)|GEOMETRYCOLLECTION)\s*(ZM|Z|M)?\s*(\(|EMPTY\b)/i;

/** Coordinate column pairs, in order of preference; `letters` pairs may be written the surveying way. */
const PAIRS: readonly {
  readonly x: readonly string[];
  readonly y: readonly string[];
  readonly letters?: true;
}[] = [
  { x: ['经度', '东经'], y: ['纬度', '北纬'] },
  { x: ['longitude', 'lon', 'lng', 'long'], y: ['latitude', 'lat'] },
  { x: ['横坐标', '东坐标', '东向坐标', 'easting'], y: ['纵坐标', '北坐标', '北向坐标', 'northing'] },
  {
    x: ['x', 'x坐标', 'xcoord', 'coordx', 'pointx'],
    y: ['y', 'y坐标', 'ycoord', 'coordy', 'pointy'],
    letters: true,
  },
];

type Geometry = GeoJSON.Geometry | null;

interface Located {
  readonly columns: readonly number[];
  /** Each row's geometry, or the problem that row has. */
  readonly read: (cells: readonly CellValue[], row: number) => Geometry | GeoIssue;
  readonly swapped?: GeoIssue;
  readonly srid?: () => readonly number[];
}

const blank = (cell: CellValue | undefined): boolean =>
  cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A coordinate cell as a number: a number cell, or text of one (a trailing ° allowed); else null. */
function coordinate(cell: CellValue): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = cell.trim().replace(/°$/, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : null;
}

function wktColumn(table: ImportTable): number {
  const byName = table.headers.findIndex((h) => WKT_HEADERS.has(normalise(h)));
  if (byName >= 0) return byName;
  // A column whose first filled cell is WKT, whatever its name.
  return table.headers.findIndex((_, c) => {
    const first = table.rows.find((r) => !blank(r.cells[c]))?.cells[c];
    return typeof first === 'string' && WKT_START.test(first);
  });
}

function byWkt(file: string, table: ImportTable, column: number): Located {
  const header = table.headers[column] as string;
  const srids: number[] = [];
  return {
    columns: [column],
    read(cells, row): Geometry | GeoIssue {
      const cell = cells[column];
      if (blank(cell))
        return { key: 'geoImport.table.missingGeometry', params: { file, row, column: header } };
      const text = String(cell);
      try {
        const reading = readWkt(text);
        if (reading.srid !== undefined && !srids.includes(reading.srid)) srids.push(reading.srid);
        if (reading.geometry === null) {
          return { key: 'geoImport.table.missingGeometry', params: { file, row, column: header } };
        }
        return reading.geometry;
      } catch (error) {
        if (!(error instanceof WktError)) throw error;
        return {
          key: 'geoImport.table.badWkt',
          params: {
            file,
            row,
            column: header,
            at: error.at,
            value: text.length > 60 ? `${text.slice(0, 60)}…` : text,
          },
        };
      }
    },
    srid: () => srids,
  };
}

function coordinateColumns(table: ImportTable): { x: number; y: number; letters: boolean } | null {
  const names = table.headers.map(normalise);
  for (const pair of PAIRS) {
    const x = names.findIndex((n) => pair.x.includes(n));
    const y = names.findIndex((n) => pair.y.includes(n));
    if (x >= 0 && y >= 0) return { x, y, letters: pair.letters === true };
  }
  return null;
}

/** Whether X holds the northings or latitudes and Y the eastings or longitudes (see the file's TSDoc). */
function surveyingOrder(table: ImportTable, x: number, y: number): boolean {
  const values = (c: number) =>
    table.rows.map((r) => (blank(r.cells[c]) ? null : coordinate(r.cells[c] as CellValue)));
  const xs = values(x).filter((v): v is number => v !== null);
  const ys = values(y).filter((v): v is number => v !== null);
  if (xs.length === 0 || ys.length === 0) return false;
  const northing = (v: number) => v >= 1_000_000 && v < 7_000_000;
  if (xs.every(northing) && ys.every((v) => v >= 0 && !northing(v))) return true;
  return xs.every((v) => v >= 3 && v <= 54) && ys.every((v) => v >= 73 && v <= 136);
}

function byCoordinates(file: string, table: ImportTable, x: number, y: number, letters: boolean): Located {
  const swap = letters && surveyingOrder(table, x, y);
  const [east, north] = swap ? [y, x] : [x, y];
  const names = [table.headers[east] as string, table.headers[north] as string];
  return {
    columns: [x, y],
    read(cells, row): Geometry | GeoIssue {
      const values: number[] = [];
      for (const [k, c] of [east, north].entries()) {
        const cell = cells[c];
        const column = names[k] as string;
        if (blank(cell)) return { key: 'geoImport.table.missingGeometry', params: { file, row, column } };
        const value = coordinate(cell as CellValue);
        if (value === null) {
          return { key: 'geoImport.table.badCoordinate', params: { file, row, column, value: String(cell) } };
        }
        values.push(value);
      }
      return { type: 'Point', coordinates: values };
    },
    ...(swap
      ? {
          swapped: {
            key: 'geoImport.table.axesSwapped',
            params: { file, x: table.headers[x] as string, y: table.headers[y] as string },
          },
        }
      : {}),
  };
}

/** Property names: the headers, an empty one as `field_N`, a repeated one with `_2`, `_3` … */
function propertyNames(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((header, c) => {
    const base = header === '' ? `field_${c + 1}` : header;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

/**
 * Reads a CSV or XLSX table with a WKT column or a coordinate pair into lon/lat features, one per data
 * row, in order. Refuses, with a named error: a table the shared readers cannot read (their `import.*`
 * and `zip.*` keys), a table with a header and no rows, one with neither a WKT column nor a coordinate
 * pair (naming its columns), and every row without a usable geometry (row as Excel shows it, column,
 * and the value or where the WKT stops being WKT; the first {@link MAX_ROW_PROBLEMS}), an EWKT system
 * the import does not convert, and projected coordinates (naming candidate zones).
 */
export function readGeoTable(bytes: Uint8Array, file: string, options: GeoReadOptions = {}): GeoReadResult {
  if (bytes.length === 0) return failure('geoImport.file.empty', { file });
  const read = readImportFile(file, bytes);
  if (!read.ok) return failure(read.key, read.params);
  const { table } = read;
  if (table.rows.length === 0) return failure('geoImport.table.noRows', { file });
  const wkt = wktColumn(table);
  const pair = wkt >= 0 ? null : coordinateColumns(table);
  if (wkt < 0 && pair === null) {
    return failure('geoImport.table.noGeometryColumns', { file, columns: table.headers.join(', ') });
  }
  const located =
    pair === null ? byWkt(file, table, wkt) : byCoordinates(file, table, pair.x, pair.y, pair.letters);
  const names = propertyNames(table.headers);
  const problems: GeoIssue[] = [];
  let more = 0;
  const features: GeoFeature[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const geometry = located.read(cells, rowNumber);
    if (geometry !== null && 'key' in geometry) {
      if (problems.length < MAX_ROW_PROBLEMS) problems.push(geometry);
      else more++;
      continue;
    }
    const properties: Record<string, unknown> = {};
    names.forEach((name, c) => {
      if (located.columns.includes(c)) return;
      const cell = cells[c];
      properties[name] = blank(cell) ? null : cell;
    });
    features.push({ type: 'Feature', geometry, properties });
  }
  if (problems.length > 0) {
    if (more > 0) problems.push({ key: 'geoImport.table.moreProblems', params: { file, count: more } });
    return { ok: false, errors: problems };
  }
  let stated: StatedCrs = { kind: 'unstated' };
  const srids = located.srid?.() ?? [];
  if (srids.length > 0) {
    const crs = srids.length === 1 ? crsFromEpsg(srids[0] as number) : null;
    if (crs !== null) stated = { kind: 'stated', crs, source: 'wkt' };
    else if (options.crs === undefined) {
      return failure('geoImport.crs.unsupported', { file, name: srids.map((s) => `SRID=${s}`).join(', ') });
    }
  }
  const base = file.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
  const result = toLonLatLayer(
    {
      file,
      layer: base,
      features,
      stated,
      rewindPolygons: true,
      ...(table.format === 'csv'
        ? {
            encoding: {
              name: table.encoding,
              guessed: table.encoding !== 'utf-8',
              sample: textSample(features.map((f) => f.properties)),
            },
          }
        : {}),
      warnings: located.swapped === undefined ? [] : [located.swapped],
    },
    options,
  );
  const hint = columnsDatumHint(table.headers, file);
  return result.ok && hint !== null ? { ...result, datumHint: hint } : result;
}
