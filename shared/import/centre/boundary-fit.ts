/**
 * Which areas reach outside the township boundary, and by how many m². Only areas whose bounding box
 * meets a boundary edge (found in an R-tree over the boundary's edges) are cut by Turf, against the
 * boundary clipped to the area's box; every other area is wholly inside or wholly outside, told by one
 * point-in-polygon test.
 */
import { area, bboxClip, difference, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { asGeoJson, type AreaGeometry } from '../../model/geo';
import { buildPolygonStore, containsPoint } from '../../spatial/polygon-store';

export type BoundaryFit =
  | { readonly kind: 'inside' }
  | { readonly kind: 'outside' }
  /** outsideM2: the area of the part outside the boundary. */
  | { readonly kind: 'partly'; readonly outsideM2: number }
  | { readonly kind: 'failed'; readonly message: string };

function ringsOf(geometry: AreaGeometry) {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function boxOf(geometry: AreaGeometry): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of ringsOf(geometry))
    for (const [x, y] of ring) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return [w, s, e, n];
}

const asFeature = (geometry: AreaGeometry | Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({
  type: 'Feature',
  properties: {},
  geometry: asGeoJson(geometry as AreaGeometry) as Polygon | MultiPolygon,
});

/**
 * For each area (lon/lat), how it lies against `boundary`; a part outside smaller than `minAreaM2`
 * counts as inside (a digitising sliver along a shared border).
 */
export function fitToBoundary(
  areas: readonly { readonly geometry: AreaGeometry; readonly areaM2: number }[],
  boundary: AreaGeometry,
  minAreaM2: number,
): BoundaryFit[] {
  const edges: [number, number, number, number][] = [];
  for (const ring of ringsOf(boundary))
    for (let k = 0; k + 1 < ring.length; k++) {
      const [ax, ay] = ring[k] as readonly [number, number];
      const [bx, by] = ring[k + 1] as readonly [number, number];
      edges.push([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]);
    }
  const tree = new Flatbush(Math.max(1, edges.length));
  for (const e of edges) tree.add(...e);
  if (edges.length === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  const store = buildPolygonStore([boundary]);
  const township = asFeature(boundary);
  return areas.map(({ geometry, areaM2 }) => {
    const [w, s, e, n] = boxOf(geometry);
    if (tree.search(w, s, e, n).length === 0 || edges.length === 0) {
      const first = ringsOf(geometry)[0]?.[0];
      const inside = first !== undefined && containsPoint(store, 0, first[0], first[1]);
      return inside ? { kind: 'inside' } : { kind: 'outside' };
    }
    try {
      const clipped = bboxClip(township, [w, s, e, n]);
      const hasArea = clipped.geometry.coordinates.length > 0 && area(clipped) > 0;
      if (!hasArea) return areaM2 >= minAreaM2 ? { kind: 'outside' } : { kind: 'inside' };
      const rest = difference(
        featureCollection([asFeature(geometry), clipped as Feature<Polygon | MultiPolygon>]),
      );
      const outsideM2 = rest ? area(rest) : 0;
      if (outsideM2 < minAreaM2) return { kind: 'inside' };
      if (outsideM2 >= areaM2 - minAreaM2) return { kind: 'outside' };
      return { kind: 'partly', outsideM2 };
    } catch (error) {
      return { kind: 'failed', message: String(error) };
    }
  });
}
