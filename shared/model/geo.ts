/**
 * Geometry primitives. All coordinates are WGS84 / CGCS2000 longitude, latitude in degrees
 * (the two differ by centimetres, far below what a township map resolves). GCJ-02 and BD-09 input
 * is converted on import and never stored.
 */
export type LonLat = readonly [lon: number, lat: number];

/** A closed linear ring: first and last positions equal, exterior counter-clockwise (RFC 7946). */
export type Ring = readonly LonLat[];

export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: readonly Ring[];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly Ring[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface LineGeometry {
  readonly type: 'LineString';
  readonly coordinates: readonly LonLat[];
}

/** [west, south, east, north] in degrees. */
export type BBox = readonly [west: number, south: number, east: number, north: number];

/**
 * The model's read-only geometry as a GeoJSON geometry for libraries (Turf, MapLibre) whose types are
 * mutable. They never modify their input, so the view is safe; this is the one place that says so.
 */
export function asGeoJson(geometry: AreaGeometry | LineGeometry): GeoJSON.Geometry {
  return geometry as unknown as GeoJSON.Geometry;
}
