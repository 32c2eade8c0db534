import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import { asGeoJson, type AreaGeometry, type LonLat } from '../../model/geo';

/**
 * A point inside an area (lon/lat): its centroid when that lies inside (convex and most grid shapes),
 * else Turf's point on the surface. Used to place a grid in a patrol area and a community's centre.
 */
export function interiorPoint(geometry: AreaGeometry): LonLat {
  const g = asGeoJson(geometry) as GeoJSON.Polygon | GeoJSON.MultiPolygon;
  const c = centroid(g).geometry.coordinates;
  if (booleanPointInPolygon(c, g, { ignoreBoundary: true })) return [c[0] as number, c[1] as number];
  const p = pointOnFeature(g).geometry.coordinates;
  return [p[0] as number, p[1] as number];
}
