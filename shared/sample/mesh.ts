import type { LonLat } from '../model/geo';
import type { LocalFrame } from './local-frame';
import type { Rng } from './random';

/**
 * A jittered quadrilateral mesh whose shared edges are drawn once, with extra "wiggle" vertices, and reused
 * (reversed) by both neighbouring cells. Any set of cells then has an exact boundary: neighbours share
 * identical coordinates, so grids tile with no gap and no overlap by construction.
 *
 * Cell (i, j) is column i from the west, row j from the south. Lattice vertex (i, j) is its south-west corner.
 */
export interface Mesh {
  readonly cols: number;
  readonly rows: number;
  /** Corner position in metres east/north of the frame origin. */
  vertex(i: number, j: number): readonly [number, number];
  /** Centre of a cell (mean of its corners), metres. */
  cellCentre(i: number, j: number): readonly [number, number];
  /** Horizontal edge from lattice vertex (i, j) to (i + 1, j), lon/lat, endpoints included. */
  horizontalEdge(i: number, j: number): readonly LonLat[];
  /** Vertical edge from lattice vertex (i, j) to (i, j + 1), lon/lat, endpoints included. */
  verticalEdge(i: number, j: number): readonly LonLat[];
}

export interface MeshOptions {
  /** Column lines, metres east of the origin, strictly increasing; cols + 1 values. */
  readonly xs: readonly number[];
  /** Row lines, metres north of the origin, strictly increasing; rows + 1 values. */
  readonly ys: readonly number[];
  /** Corner jitter as a fraction of the local spacing; keep ≤ 0.25 so cells stay simple. */
  readonly jitter: number;
  /** Inclusive range of extra vertices drawn along each edge. */
  readonly edgeVertices: readonly [min: number, max: number];
  /** Sideways amplitude of an edge's bends as a fraction of its length; keep ≤ 0.05. */
  readonly wiggle: number;
}

function spacingAround(lines: readonly number[], k: number): number {
  const before = k > 0 ? (lines[k] as number) - (lines[k - 1] as number) : Infinity;
  const after = k < lines.length - 1 ? (lines[k + 1] as number) - (lines[k] as number) : Infinity;
  return Math.min(before, after);
}

/**
 * Draws one edge as a polyline that is a function graph over its chord (so it never crosses itself) and whose
 * sideways offset stays within a ~12° cone from either end (so edges meeting at a corner never cross).
 */
function drawEdge(
  a: readonly [number, number],
  b: readonly [number, number],
  rng: Rng,
  options: MeshOptions,
  frame: LocalFrame,
): LonLat[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  const nx = -dy / length;
  const ny = dx / length;
  const n = rng.int(options.edgeVertices[0], options.edgeVertices[1]);
  const a1 = rng.range(-1, 1);
  const a2 = rng.range(-0.4, 0.4);
  const p1 = rng.range(0, 2 * Math.PI);
  const p2 = rng.range(0, 2 * Math.PI);
  const out: LonLat[] = [frame.toLonLat(a[0], a[1])];
  for (let k = 1; k <= n; k++) {
    const t = (k + rng.range(-0.3, 0.3)) / (n + 1);
    const shape =
      a1 * Math.sin(2 * Math.PI * t + p1) + a2 * Math.sin(6 * Math.PI * t + p2) + rng.range(-0.3, 0.3);
    const offset = options.wiggle * length * Math.sin(Math.PI * t) * shape;
    out.push(frame.toLonLat(a[0] + dx * t + nx * offset, a[1] + dy * t + ny * offset));
  }
  out.push(frame.toLonLat(b[0], b[1]));
  return out;
}

/** Builds the mesh: jitters the corners, then draws every edge exactly once. */
export function createMesh(options: MeshOptions, frame: LocalFrame, rng: Rng): Mesh {
  const cols = options.xs.length - 1;
  const rows = options.ys.length - 1;
  const vx = new Float64Array((cols + 1) * (rows + 1));
  const vy = new Float64Array((cols + 1) * (rows + 1));
  const at = (i: number, j: number): number => j * (cols + 1) + i;
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      const sx = spacingAround(options.xs, i);
      const sy = spacingAround(options.ys, j);
      vx[at(i, j)] = (options.xs[i] as number) + rng.range(-1, 1) * options.jitter * sx;
      vy[at(i, j)] = (options.ys[j] as number) + rng.range(-1, 1) * options.jitter * sy;
    }
  }
  const vertex = (i: number, j: number): readonly [number, number] => [
    vx[at(i, j)] as number,
    vy[at(i, j)] as number,
  ];
  const horizontal: LonLat[][] = [];
  const vertical: LonLat[][] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i < cols; i++)
      horizontal[j * cols + i] = drawEdge(vertex(i, j), vertex(i + 1, j), rng, options, frame);
  }
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i <= cols; i++)
      vertical[j * (cols + 1) + i] = drawEdge(vertex(i, j), vertex(i, j + 1), rng, options, frame);
  }
  const edge = (list: LonLat[][], index: number): readonly LonLat[] => {
    const e = list[index];
    if (!e) throw new RangeError(`mesh edge ${index} out of range`);
    return e;
  };
  return {
    cols,
    rows,
    vertex,
    cellCentre: (i, j) => {
      const c = [vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1), vertex(i, j + 1)];
      return [c.reduce((s, p) => s + p[0], 0) / 4, c.reduce((s, p) => s + p[1], 0) / 4];
    },
    horizontalEdge: (i, j) => edge(horizontal, j * cols + i),
    verticalEdge: (i, j) => edge(vertical, j * (cols + 1) + i),
  };
}
