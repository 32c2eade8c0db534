/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import Flatbush from 'flatbush';
import type { AreaGeometry, Ring } from '../model/geo';
import { bump, prefixSum } from './csr';
import { orientSign } from './orient';

/**
 * The directed-edge machinery shared by the dissolve (dissolve.ts) and the grid adjacency
 * (grid-adjacency.ts): vertex ids by exact coordinates, every ring walked with its interior on the
 * left, the opposite edge of a shared border found, and edges cut at T-junctions so that borders
 * digitised with a vertex on one side only still meet.
 *
 * Grids that tile a township walk each shared border twice, once each way (a → b in one grid, b → a
 * in its neighbour): that is how both callers find the border.
 */

export type Xy = readonly [number, number];

/**
 * How far (degrees, about 0.1 mm) a vertex may lie off a neighbour's edge and still be taken as a
 * T-junction on it: reprojecting a Gauss–Krüger file moves such a vertex off the straight edge by
 * rounding. The dissolved outline then runs through the vertex.
 */
export const JUNCTION_TOLERANCE_DEG = 1e-9;

export function ringsOf(geometry: AreaGeometry): readonly (readonly Ring[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Twice the signed area (shoelace) in degrees²: positive for a counter-clockwise ring. */
export function signedArea2(ring: readonly Xy[]): number {
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

/** Grows a typed array to hold at least `need` items, doubling. */
function grown<T extends Float64Array | Int32Array>(array: T, need: number, make: (n: number) => T): T {
  if (need <= array.length) return array;
  const next = make(Math.max(need, array.length * 2));
  next.set(array);
  return next;
}

/** Vertex ids by exact coordinates: an open-addressing hash over the coordinates' bits. */
export class VertexIds {
  private x: Float64Array;
  private y: Float64Array;
  private count = 0;
  private slots: Int32Array;
  private mask: number;

  /** `expected`: about how many distinct vertices will be added (sizes the arrays; they grow past it). */
  constructor(expected = 2048) {
    let size = 1 << 12;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.x = new Float64Array(Math.max(1024, Math.ceil(expected)));
    this.y = new Float64Array(Math.max(1024, Math.ceil(expected)));
  }

  private static hash(x: number, y: number): number {
    bits[0] = x;
    bits[1] = y;
    let h = Math.imul(words[0]! ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ words[1]! ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ words[2]! ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ words[3]! ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  get size(): number {
    return this.count;
  }

  /** Longitudes (x) and latitudes (y) by id; views valid until the next {@link id}. */
  get xs(): Float64Array {
    return this.x.subarray(0, this.count);
  }

  get ys(): Float64Array {
    return this.y.subarray(0, this.count);
  }

  id(x: number, y: number): number {
    if (this.count * 2 >= this.slots.length) this.grow();
    let slot = VertexIds.hash(x, y) & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.x[id] === x && this.y[id] === y) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.count++;
    this.slots[slot] = id;
    this.x = grown(this.x, this.count, (n) => new Float64Array(n));
    this.y = grown(this.y, this.count, (n) => new Float64Array(n));
    this.x[id] = x;
    this.y[id] = y;
    return id;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = VertexIds.hash(this.x[id]!, this.y[id]!) & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }
}

/** A growable list of directed edges `us[i] → vs[i]` between vertex ids. */
export class EdgeList {
  us: Int32Array;
  vs: Int32Array;
  length = 0;

  /** `expected`: about how many edges will be pushed (they grow past it). */
  constructor(expected = 1024) {
    this.us = new Int32Array(Math.max(16, Math.ceil(expected)));
    this.vs = new Int32Array(Math.max(16, Math.ceil(expected)));
  }

  push(u: number, v: number): void {
    if (this.length === this.us.length) {
      this.us = grown(this.us, this.length + 1, (n) => new Int32Array(n));
      this.vs = grown(this.vs, this.length + 1, (n) => new Int32Array(n));
    }
    this.us[this.length] = u;
    this.vs[this.length] = v;
    this.length++;
  }
}

/**
 * Appends the directed edges of every ring of `geometry` to `edges` (vertex ids from `verts`), each
 * ring walked with its interior on the left (exteriors counter-clockwise, holes clockwise, whatever
 * their stored winding); repeated positions make no edge, the closing edge is implied. Returns how
 * many edges were appended.
 */
export function appendRingEdges(verts: VertexIds, geometry: AreaGeometry, edges: EdgeList): number {
  const before = edges.length;
  for (const rings of ringsOf(geometry)) {
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r]!;
      const forward = signedArea2(ring) > 0 === (r === 0);
      const count = ring.length;
      let prev = -1;
      let firstId = -1;
      for (let k = 0; k < count; k++) {
        const p = ring[forward ? k : count - 1 - k]!;
        const id = verts.id(p[0], p[1]);
        if (firstId < 0) firstId = id;
        else if (id !== prev) edges.push(prev, id);
        prev = id;
      }
      if (prev !== firstId && firstId >= 0) edges.push(prev, firstId);
    }
  }
  return edges.length - before;
}

/**
 * Pairs each of the first `count` directed edges u → v with an unpaired opposite edge v → u (over `n`
 * vertex ids), in about linear time: `mate[i]` is the edge paired with edge i, or -1; `left` lists the
 * edges without one, in input order.
 */
export function matchOpposite(
  us: ArrayLike<number>,
  vs: ArrayLike<number>,
  n: number,
  count: number = us.length,
): { mate: Int32Array; left: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) start[us[i]! + 1] = start[us[i]! + 1]! + 1;
  prefixSum(start);
  const fill = start.slice(0, n);
  const byStart = new Int32Array(count);
  for (let i = 0; i < count; i++) byStart[bump(fill, us[i]!)] = i;
  const mate = new Int32Array(count).fill(-1);
  let unpaired = count;
  for (let i = 0; i < count; i++) {
    if (mate[i] !== -1) continue;
    const u = us[i]!;
    const v = vs[i]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const j = byStart[k]!;
      if (j !== i && mate[j] === -1 && vs[j] === u) {
        mate[i] = j;
        mate[j] = i;
        unpaired -= 2;
        break;
      }
    }
  }
  const left = new Int32Array(unpaired);
  for (let i = 0, k = 0; i < count; i++) if (mate[i] === -1) left[k++] = i;
  return { mate, left };
}

/**
 * Cuts each edge at the vertices of the opposite edges lying on it (within
 * {@link JUNCTION_TOLERANCE_DEG}), so that T-junctions pair up in a second {@link matchOpposite}.
 * `from[k]` is the input edge output edge `k` is a piece of.
 */
export function splitAtJunctions(
  verts: VertexIds,
  us: ArrayLike<number>,
  vs: ArrayLike<number>,
): { us: number[]; vs: number[]; from: number[] } {
  const { xs, ys } = verts;
  const outU: number[] = [];
  const outV: number[] = [];
  const from: number[] = [];
  if (us.length === 0) return { us: outU, vs: outV, from };
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
      from.push(i);
      continue;
    }
    cuts.sort((p, q) => p.t - q.t);
    let at = u;
    for (const cut of cuts) {
      if (cut.id === at) continue;
      outU.push(at);
      outV.push(cut.id);
      from.push(i);
      at = cut.id;
    }
    outU.push(at);
    outV.push(v);
    from.push(i);
  }
  return { us: outU, vs: outV, from };
}
