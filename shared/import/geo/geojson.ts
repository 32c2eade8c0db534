/**
 * GeoJSON as QGIS, ogr2ogr and web tools write it: a FeatureCollection, one Feature, or a bare
 * geometry. RFC 7946 GeoJSON is WGS84 lon/lat; the 2008 format's `crs` member (e.g.
 * `urn:ogc:def:crs:EPSG::4490`, or a Gauss–Krüger zone) is honoured when present.
 */
import { decodeText } from '../decode';
import { crsFromEpsg, epsgFromName } from './crs';
import type { GeoProgress } from './progress';
import { toLonLatLayer, type GeoReadOptions, type StatedCrs } from './lon-lat';
import { failure, type GeoFeature, type GeoReadResult } from './result';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isGeometry(value: unknown): value is GeoJSON.Geometry {
  if (!isObject(value) || typeof value.type !== 'string' || !GEOMETRY_TYPES.has(value.type)) return false;
  return value.type === 'GeometryCollection'
    ? Array.isArray(value.geometries) && value.geometries.every(isGeometry)
    : Array.isArray(value.coordinates);
}

/** The features of a parsed GeoJSON value, or the 1-based number of the first one that is not one. */
function featuresOf(value: Record<string, unknown>): GeoFeature[] | { readonly bad: number } {
  const asFeature = (item: unknown): GeoFeature | null => {
    if (!isObject(item) || item.type !== 'Feature') return null;
    if (item.geometry !== null && !isGeometry(item.geometry)) return null;
    const properties = isObject(item.properties) ? item.properties : {};
    return { type: 'Feature', geometry: item.geometry, properties };
  };
  if (value.type === 'FeatureCollection' && Array.isArray(value.features)) {
    const out: GeoFeature[] = [];
    for (const [i, item] of value.features.entries()) {
      const feature = asFeature(item);
      if (feature === null) return { bad: i + 1 };
      out.push(feature);
    }
    return out;
  }
  if (value.type === 'Feature') {
    const feature = asFeature(value);
    return feature === null ? { bad: 1 } : [feature];
  }
  if (isGeometry(value)) return [{ type: 'Feature', geometry: value, properties: {} }];
  return { bad: 0 };
}

/**
 * Reads a GeoJSON file. Refuses an empty file, text that is not JSON, JSON that is not GeoJSON (naming
 * the first feature that is not a feature), a `crs` the import does not convert, and projected-looking
 * coordinates without a `crs` (naming candidate zones).
 */
export function readGeoJson(
  bytes: Uint8Array,
  file: string,
  options: GeoReadOptions = {},
  onProgress?: GeoProgress,
): GeoReadResult {
  if (bytes.length === 0) return failure('geoImport.file.empty', { file });
  const { text } = decodeText(bytes);
  if (text.trim() === '') return failure('geoImport.file.empty', { file });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failure('geoImport.json.bad', { file });
  }
  if (!isObject(value)) return failure('geoImport.json.notGeoJson', { file, feature: 0 });
  const features = featuresOf(value);
  if (!Array.isArray(features)) return failure('geoImport.json.notGeoJson', { file, feature: features.bad });
  let stated: StatedCrs = { kind: 'byFormat', source: 'rfc7946' };
  const crsName =
    isObject(value.crs) && isObject(value.crs.properties) ? value.crs.properties.name : undefined;
  if (typeof crsName === 'string') {
    const epsg = epsgFromName(crsName);
    const crs = epsg === null ? null : crsFromEpsg(epsg);
    if (crs !== null) stated = { kind: 'stated', crs, source: 'geojson' };
    else if (options.crs === undefined) return failure('geoImport.crs.unsupported', { file, name: crsName });
  }
  const name =
    typeof value.name === 'string' && value.name !== ''
      ? value.name
      : file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  return toLonLatLayer({ file, layer: name, features, stated }, options, onProgress);
}
