/**
 * One point to stand for a line or an area when the map flies to a search result: it must lie on the
 * road or inside the polygon, never in a neighbour's courtyard.
 */
import { along, area, booleanPointInPolygon, centroid, length } from '@turf/turf';
import { asGeoJson, type AreaGeometry, type LineGeometry, type LonLat, type Ring } from '../model/geo';

/**
 * The point halfway along a line by length (geodesic metres, as Turf measures), which lies on the line
 * itself. A line of one position or of zero length gives its first position.
 */
export function lineMidpoint(line: LineGeometry): LonLat {
  const first = line.coordinates[0];
  if (first === undefined) throw new RangeError('a line without positions has no midpoint');
  const feature = {
    type: 'Feature' as const,
    properties: {},
    geometry: asGeoJson(line) as GeoJSON.LineString,
  };
  const metres = length(feature, { units: 'meters' });
  if (line.coordinates.length < 2 || !(metres > 0)) return first;
  const [lon, lat] = along(feature, metres / 2, { units: 'meters' }).geometry.coordinates;
  return [lon ?? first[0], lat ?? first[1]];
}

/** Rings as a GeoJSON polygon for Turf (see {@link asGeoJson}). */
function polygonOf(rings: readonly Ring[]): GeoJSON.Polygon {
  return asGeoJson({ type: 'Polygon', coordinates: rings }) as GeoJSON.Polygon;
}

/** The largest part of an area (by geodesic area), as a list of rings: exterior then holes. */
function largestPolygon(geometry: AreaGeometry): readonly Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best: readonly Ring[] = [];
  let bestArea = -1;
  for (const rings of geometry.coordinates) {
    const a = area(polygonOf(rings));
    if (a > bestArea) {
      best = rings;
      bestArea = a;
    }
  }
  return best;
}

/**
 * Midpoint of the widest inside span of the horizontal line at latitude `lat`, or null when the line
 * misses the polygon. Even-odd crossing counting, so holes are excluded.
 */
function widestSpanMidpoint(rings: readonly Ring[], lat: number): LonLat | null {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      if (a === undefined || b === undefined) continue;
      // Half-open on latitude so a vertex exactly on the scanline is counted once.
      if (a[1] <= lat !== b[1] <= lat) xs.push(a[0] + ((lat - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
    }
  }
  xs.sort((p, q) => p - q);
  let best: LonLat | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] ?? 0) - (xs[i] ?? 0);
    if (w > width) {
      width = w;
      best = [((xs[i] ?? 0) + (xs[i + 1] ?? 0)) / 2, lat];
    }
  }
  return best;
}

/**
 * A point strictly inside an area (for a multipolygon, inside its largest part). The centroid when it
 * falls inside, as it does for the compact shapes of villages and grids; otherwise, for a C- or
 * L-shaped polygon, the middle of the widest inside stretch along a central latitude — the same idea
 * as Turf's pointOnFeature, without its fallback to a boundary vertex.
 */
export function pointInsideArea(geometry: AreaGeometry): LonLat {
  const rings = largestPolygon(geometry);
  const polygon = polygonOf(rings);
  const [cx, cy] = centroid(polygon).geometry.coordinates;
  const c: LonLat = [cx ?? 0, cy ?? 0];
  if (booleanPointInPolygon(c as [number, number], polygon, { ignoreBoundary: true })) return c;
  const exterior = rings[0] ?? [];
  const lats = exterior.map((p) => p[1]);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  for (const f of [0.5, 0.25, 0.75, 0.375, 0.625, 0.125, 0.875]) {
    // A scanline through a vertex can touch without entering; nudge off exact vertex latitudes.
    const lat = south + (north - south) * f + (north - south) * 1e-7;
    const p = widestSpanMidpoint(rings, lat);
    if (p !== null) return p;
  }
  return exterior[0] ?? c;
}

/** A settlement's own label point when it lies inside the settlement, else {@link pointInsideArea}. */
export function labelOrInside(geometry: AreaGeometry, label: LonLat | undefined): LonLat {
  if (
    label !== undefined &&
    booleanPointInPolygon(
      label as [number, number],
      asGeoJson(geometry) as GeoJSON.Polygon | GeoJSON.MultiPolygon,
      {
        ignoreBoundary: true,
      },
    )
  ) {
    return label;
  }
  return pointInsideArea(geometry);
}
