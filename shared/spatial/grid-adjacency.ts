/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import type { AreaGeometry } from '../model/geo';
import { bump, prefixSum } from './csr';
import { appendRingEdges, EdgeList, matchOpposite, ringsOf, splitAtJunctions, VertexIds } from './edges';
import { METRES_PER_DEGREE } from './grid-locator';

/**
 * Which grids border which: the neighbour lists of a grid set in compressed-sparse-row form, built once
 * per grid set (about linear in the number of vertices) and read-only afterwards. Patrol-area
 * contiguity, the plan checks and the balanced proposal all read it.
 *
 * Two grids are neighbours when they share a stretch of border (`sharedM[k] > 0`: the length of border
 * they share, metres) or only touch at a point (`sharedM[k] === 0`: a corner where four grids meet, say).
 * Borders are found as in the dissolve (edges.ts): the same segment walked both ways by two grids, or a
 * vertex of one lying on the other's edge (a T-junction, cut there first). Neighbours digitised a hair
 * apart (no common vertex and no vertex within 1e-9° of the other's edge) are not found; a corner of one
 * grid touching the middle of another's edge, with no border shared, is not found either.
 */
export interface GridAdjacency {
  /** Number of grids (the length of the geometry list it was built from). */
  readonly size: number;
  /** Neighbours of grid `g`: `neighbours[start[g] .. start[g + 1])`, ascending grid indices. */
  readonly start: Int32Array;
  readonly neighbours: Int32Array;
  /** Border shared with that neighbour, metres (equirectangular at the segment); 0 when they only touch. */
  readonly sharedM: Float64Array;
}

const RAD = Math.PI / 180;

/** Length of the segment between two vertices, metres, equirectangular at its mean latitude. */
function segmentM(xs: Float64Array, ys: Float64Array, u: number, v: number): number {
  const x0 = xs[u]!;
  const y0 = ys[u]!;
  const x1 = xs[v]!;
  const y1 = ys[v]!;
  const dx = (x1 - x0) * Math.cos(((y0 + y1) / 2) * RAD);
  return Math.hypot(dx, y1 - y0) * METRES_PER_DEGREE;
}

/** Links gathered before deduplication: runs of one pair along a border are summed as they come. */
class Links {
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly m: number[] = [];

  add(a: number, b: number, metres: number): void {
    if (a === b) return;
    const last = this.a.length - 1;
    if (last >= 0 && this.a[last] === a && this.b[last] === b) {
      this.m[last] = this.m[last]! + metres;
      return;
    }
    this.a.push(a);
    this.b.push(b);
    this.m.push(metres);
  }
}

/**
 * The neighbours of each grid of `geometries` (lon/lat degrees, any winding), indexed like the list.
 * See {@link GridAdjacency} for what makes two grids neighbours. Overlapping grids (an invalid set) are
 * neighbours where their edges happen to meet, and not otherwise.
 */
export function buildGridAdjacency(geometries: readonly AreaGeometry[]): GridAdjacency {
  const size = geometries.length;
  let positions = 0;
  for (const geometry of geometries)
    for (const rings of ringsOf(geometry)) for (const ring of rings) positions += ring.length;
  const verts = new VertexIds(positions / 2);
  const edges = new EdgeList(positions);
  let owner = new Int32Array(positions);
  for (let g = 0; g < size; g++) {
    const from = edges.length;
    appendRingEdges(verts, geometries[g]!, edges);
    if (owner.length < edges.length) {
      const more = new Int32Array(edges.length * 2);
      more.set(owner);
      owner = more;
    }
    owner.fill(g, from, edges.length);
  }
  const { us, vs } = edges;
  const count = edges.length;
  const { xs, ys } = verts;
  const links = new Links();
  const first = matchOpposite(us, vs, verts.size, count);
  for (let i = 0; i < count; i++) {
    const j = first.mate[i]!;
    if (j > i) links.add(owner[i]!, owner[j]!, segmentM(xs, ys, us[i]!, vs[i]!));
  }
  // T-junctions: the edges left over (the township's outline, mostly) cut where another grid's vertex lies.
  const leftUs = first.left.map((i) => us[i]!);
  const leftVs = first.left.map((i) => vs[i]!);
  const split = splitAtJunctions(verts, leftUs, leftVs);
  const second = matchOpposite(split.us, split.vs, verts.size);
  for (let i = 0; i < split.us.length; i++) {
    const j = second.mate[i]!;
    if (j <= i) continue;
    const metres = segmentM(xs, ys, split.us[i]!, split.vs[i]!);
    links.add(owner[first.left[split.from[i]!]!]!, owner[first.left[split.from[j]!]!]!, metres);
  }
  // Touching at a vertex: every ring vertex starts one edge, so the edges' owners by start vertex.
  const n = verts.size;
  const byVertex = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) byVertex[us[i]! + 1] = byVertex[us[i]! + 1]! + 1;
  prefixSum(byVertex);
  const fill = byVertex.slice(0, n);
  const owners = new Int32Array(count);
  for (let i = 0; i < count; i++) owners[bump(fill, us[i]!)] = owner[i]!;
  for (let v = 0; v < n; v++) {
    const from = byVertex[v]!;
    const to = byVertex[v + 1]!;
    if (to - from < 2) continue;
    for (let p = from; p < to; p++)
      for (let q = from; q < to; q++) {
        const a = owners[p]!;
        const b = owners[q]!;
        if (a < b) links.add(a, b, 0);
      }
  }
  return toCsr(size, links);
}

/** Both directions of every link, duplicates summed, each grid's neighbours ascending. */
function toCsr(size: number, links: Links): GridAdjacency {
  const count = new Int32Array(size + 1);
  for (let k = 0; k < links.a.length; k++) {
    count[links.a[k]! + 1] = count[links.a[k]! + 1]! + 1;
    count[links.b[k]! + 1] = count[links.b[k]! + 1]! + 1;
  }
  prefixSum(count);
  const fill = count.slice(0, size);
  const rawB = new Int32Array(count[size]!);
  const rawM = new Float64Array(count[size]!);
  for (let k = 0; k < links.a.length; k++) {
    const a = links.a[k]!;
    const b = links.b[k]!;
    const m = links.m[k]!;
    let at = bump(fill, a);
    rawB[at] = b;
    rawM[at] = m;
    at = bump(fill, b);
    rawB[at] = a;
    rawM[at] = m;
  }
  const start = new Int32Array(size + 1);
  const neighbours: number[] = [];
  const sharedM: number[] = [];
  const slot = new Int32Array(size).fill(-1);
  const list: number[] = [];
  for (let g = 0; g < size; g++) {
    list.length = 0;
    const base = neighbours.length;
    for (let k = count[g]!; k < count[g + 1]!; k++) {
      const b = rawB[k]!;
      if (slot[b]! < 0) {
        slot[b] = list.length;
        list.push(b);
      }
    }
    list.sort((p, q) => p - q);
    for (let k = 0; k < list.length; k++) {
      slot[list[k]!] = base + k;
      neighbours.push(list[k]!);
      sharedM.push(0);
    }
    for (let k = count[g]!; k < count[g + 1]!; k++) {
      const at = slot[rawB[k]!]!;
      sharedM[at] = sharedM[at]! + rawM[k]!;
    }
    for (const b of list) slot[b] = -1;
    start[g + 1] = neighbours.length;
  }
  return { size, start, neighbours: Int32Array.from(neighbours), sharedM: Float64Array.from(sharedM) };
}

/** Whether grids `a` and `b` are neighbours (touching counts unless `border`: a shared stretch of border). */
export function areNeighbours(adj: GridAdjacency, a: number, b: number, border = false): boolean {
  for (let k = adj.start[a]!; k < adj.start[a + 1]!; k++) {
    if (adj.neighbours[k] === b) return !border || adj.sharedM[k]! > 0;
  }
  return false;
}
