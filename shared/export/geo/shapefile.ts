/**
 * A layer as a zipped Shapefile: `<layer>.shp`, `.shx`, `.dbf`, `.prj` and `.cpg` in one zip, the
 * way surveying bureaus exchange them and the way shared/import/geo reads them back.
 *
 * The `.cpg` of a GBK table says `936`: GDAL (3.6, checked with ogrinfo) maps a bare code-page number
 * to CP936, ArcGIS writes and reads the Windows code-page number, and the import side maps it to GBK.
 * (`ANSI 936`, which some ArcGIS versions write, GDAL 3.6 does not recognise: it garbles the names.)
 * A UTF-8 table's `.cpg` says `UTF-8`.
 */
import { zipSync } from 'fflate';
import { writeDbf, type DbfTextEncoding } from './dbf';
import { prjText, type ExportCrs } from './prj';
import type { ExportColumn, ExportFeature, ExportIssue, ExportResult } from './result';
import { shapeKindOf, writeShp, type ShapeKind } from './shp';

export interface ShapefileOptions {
  /** Attribute encoding: GBK (default; what ArcGIS on Chinese Windows and QGIS read best) or UTF-8. */
  readonly encoding?: DbfTextEncoding;
  /** The system the `.prj` names (default CGCS2000); coordinates are lon/lat degrees either way. */
  readonly crs?: ExportCrs;
  /** The table's "last updated" date, `YYYY-MM-DD` in the centre's zone. */
  readonly date: string;
}

/** The `.cpg` text for an encoding. */
export function cpgText(encoding: DbfTextEncoding): string {
  return encoding === 'gbk' ? '936' : 'UTF-8';
}

/** A .shp or .shx addresses bytes with signed 32-bit word offsets: 4 GiB at most, 2 GiB to be safe. */
const MAX_PART_BYTES = 2 ** 31 - 1;

/**
 * Writes `features` (one geometry kind: points, lines or polygons, some possibly without geometry)
 * with `columns` as a zipped Shapefile named `layer`. Fails, naming the feature, on mixed or
 * unsupported geometry kinds and on values the table cannot hold (a character outside GBK, text over
 * 254 bytes); notes every field renamed to fit 10 bytes.
 */
export function writeShapefileZip(
  layer: string,
  features: readonly ExportFeature[],
  columns: readonly ExportColumn[],
  options: ShapefileOptions,
): ExportResult {
  const encoding = options.encoding ?? 'gbk';
  const errors: ExportIssue[] = [];
  let kind: ShapeKind | null = null;
  features.forEach((feature, i) => {
    if (feature.geometry === null) return;
    const k = shapeKindOf(feature.geometry);
    if (k === null) {
      errors.push({
        key: 'geoExport.shp.unsupportedGeometry',
        params: { layer, feature: i + 1, type: feature.geometry.type },
      });
    } else if (kind === null) kind = k;
    else if (k !== kind) {
      errors.push({
        key: 'geoExport.shp.mixedGeometry',
        params: { layer, feature: i + 1, type: feature.geometry.type, first: kind },
      });
    }
  });
  const table = writeDbf(
    features.map((f) => f.properties),
    columns,
    encoding,
    options.date,
  );
  if (!table.ok) {
    for (const p of table.problems) {
      const { key, ...params } = p;
      errors.push({ key, params: { layer, ...params } });
    }
  }
  if (errors.length > 0 || !table.ok) return { ok: false, errors };
  const { shp, shx } = writeShp(
    kind ?? 'point',
    features.map((f) => f.geometry),
  );
  if (shp.length > MAX_PART_BYTES) {
    return { ok: false, errors: [{ key: 'geoExport.shp.tooLarge', params: { layer, bytes: shp.length } }] };
  }
  const text = (s: string) => new TextEncoder().encode(s);
  const bytes = zipSync(
    {
      [`${layer}.shp`]: shp,
      [`${layer}.shx`]: shx,
      [`${layer}.dbf`]: table.bytes,
      [`${layer}.prj`]: text(prjText(options.crs ?? 'cgcs2000')),
      [`${layer}.cpg`]: text(cpgText(encoding)),
    },
    // A fixed time keeps the zip the same for the same data (fflate's default is now).
    { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) },
  );
  const notices: ExportIssue[] = table.renamed.map((r) => ({
    key: 'geoExport.dbf.fieldRenamed',
    params: { layer, from: r.from, to: r.to },
  }));
  for (const t of table.truncated) {
    notices.push({ key: 'geoExport.dbf.valueTruncated', params: { layer, ...t } });
  }
  return { ok: true, bytes, notices };
}
