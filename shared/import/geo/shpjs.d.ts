// shpjs ships no types; these are the two parsers the Shapefile reader calls (shpjs 6, lib/index.js).
declare module 'shpjs' {
  /** Geometries of a .shp, in its own coordinates when `prj` is false; null for null shapes. */
  export function parseShp(
    shp: DataView | ArrayBuffer | Uint8Array,
    prj?: false,
  ): (GeoJSON.Geometry | null)[];
  /** Records of a .dbf; `encoding` goes to TextDecoder as is. */
  export function parseDbf(
    dbf: DataView | ArrayBuffer | Uint8Array,
    encoding?: string,
  ): Record<string, unknown>[];
}
