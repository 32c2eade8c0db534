/**
 * One entry for the import wizard's worker: read any supported geographic file by its name's
 * extension (.zip Shapefile, .geojson/.json, .kml (and 奥维's .ovkml), .kmz, .gpx, .gpkg GeoPackage, .csv/.xlsx tables with
 * a WKT column or coordinate columns). A GeoPackage needs `options.sqlite`, the initialised sql.js.
 */
import { applyDatum } from './datum';
import { readGeoJson } from './geojson';
import { readGeoPackage } from './gpkg';
import type { GeoReadOptions } from './lon-lat';
import type { GeoProgress } from './progress';
import { failure, type GeoReadResult } from './result';
import { readShapefileZip } from './shapefile';
import { readGeoTable } from './table';
import { readGpx, readKml, readKmz } from './xml';

export const GEO_FILE_EXTENSIONS = [
  '.zip',
  '.geojson',
  '.json',
  '.kml',
  '.ovkml',
  '.kmz',
  '.gpx',
  '.gpkg',
  '.csv',
  '.xlsx',
] as const;

/**
 * Reads a geographic file into lon/lat features; `name` is the file's name as the operator chose it.
 * `onProgress` hears the phases after reading (see progress.ts); for a zipped Shapefile all of them.
 * With `options.datum` (GCJ-02 or BD-09 lon/lat) the features are then converted to WGS84 (datum.ts).
 */
export function readGeoFile(
  name: string,
  bytes: Uint8Array,
  options: GeoReadOptions = {},
  onProgress?: GeoProgress,
): GeoReadResult {
  return applyDatum(readByType(name, bytes, options, onProgress), options.datum ?? 'wgs84', name, onProgress);
}

function readByType(
  name: string,
  bytes: Uint8Array,
  options: GeoReadOptions,
  onProgress?: GeoProgress,
): GeoReadResult {
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  switch (ext) {
    case '.zip':
      return readShapefileZip(bytes, name, options, onProgress);
    case '.geojson':
    case '.json':
      return readGeoJson(bytes, name, options, onProgress);
    case '.kml':
    case '.ovkml':
      return readKml(bytes, name, options);
    case '.kmz':
      return readKmz(bytes, name, options);
    case '.gpx':
      return readGpx(bytes, name, options);
    case '.gpkg':
      return readGeoPackage(bytes, name, options);
    case '.csv':
    case '.xlsx':
      return readGeoTable(bytes, name, options);
    default:
      return failure('geoImport.file.unknownType', { file: name, types: GEO_FILE_EXTENSIONS.join(' ') });
  }
}
