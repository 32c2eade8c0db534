/**
 * A layer as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel on Chinese
 * Windows reads the file as GBK and garbles every name), CRLF line ends, fields quoted when they hold
 * a comma, quote or line break. Points get `lon`/`lat` columns (经度/纬度 in Chinese) with 7 decimals;
 * lines and polygons one WKT column in lon/lat, as QGIS's "delimited text" import and GDAL read it.
 */
import { rfc7946Geometry } from './geojson';
import type { ExportColumn, ExportFeature } from './result';

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const xy = (p: GeoJSON.Position): string => `${p[0]} ${p[1]}`;
const list = (ps: readonly GeoJSON.Position[]): string => `(${ps.map(xy).join(', ')})`;
const rings = (rs: readonly GeoJSON.Position[][]): string => `(${rs.map(list).join(', ')})`;

/** The WKT of a geometry (positions as {@link rfc7946Geometry} rounds them). */
export function toWkt(geometry: GeoJSON.Geometry): string {
  const g = rfc7946Geometry(geometry);
  switch (g.type) {
    case 'Point':
      return `POINT (${xy(g.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT (${g.coordinates.map((p) => `(${xy(p)})`).join(', ')})`;
    case 'LineString':
      return `LINESTRING ${list(g.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING (${g.coordinates.map(list).join(', ')})`;
    case 'Polygon':
      return `POLYGON ${rings(g.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${g.coordinates.map(rings).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${g.geometries.map(toWkt).join(', ')})`;
  }
}

export interface CsvGeometryColumns {
  /** How the geometry is written: lon/lat columns (points), one WKT column, or not at all. */
  readonly form: 'lonLat' | 'wkt' | 'none';
  /** Headers of those columns: [lon, lat] for lonLat, [wkt] for wkt. */
  readonly headers: readonly string[];
}

/** The CSV bytes (BOM + UTF-8) of `features`: `columns`, then the geometry's columns. */
export function writeCsv(
  features: readonly ExportFeature[],
  columns: readonly ExportColumn[],
  geometry: CsvGeometryColumns,
): Uint8Array {
  const header = [...columns.map((c) => c.name), ...(geometry.form === 'none' ? [] : geometry.headers)];
  const lines = [header.map(csvField).join(',')];
  for (const f of features) {
    const cells = columns.map((c) => csvField(f.properties[c.key]));
    const g = f.geometry === null ? null : rfc7946Geometry(f.geometry);
    if (geometry.form === 'lonLat') {
      const p = g?.type === 'Point' ? g.coordinates : null;
      cells.push(p === null ? '' : String(p[0]), p === null ? '' : String(p[1]));
    } else if (geometry.form === 'wkt') {
      cells.push(g === null ? '' : csvField(toWkt(g)));
    }
    lines.push(cells.join(','));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
