/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { asGeoJson, type AreaGeometry, type LonLat } from '../model/geo';
import {
  appendRingEdges,
  EdgeList,
  matchOpposite,
  signedArea2,
  splitAtJunctions,
  VertexIds,
  type Xy,
} from './edges';
import { interiorsMeet } from './overlap-test';

/**
 * Dissolving a set of areas that tile without overlapping (grids into a patrol area or a township) by
 * cancelling shared edges, in time about linear in the number of edges, where an overlay library
 * (Turf's union) needs minutes for a few thousand grids.
 *
 * Every ring is taken with its interior on the left (exteriors counter-clockwise, holes clockwise;
 * rings wound the other way are reversed first). An edge a → b of one area and b → a of another are
 * the two sides of a shared border and both disappear; an edge whose vertices another area's opposite
 * edge has in its middle (a T-junction) is cut there first. The edges left over are the outline of the
 * union: chained into rings, counter-clockwise rings are the outer rings of its parts and clockwise
 * ones its holes. Borders match only where they are exactly equal (same vertices, or a vertex exactly
 * on the other's edge); where neighbours are digitised a hair apart the outline
 * cannot be chained, and the union is then done by Turf (correct, slower). A vertex within
 * JUNCTION_TOLERANCE_DEG (edges.ts) of an opposite edge counts as on it.
 */

/**
 * Chains directed edges into closed rings. At a vertex with several ways on, the walk takes the first
 * edge clockwise from the one it came by, so parts touching at a vertex stay separate rings. Null when
 * a walk cannot close (the outline is not a set of rings).
 */
function chain(verts: VertexIds, us: ArrayLike<number>, vs: ArrayLike<number>): Xy[][] | null {
  const { xs, ys } = verts;
  const out = new Map<number, number[]>();
  for (let i = 0; i < us.length; i++) {
    const list = out.get(us[i]!);
    if (list === undefined) out.set(us[i]!, [i]);
    else list.push(i);
  }
  const used = new Uint8Array(us.length);
  const rings: Xy[][] = [];
  for (let start = 0; start < us.length; start++) {
    if (used[start] === 1) continue;
    const first = us[start]!;
    const ring: Xy[] = [[xs[first]!, ys[first]!]];
    let edge = start;
    for (let steps = 0; ; steps++) {
      if (steps > us.length) return null;
      used[edge] = 1;
      const from = us[edge]!;
      const at = vs[edge]!;
      ring.push([xs[at]!, ys[at]!]);
      if (at === first) break;
      const back = Math.atan2(ys[from]! - ys[at]!, xs[from]! - xs[at]!);
      let next = -1;
      let best = Infinity;
      for (const k of out.get(at) ?? []) {
        if (used[k] === 1) continue;
        const to = vs[k]!;
        const angle = Math.atan2(ys[to]! - ys[at]!, xs[to]! - xs[at]!);
        let cw = back - angle;
        while (cw <= 0) cw += 2 * Math.PI;
        while (cw > 2 * Math.PI) cw -= 2 * Math.PI;
        if (cw < best) {
          best = cw;
          next = k;
        }
      }
      if (next < 0) return null;
      edge = next;
    }
    rings.push(ring);
  }
  return rings;
}

function ringBox(ring: readonly Xy[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

function ringContains(ring: readonly Xy[], px: number, py: number): boolean {
  let inside = false;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [ax, ay] = ring[k]!;
    const [bx, by] = ring[k + 1]!;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** Outer rings with their holes; null when two parts share ground (a sign the borders did not match). */
function assemble(rings: readonly Xy[][]): Xy[][][] | null {
  const outers: { ring: Xy[]; box: [number, number, number, number]; area: number }[] = [];
  const holes: Xy[][] = [];
  for (const ring of rings) {
    const a = signedArea2(ring);
    if (a > 0) outers.push({ ring, box: ringBox(ring), area: a });
    else if (a < 0) holes.push(ring);
  }
  if (outers.length === 0) return [];
  const tree = new Flatbush(outers.length);
  for (const o of outers) tree.add(...o.box);
  tree.finish();
  const polygons: Xy[][][] = outers.map((o) => [o.ring]);
  for (const hole of holes) {
    const [ax, ay] = hole[0]!;
    const [bx, by] = hole[1]!;
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    const owner = tree
      .search(mx, my, mx, my)
      .filter((k) => ringContains(outers[k]!.ring, mx, my))
      .sort((p, q) => outers[p]!.area - outers[q]!.area)[0];
    if (owner === undefined) return null;
    polygons[owner]!.push(hole);
  }
  // Parts may nest (an island in a hole of another part) or interlock; they must not share ground.
  for (let i = 0; i < outers.length; i++) {
    const box = outers[i]!.box;
    for (const j of tree.search(...box)) {
      if (j <= i) continue;
      const a: AreaGeometry = { type: 'Polygon', coordinates: polygons[i]! as LonLat[][] };
      const b: AreaGeometry = { type: 'Polygon', coordinates: polygons[j]! as LonLat[][] };
      if (interiorsMeet(a, b, box, outers[j]!.box)) return null;
    }
  }
  return polygons;
}

function asArea(polygons: readonly Xy[][][]): AreaGeometry | null {
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! as LonLat[][] };
  return { type: 'MultiPolygon', coordinates: polygons as LonLat[][][] };
}

function turfUnion(geometries: readonly AreaGeometry[]): AreaGeometry | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return geometries[0]!;
  const features = geometries.map(
    (g) => ({ type: 'Feature', properties: {}, geometry: asGeoJson(g) }) as Feature<Polygon | MultiPolygon>,
  );
  const merged = union(featureCollection(features));
  return merged ? (merged.geometry as unknown as AreaGeometry) : null;
}

/**
 * The union of areas that do not overlap (lon/lat degrees), as a Polygon or MultiPolygon with holes
 * where the areas enclose ground none of them covers; null for no areas. Exact borders cancel in
 * about linear time; see the module comment for when Turf's union takes over. Overlapping input gives
 * an outline that is not meaningful (validateGridSet reports the overlaps). Throws only what Turf's
 * union throws on the fallback path.
 */
export function dissolveAreas(geometries: readonly AreaGeometry[]): AreaGeometry | null {
  if (geometries.length === 0) return null;
  const verts = new VertexIds();
  const edges = new EdgeList();
  for (const geometry of geometries) appendRingEdges(verts, geometry, edges);
  const { us, vs } = edges;
  const n = verts.size;
  const first = matchOpposite(us, vs, n, edges.length).left;
  const split = splitAtJunctions(
    verts,
    first.map((i) => us[i]!),
    first.map((i) => vs[i]!),
  );
  const left = matchOpposite(split.us, split.vs, n).left;
  const rings = chain(
    verts,
    left.map((i) => split.us[i]!),
    left.map((i) => split.vs[i]!),
  );
  const polygons = rings === null ? null : assemble(rings);
  if (polygons !== null) return asArea(polygons);
  // Borders that do not match exactly: Turf's overlay, on the areas themselves.
  return turfUnion(geometries);
}
