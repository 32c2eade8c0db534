/**
 * What the writers return: the file's bytes and what the operator should know about them, or the
 * problems that stopped the export. Problems and notices are i18n keys
 * (`renderer/i18n/parts/export.ts`, `geoExport.*`) with the parameters their texts name; feature
 * numbers are 1-based, as the operator counts.
 */

export type ExportParams = Readonly<Record<string, string | number>>;

export const GEO_EXPORT_KEYS = [
  'geoExport.dbf.notEncodable',
  'geoExport.dbf.valueTooLong',
  'geoExport.dbf.badNumber',
  'geoExport.dbf.fieldRenamed',
  'geoExport.dbf.valueTruncated',
  'geoExport.shp.mixedGeometry',
  'geoExport.shp.unsupportedGeometry',
  'geoExport.shp.tooLarge',
  'geoExport.xlsx.cellTooLong',
] as const;
export type GeoExportKey = (typeof GEO_EXPORT_KEYS)[number];

export interface ExportIssue {
  readonly key: GeoExportKey;
  readonly params: ExportParams;
}

export type ExportResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly notices: readonly ExportIssue[] }
  | { readonly ok: false; readonly errors: readonly ExportIssue[] };

/** A feature to export: GeoJSON geometry in lon/lat degrees (or none) and its attributes. */
export interface ExportFeature {
  readonly geometry: GeoJSON.Geometry | null;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A column: the property it reads and the header (field name) it is written under. */
export interface ExportColumn {
  readonly key: string;
  readonly name: string;
  /** Free text: a Shapefile cuts it at 254 bytes (and says so) rather than refusing the export. */
  readonly truncate?: boolean;
}
