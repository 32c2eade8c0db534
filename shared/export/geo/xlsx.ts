/**
 * A layer as an XLSX worksheet, with the writer the indicators export uses (shared/import/xlsx-write):
 * the header row, then one row per feature; text as text, numbers as numbers, times as the sortable
 * text the layers hold; the geometry as for CSV (lon/lat columns for points, a WKT column otherwise).
 */
import { writeXlsx, type XlsxCellInput } from '../../import/xlsx-write';
import { toWkt, type CsvGeometryColumns } from './csv';
import { rfc7946Geometry } from './geojson';
import type { ExportColumn, ExportFeature, ExportResult } from './result';

/** Excel holds at most 32,767 characters in a cell. */
export const XLSX_MAX_CELL_CHARS = 32_767;

function cell(value: unknown): XlsxCellInput {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The XLSX bytes of `features` on one sheet named `sheetName`. Fails, naming the feature and column,
 * on a cell over Excel's 32,767 characters (a WKT of a very detailed polygon).
 */
export function writeLayerXlsx(
  features: readonly ExportFeature[],
  columns: readonly ExportColumn[],
  geometry: CsvGeometryColumns,
  sheetName: string,
): ExportResult {
  const header = [...columns.map((c) => c.name), ...(geometry.form === 'none' ? [] : geometry.headers)];
  const rows: XlsxCellInput[][] = [header];
  for (const [i, f] of features.entries()) {
    const row = columns.map((c) => cell(f.properties[c.key]));
    const g = f.geometry === null ? null : rfc7946Geometry(f.geometry);
    if (geometry.form === 'lonLat') {
      const p = g?.type === 'Point' ? g.coordinates : null;
      row.push(p?.[0] ?? null, p?.[1] ?? null);
    } else if (geometry.form === 'wkt') {
      row.push(g === null ? null : toWkt(g));
    }
    const long = row.findIndex((v) => typeof v === 'string' && v.length > XLSX_MAX_CELL_CHARS);
    if (long !== -1) {
      return {
        ok: false,
        errors: [
          {
            key: 'geoExport.xlsx.cellTooLong',
            params: { layer: sheetName, feature: i + 1, field: header[long] ?? '' },
          },
        ],
      };
    }
    rows.push(row);
  }
  return { ok: true, bytes: writeXlsx(rows, sheetName), notices: [] };
}
