/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { asGeoJson, type AreaGeometry, type LonLat, type Ring } from '../model/geo';
import { bump, prefixSum } from './csr';
import { orientSign } from './orient';
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
 * {@link JUNCTION_TOLERANCE_DEG} of an opposite edge counts as on it.
 */

type Xy = readonly [number, number];

/**
 * How far (degrees, about 0.1 mm) a vertex may lie off a neighbour's edge and still be taken as a
 * T-junction on it: reprojecting a Gauss–Krüger file moves such a vertex off the straight edge by
 * rounding. The dissolved outline then runs through the vertex.
 */
const JUNCTION_TOLERANCE_DEG = 1e-9;

function ringsOf(geometry: AreaGeometry): readonly (readonly Ring[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function signedArea2(ring: readonly Xy[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [ax, ay] = ring[k]!;
    const [bx, by] = ring[k + 1]!;
    sum += ax * by - bx * ay;
  }
  return sum;
}

const bits = new Float64Array(2);
const words = new Uint32Array(bits.buffer);

/** Vertex ids by exact coordinates: an open-addressing hash over the coordinates' bits. */
class Vertices {
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  private slots = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;

  private static hash(x: number, y: number): number {
    bits[0] = x;
    bits[1] = y;
    let h = Math.imul(words[0]! ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ words[1]! ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ words[2]! ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ words[3]! ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  id(x: number, y: number): number {
    if (this.xs.length * 2 >= this.slots.length) this.grow();
    let slot = Vertices.hash(x, y) & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.xs[id] === x && this.ys[id] === y) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.xs.length;
    this.slots[slot] = id;
    this.xs.push(x);
    this.ys.push(y);
    return id;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.xs.length; id++) {
      let slot = Vertices.hash(this.xs[id]!, this.ys[id]!) & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }
}

/** Directed edges u → v; returns those not cancelled by an opposite edge (edges listed per start vertex). */
function cancel(us: readonly number[], vs: readonly number[], n: number): number[] {
  const start = new Int32Array(n + 1);
  for (const u of us) start[u + 1] = start[u + 1]! + 1;
  prefixSum(start);
  const fill = start.slice(0, n);
  const byStart = new Int32Array(us.length);
  for (let i = 0; i < us.length; i++) byStart[bump(fill, us[i]!)] = i;
  const alive = new Uint8Array(us.length).fill(1);
  for (let i = 0; i < us.length; i++) {
    if (alive[i] === 0) continue;
    const u = us[i]!;
    const v = vs[i]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const j = byStart[k]!;
      if (alive[j] === 1 && vs[j] === u) {
        alive[i] = 0;
        alive[j] = 0;
        break;
      }
    }
  }
  const left: number[] = [];
  for (let i = 0; i < us.length; i++) if (alive[i] === 1) left.push(i);
  return left;
}

/**
 * Cuts each edge at the vertices of the opposite edges lying exactly on it, so that T-junctions
 * cancel in a second pass.
 */
function splitAtJunctions(
  verts: Vertices,
  us: readonly number[],
  vs: readonly number[],
): { us: number[]; vs: number[] } {
  const { xs, ys } = verts;
  const outU: number[] = [];
  const outV: number[] = [];
  if (us.length === 0) return { us: outU, vs: outV };
  const tree = new Flatbush(us.length);
  for (let i = 0; i < us.length; i++) {
    const ax = xs[us[i]!]!;
    const ay = ys[us[i]!]!;
    const bx = xs[vs[i]!]!;
    const by = ys[vs[i]!]!;
    tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  tree.finish();
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    const v = vs[i]!;
    const ax = xs[u]!;
    const ay = ys[u]!;
    const dx = xs[v]! - ax;
    const dy = ys[v]! - ay;
    const len2 = dx * dx + dy * dy;
    const cuts: { t: number; id: number }[] = [];
    const pad = JUNCTION_TOLERANCE_DEG;
    const hits = tree.search(
      Math.min(ax, ax + dx) - pad,
      Math.min(ay, ay + dy) - pad,
      Math.max(ax, ax + dx) + pad,
      Math.max(ay, ay + dy) + pad,
    );
    for (const j of hits) {
      if (j === i) continue;
      const qu = us[j]!;
      const qv = vs[j]!;
      const qdx = xs[qv]! - xs[qu]!;
      const qdy = ys[qv]! - ys[qu]!;
      if (qdx * dx + qdy * dy >= 0) continue;
      for (const w of [qu, qv]) {
        if (w === u || w === v) continue;
        if (orientSign(ax, ay, xs[v]!, ys[v]!, xs[w]!, ys[w]!) !== 0) {
          // Off the line by rounding only (a reprojected T-junction): still a junction.
          const cross = dx * (ys[w]! - ay) - dy * (xs[w]! - ax);
          if (Math.abs(cross) > JUNCTION_TOLERANCE_DEG * Math.sqrt(len2)) continue;
        }
        const t = ((xs[w]! - ax) * dx + (ys[w]! - ay) * dy) / len2;
        if (t > 0 && t < 1) cuts.push({ t, id: w });
      }
    }
    if (cuts.length === 0) {
      outU.push(u);
      outV.push(v);
      continue;
    }
    cuts.sort((p, q) => p.t - q.t);
    let from = u;
    for (const cut of cuts) {
      if (cut.id === from) continue;
      outU.push(from);
      outV.push(cut.id);
      from = cut.id;
    }
    outU.push(from);
    outV.push(v);
  }
  return { us: outU, vs: outV };
}

/**
 * Chains directed edges into closed rings. At a vertex with several ways on, the walk takes the first
 * edge clockwise from the one it came by, so parts touching at a vertex stay separate rings. Null when
 * a walk cannot close (the outline is not a set of rings).
 */
function chain(verts: Vertices, us: readonly number[], vs: readonly number[]): Xy[][] | null {
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
  const verts = new Vertices();
  const us: number[] = [];
  const vs: number[] = [];
  for (const geometry of geometries) {
    for (const rings of ringsOf(geometry)) {
      for (let r = 0; r < rings.length; r++) {
        const ring = rings[r]!;
        const forward = signedArea2(ring) > 0 === (r === 0);
        const count = ring.length;
        // Walk the ring with its interior on the left; the closing position is implied.
        let prev = -1;
        let firstId = -1;
        for (let k = 0; k < count; k++) {
          const p = ring[forward ? k : count - 1 - k]!;
          const id = verts.id(p[0], p[1]);
          if (firstId < 0) firstId = id;
          else if (id !== prev) {
            us.push(prev);
            vs.push(id);
          }
          prev = id;
        }
        if (prev !== firstId && firstId >= 0) {
          us.push(prev);
          vs.push(firstId);
        }
      }
    }
  }
  const n = verts.xs.length;
  const first = cancel(us, vs, n);
  const split = splitAtJunctions(
    verts,
    first.map((i) => us[i]!),
    first.map((i) => vs[i]!),
  );
  const left = cancel(split.us, split.vs, n);
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
