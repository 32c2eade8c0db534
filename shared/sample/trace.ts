import type { AreaGeometry, LonLat, Ring } from '../model/geo';
import type { Mesh } from './mesh';

/** A cell of a {@link Mesh} as one number: `row * cols + col`. */
export type CellKey = number;

export function cellKey(mesh: Mesh, i: number, j: number): CellKey {
  return j * mesh.cols + i;
}

export function cellOf(mesh: Mesh, key: CellKey): readonly [i: number, j: number] {
  return [key % mesh.cols, Math.floor(key / mesh.cols)];
}

/** Directions of a lattice edge, counter-clockwise: east, north, west, south. */
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

interface LatticeEdge {
  readonly i: number;
  readonly j: number;
  readonly dir: 0 | 1 | 2 | 3;
}

function edgeEnd(e: LatticeEdge): readonly [number, number] {
  return [e.i + DX[e.dir], e.j + DY[e.dir]];
}

/** The set's boundary edges, each with the set on its left. */
function boundaryEdges(mesh: Mesh, cells: ReadonlySet<CellKey>): LatticeEdge[] {
  const has = (i: number, j: number): boolean =>
    i >= 0 && j >= 0 && i < mesh.cols && j < mesh.rows && cells.has(cellKey(mesh, i, j));
  const out: LatticeEdge[] = [];
  for (const key of cells) {
    const [i, j] = cellOf(mesh, key);
    if (!has(i, j - 1)) out.push({ i, j, dir: 0 });
    if (!has(i + 1, j)) out.push({ i: i + 1, j, dir: 1 });
    if (!has(i, j + 1)) out.push({ i: i + 1, j: j + 1, dir: 2 });
    if (!has(i - 1, j)) out.push({ i, j: j + 1, dir: 3 });
  }
  return out;
}

/**
 * Chains boundary edges into closed lattice rings. Where two parts of the set touch at a single corner the
 * walk turns as far left as it can, so each part gets its own ring and no ring crosses itself.
 */
function chainRings(mesh: Mesh, edges: readonly LatticeEdge[]): LatticeEdge[][] {
  const vkey = (i: number, j: number): number => j * (mesh.cols + 1) + i;
  const outgoing = new Map<number, number[]>();
  edges.forEach((e, index) => {
    const k = vkey(e.i, e.j);
    const list = outgoing.get(k);
    if (list) list.push(index);
    else outgoing.set(k, [index]);
  });
  const used = new Uint8Array(edges.length);
  const rings: LatticeEdge[][] = [];
  for (let start = 0; start < edges.length; start++) {
    if (used[start]) continue;
    const ring: LatticeEdge[] = [];
    let current = start;
    for (;;) {
      used[current] = 1;
      const e = edges[current] as LatticeEdge;
      ring.push(e);
      const [ei, ej] = edgeEnd(e);
      const candidates = (outgoing.get(vkey(ei, ej)) ?? []).filter((c) => !used[c] || c === start);
      let next = -1;
      for (const turn of [1, 0, 3]) {
        const want = (e.dir + turn) % 4;
        const found = candidates.find((c) => (edges[c] as LatticeEdge).dir === want);
        if (found !== undefined) {
          next = found;
          break;
        }
      }
      if (next === -1) throw new Error('mesh boundary is not closed');
      if (next === start) break;
      current = next;
    }
    rings.push(ring);
  }
  return rings;
}

function signedLatticeArea(ring: readonly LatticeEdge[]): number {
  let sum = 0;
  for (const e of ring) {
    const [x2, y2] = edgeEnd(e);
    sum += e.i * y2 - x2 * e.j;
  }
  return sum / 2;
}

function latticeContains(ring: readonly LatticeEdge[], x: number, y: number): boolean {
  let inside = false;
  for (const e of ring) {
    const [x2, y2] = edgeEnd(e);
    if (e.j > y !== y2 > y && x < ((x2 - e.i) * (y - e.j)) / (y2 - e.j) + e.i) inside = !inside;
  }
  return inside;
}

function expandRing(mesh: Mesh, ring: readonly LatticeEdge[]): Ring {
  const out: LonLat[] = [];
  for (const e of ring) {
    let part: readonly LonLat[];
    if (e.dir === 0) part = mesh.horizontalEdge(e.i, e.j);
    else if (e.dir === 2) part = [...mesh.horizontalEdge(e.i - 1, e.j)].reverse();
    else if (e.dir === 1) part = mesh.verticalEdge(e.i, e.j);
    else part = [...mesh.verticalEdge(e.i, e.j - 1)].reverse();
    for (let k = out.length === 0 ? 0 : 1; k < part.length; k++) out.push(part[k] as LonLat);
  }
  return out;
}

/**
 * The outline of a set of mesh cells as GeoJSON: a Polygon when the set is one piece, else a MultiPolygon.
 * Exteriors are counter-clockwise, holes clockwise, rings closed; coordinates are the mesh's own edge vertices,
 * so the outlines of neighbouring sets share their border exactly. Throws on an empty set.
 */
export function traceCells(mesh: Mesh, cells: ReadonlySet<CellKey>): AreaGeometry {
  if (cells.size === 0) throw new RangeError('cannot trace an empty cell set');
  const rings = chainRings(mesh, boundaryEdges(mesh, cells));
  const outers = rings.filter((r) => signedLatticeArea(r) > 0);
  const holes = rings.filter((r) => signedLatticeArea(r) < 0);
  const polygons: Ring[][] = outers.map((r) => [expandRing(mesh, r)]);
  for (const hole of holes) {
    const e = hole[0] as LatticeEdge;
    // A point just to the right of the hole's first edge lies inside the hole, off every lattice line.
    const px = e.i + DX[e.dir] / 2 + DY[e.dir] * 0.25 + 0.0013;
    const py = e.j + DY[e.dir] / 2 - DX[e.dir] * 0.25 + 0.0007;
    let best = -1;
    outers.forEach((outer, k) => {
      if (!latticeContains(outer, px, py)) return;
      if (best === -1 || signedLatticeArea(outer) < signedLatticeArea(outers[best] as LatticeEdge[]))
        best = k;
    });
    if (best === -1) throw new Error('hole outside every outer ring');
    (polygons[best] as Ring[]).push(expandRing(mesh, hole));
  }
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Ring[] };
  return { type: 'MultiPolygon', coordinates: polygons };
}
