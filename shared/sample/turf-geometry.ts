import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry } from '../model/geo';

/**
 * Views our readonly area geometry as the mutable GeoJSON type Turf's signatures ask for. Turf's measuring and
 * testing functions used here (area, bbox, booleanPointInPolygon, intersect, union, kinks) do not mutate input.
 */
export function asTurfArea(geometry: AreaGeometry): Polygon | MultiPolygon {
  return geometry as unknown as Polygon | MultiPolygon;
}
