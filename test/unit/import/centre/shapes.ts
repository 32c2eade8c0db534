// Test support: hand-made square grids as a file reader would give them, and Turf's area of a
// rectangle as the independent reference for the areas the report names.
import { area, polygon } from '@turf/turf';
import type { GeoFeature } from '../../../../shared/import/geo';
import { asGeoJson, type AreaGeometry } from '../../../../shared/model';

export const COUNTY = '320214';
export const TOWNSHIP = '105';

/** A counter-clockwise rectangle ring, closed, lon/lat degrees. */
export function rect(w: number, s: number, e: number, n: number): number[][] {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

export function square(
  properties: Record<string, unknown>,
  w: number,
  s: number,
  e: number,
  n: number,
): GeoFeature {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [rect(w, s, e, n)] } };
}

/** Turf's spherical area of a rectangle, m². */
export function rectArea(w: number, s: number, e: number, n: number): number {
  return area(polygon([rect(w, s, e, n)]));
}

/** A grid code of the test township: community and sequence as 3 digits each. */
export function code(community: number, sequence: number): string {
  return `${COUNTY}${TOWNSHIP}${String(community).padStart(3, '0')}${String(sequence).padStart(3, '0')}`;
}

/** Turf's spherical area of a model geometry, m². */
export function areaOf(geometry: AreaGeometry): number {
  return area(asGeoJson(geometry));
}
