import { bump, prefixSum } from './csr';
import { RAY_CROSSES, RAY_MISSES, rayMeetsEdge, type PolygonStore } from './polygon-store';

/**
 * A uniform raster over the grids' extent that settles most points without a polygon test.
 *
 * Each cell is classified once: wholly inside one grid (no grid edge comes within a hair of the closed cell
 * square, and the grid contains the cell centre), empty (no edge touches it and no grid contains it), or
 * mixed (the candidate grids: those whose edges touch the cell plus any that contain it wholly). A point in
 * an inside or empty cell is answered with one array read; only points in mixed cells need the exact test.
 * The test for "touches" is conservative (a margin of 1e-6 cell), so inside/empty answers are exact.
 *
 * A mixed cell is cut once more into SUB × SUB sub-cells, classified the same way from the edges touching
 * the cell, so most of its points are settled by a second read. For the rest, it carries, per candidate
 * grid, the few edges that decide the exact test for any point of the cell: those of the cell's row that reach east of the cell's west side (a ray cast east can cross them)
 * or, when fewer, those that reach west of its east side (a ray cast west). Which edges these are follows
 * from the same floating-point cell arithmetic as the query, so no edge that matters is ever left out.
 */
export interface CellRaster {
  readonly west: number;
  readonly south: number;
  /** Cells per degree of longitude and of latitude. */
  readonly scaleX: number;
  readonly scaleY: number;
  readonly nx: number;
  readonly ny: number;
  /** Per cell (row-major from the south-west): grid index ≥ 0, EMPTY, or MIXED_BASE − offset of its record. */
  readonly cells: Int32Array;
  /**
   * Mixed-cell records. At `offset`: the candidate count; SUB² / 2 words of sub-cells, two 16-bit values a
   * word (row-major from the south-west, the lower half first): a grid index, SUB_EMPTY, or SUB_MIXED;
   * then per candidate (grids ascending) the grid
   * index, a head `(edgeCount << 1) | westward`, and `edgeCount` edges (the index of an edge's first vertex
   * in the polygon store). The edges are every edge of that grid a ray from a point of the cell can meet
   * (see {@link cellContains}), so the exact test reads a handful of edges that lie close together.
   */
  readonly mixed: Int32Array;
  readonly mixedCells: number;
}

export const EMPTY = -1;
export const MIXED_BASE = -2;

/** Sub-cells per side of a mixed cell. */
export const SUB = 4;
const SUB_WORDS = (SUB * SUB) / 2;
/** A sub-cell inside no grid. */
export const SUB_EMPTY = 0xfffe;
/** A sub-cell that an edge touches: its points need the exact test. */
export const SUB_MIXED = 0xffff;

/** A sub-cell not yet classified (build time only). */
const UNSET = -1;

/** How close (in cells) an edge may pass to a cell or sub-cell and still count as touching it. */
const MARGIN = 1e-6;

type Frame = Pick<CellRaster, 'west' | 'south' | 'scaleX' | 'scaleY' | 'nx' | 'ny'>;

class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Calls visit(col, row) once for each unit cell of a cols × rows lattice that the segment (u0, v0)–(u1, v1)
 * comes within `margin` of (coordinates in cell units; cells outside the lattice are skipped).
 */
function touchedCells(
  u0: number,
  v0: number,
  u1: number,
  v1: number,
  margin: number,
  cols: number,
  rows: number,
  visit: (col: number, row: number) => void,
): void {
  const rowLo = Math.max(0, Math.floor(Math.min(v0, v1) - margin));
  const rowHi = Math.min(rows - 1, Math.floor(Math.max(v0, v1) + margin));
  for (let row = rowLo; row <= rowHi; row++) {
    let uMin: number;
    let uMax: number;
    if (v0 === v1) {
      uMin = Math.min(u0, u1);
      uMax = Math.max(u0, u1);
    } else {
      // The part of the segment with v in [row − m, row + 1 + m].
      const ta = (row - margin - v0) / (v1 - v0);
      const tb = (row + 1 + margin - v0) / (v1 - v0);
      const t0 = Math.max(0, Math.min(ta, tb));
      const t1 = Math.min(1, Math.max(ta, tb));
      if (t0 > t1) continue;
      const ua = u0 + (u1 - u0) * t0;
      const ub = u0 + (u1 - u0) * t1;
      uMin = Math.min(ua, ub);
      uMax = Math.max(ua, ub);
    }
    const colLo = Math.max(0, Math.floor(uMin - margin));
    const colHi = Math.min(cols - 1, Math.floor(uMax + margin));
    for (let col = colLo; col <= colHi; col++) visit(col, row);
  }
}

/**
 * Which edges touch which cells: per cell, the edges (by first vertex) that come within MARGIN of it, grid
 * by grid in ascending grid order; and each edge's grid.
 */
function touchingEdges(store: PolygonStore, raster: Frame) {
  const { west, south, scaleX, scaleY, nx, ny } = raster;
  const pairCell = new IntList();
  const pairEdge = new IntList();
  const xy = store.xy;
  const gridOfEdge = new Int32Array(xy.length / 2);
  for (let g = 0; g < store.count; g++) {
    for (let r = store.gridRingStart[g] as number; r < (store.gridRingStart[g + 1] as number); r++) {
      for (let i = store.ringStart[r] as number; i < (store.ringStart[r + 1] as number) - 1; i++) {
        gridOfEdge[i] = g;
        let last = -1;
        touchedCells(
          ((xy[2 * i] as number) - west) * scaleX,
          ((xy[2 * i + 1] as number) - south) * scaleY,
          ((xy[2 * i + 2] as number) - west) * scaleX,
          ((xy[2 * i + 3] as number) - south) * scaleY,
          MARGIN,
          nx,
          ny,
          (col, row) => {
            const cell = row * nx + col;
            if (cell === last) return;
            last = cell;
            pairCell.push(cell);
            pairEdge.push(i);
          },
        );
      }
    }
  }
  // Counting sort by cell keeps the emission order (grid, then edge) within a cell.
  const start = new Int32Array(nx * ny + 1);
  for (let k = 0; k < pairCell.length; k++) bump(start, (pairCell.data[k] as number) + 1);
  prefixSum(start);
  const fill = start.slice(0, nx * ny);
  const edges = new Int32Array(pairCell.length);
  for (let k = 0; k < pairCell.length; k++)
    edges[bump(fill, pairCell.data[k] as number)] = pairEdge.data[k] as number;
  return { start, edges, gridOfEdge };
}

/**
 * Classifies the SUB × SUB sub-cells of the mixed cell (col, row) whose record starts at `offset` (its
 * candidates already written): a sub-cell that one of the cell's touching edges comes within MARGIN of is
 * SUB_MIXED; any other lies wholly in the grid containing its centre (by the record's exact test) or in
 * none. Sub-cells of a cell are found from the query's own numbers, u − col and v − row, which are exact.
 */
function fillSubcells(
  mixed: Int32Array,
  offset: number,
  xy: Float64Array,
  frame: Frame,
  col: number,
  row: number,
  edges: Int32Array,
  gridCount: number,
  scratch: { value: Int32Array; stack: Int32Array },
): void {
  const { west, south, scaleX, scaleY } = frame;
  const value = scratch.value;
  value.fill(UNSET);
  for (const i of edges) {
    touchedCells(
      (((xy[2 * i] as number) - west) * scaleX - col) * SUB,
      (((xy[2 * i + 1] as number) - south) * scaleY - row) * SUB,
      (((xy[2 * i + 2] as number) - west) * scaleX - col) * SUB,
      (((xy[2 * i + 3] as number) - south) * scaleY - row) * SUB,
      MARGIN * SUB,
      SUB,
      SUB,
      (c, r) => {
        value[r * SUB + c] = SUB_MIXED;
      },
    );
  }
  // Grid indices must fit in 16 bits below the two markers; larger sets leave every sub-cell mixed.
  if (gridCount >= SUB_EMPTY) value.fill(SUB_MIXED);
  // Neighbouring untouched sub-cells share a side no edge comes near, so they lie in the same grid: one
  // exact test at a centre settles the whole group.
  const stack = scratch.stack;
  for (let k = 0; k < SUB * SUB; k++) {
    if (value[k] !== UNSET) continue;
    const px = west + (col + ((k % SUB) + 0.5) / SUB) / scaleX;
    const py = south + (row + (Math.floor(k / SUB) + 0.5) / SUB) / scaleY;
    const g = cellContains(mixed, xy, offset, px, py);
    const settled = g < 0 ? SUB_EMPTY : g;
    let top = 0;
    stack[top++] = k;
    value[k] = settled;
    while (top > 0) {
      const at = stack[--top] as number;
      const c = at % SUB;
      for (let side = 0; side < 4; side++) {
        const n =
          side === 0
            ? c > 0
              ? at - 1
              : -1
            : side === 1
              ? c < SUB - 1
                ? at + 1
                : -1
              : side === 2
                ? at - SUB
                : at + SUB;
        if (n < 0 || n >= SUB * SUB || value[n] !== UNSET) continue;
        value[n] = settled;
        stack[top++] = n;
      }
    }
  }
  for (let k = 0; k < SUB * SUB; k++) {
    const w = offset + 1 + (k >> 1);
    mixed[w] = (mixed[w] as number) | ((value[k] as number) << ((k & 1) << 4));
  }
}

/** Per row, where its centre line crosses grid edges: (x, grid), for the parity sweep. */
function rowCrossings(store: PolygonStore, south: number, scaleY: number, ny: number) {
  const yc = new Float64Array(ny);
  for (let row = 0; row < ny; row++) yc[row] = south + (row + 0.5) / scaleY;
  const rowOf = new IntList();
  const xs: number[] = [];
  const gridOf = new IntList();
  const xy = store.xy;
  for (let g = 0; g < store.count; g++) {
    for (let r = store.gridRingStart[g] as number; r < (store.gridRingStart[g + 1] as number); r++) {
      for (let i = store.ringStart[r] as number; i < (store.ringStart[r + 1] as number) - 1; i++) {
        const ax = xy[2 * i] as number;
        const ay = xy[2 * i + 1] as number;
        const bx = xy[2 * i + 2] as number;
        const by = xy[2 * i + 3] as number;
        if (ay === by) continue;
        const ly = Math.min(ay, by);
        const hy = Math.max(ay, by);
        // Same half-open rule as the exact test: crossed when ly ≤ y < hy.
        let row = Math.max(0, Math.floor((ly - south) * scaleY - 0.5) - 1);
        for (; row < ny && (yc[row] as number) < hy; row++) {
          const y = yc[row] as number;
          if (y < ly) continue;
          xs.push(ax + ((bx - ax) * (y - ay)) / (by - ay));
          rowOf.push(row);
          gridOf.push(g);
        }
      }
    }
  }
  return { rowOf, xs, gridOf };
}

/**
 * Per row, the non-horizontal edges whose latitude span can hold a point of the row, emitted grid by grid
 * (so each grid's edges of a row are contiguous); and per edge (by first vertex) the first and last column
 * its longitude span reaches. Rows and columns come from the query's own arithmetic, floor((y − south) ·
 * scaleY): it is monotonic, so an edge with lo.y ≤ py < hi.y lands in py's row, and an edge with a vertex
 * west of px (east of px) starts at or west of (ends at or east of) px's column. No margin is needed.
 */
function rowEdges(store: PolygonStore, frame: Frame) {
  const { west, south, scaleX, scaleY, nx, ny } = frame;
  const xy = store.xy;
  const vertices = xy.length / 2;
  const colMin = new Int32Array(vertices);
  const colMax = new Int32Array(vertices);
  const rowOf = new IntList();
  const edgeOf = new IntList();
  const clamp = (v: number, hi: number): number => (v < 0 ? 0 : v > hi ? hi : v);
  for (let g = 0; g < store.count; g++) {
    for (let r = store.gridRingStart[g] as number; r < (store.gridRingStart[g + 1] as number); r++) {
      for (let i = store.ringStart[r] as number; i < (store.ringStart[r + 1] as number) - 1; i++) {
        const ay = xy[2 * i + 1] as number;
        const by = xy[2 * i + 3] as number;
        if (ay === by) continue;
        const ax = xy[2 * i] as number;
        const bx = xy[2 * i + 2] as number;
        colMin[i] = clamp(Math.floor((Math.min(ax, bx) - west) * scaleX), nx - 1);
        colMax[i] = clamp(Math.floor((Math.max(ax, bx) - west) * scaleX), nx - 1);
        const rowLo = clamp(Math.floor((Math.min(ay, by) - south) * scaleY), ny - 1);
        const rowHi = clamp(Math.floor((Math.max(ay, by) - south) * scaleY), ny - 1);
        for (let row = rowLo; row <= rowHi; row++) {
          rowOf.push(row);
          edgeOf.push(i);
        }
      }
    }
  }
  const start = new Int32Array(ny + 1);
  for (let k = 0; k < rowOf.length; k++) bump(start, (rowOf.data[k] as number) + 1);
  prefixSum(start);
  const fill = start.slice(0, ny);
  const edges = new Int32Array(rowOf.length);
  for (let k = 0; k < rowOf.length; k++)
    edges[bump(fill, rowOf.data[k] as number)] = edgeOf.data[k] as number;
  return { start, edges, colMin, colMax };
}

/**
 * Classifies every cell of a raster with cells of about `cellM` metres (kx, ky: metres per degree).
 * Cost is linear in edges plus cells; memory about 4 bytes per cell plus the mixed lists.
 */
export function buildCellRaster(store: PolygonStore, cellM: number, kx: number, ky: number): CellRaster {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let g = 0; g < store.count; g++) {
    west = Math.min(west, store.bbox[4 * g] as number);
    south = Math.min(south, store.bbox[4 * g + 1] as number);
    east = Math.max(east, store.bbox[4 * g + 2] as number);
    north = Math.max(north, store.bbox[4 * g + 3] as number);
  }
  const scaleX = kx / cellM;
  const scaleY = ky / cellM;
  const nx = Math.max(1, Math.ceil((east - west) * scaleX));
  const ny = Math.max(1, Math.ceil((north - south) * scaleY));
  const frame = { west, south, scaleX, scaleY, nx, ny };
  const touching = touchingEdges(store, frame);
  const crossings = rowCrossings(store, south, scaleY, ny);

  // Bucket crossings by row, then sweep each row west to east toggling grid parity.
  const rowStart = new Int32Array(ny + 1);
  for (let k = 0; k < crossings.rowOf.length; k++) bump(rowStart, (crossings.rowOf.data[k] as number) + 1);
  prefixSum(rowStart);
  const order = new Int32Array(crossings.rowOf.length);
  const fill = rowStart.slice(0, ny);
  for (let k = 0; k < crossings.rowOf.length; k++) order[bump(fill, crossings.rowOf.data[k] as number)] = k;

  const cells = new Int32Array(nx * ny);
  const strips = rowEdges(store, frame);
  const mixed = new IntList();
  let mixedCells = 0;
  const parity = new Uint8Array(store.count);
  // Per grid, its edges within the current row: strips.edges[groupStart[g] … groupEnd[g] − 1].
  const groupRow = new Int32Array(store.count).fill(-1);
  const groupStart = new Int32Array(store.count);
  const groupEnd = new Int32Array(store.count);
  const active: number[] = [];
  const merged: number[] = [];
  const scratch = { value: new Int32Array(SUB * SUB), stack: new Int32Array(SUB * SUB) };
  for (let row = 0; row < ny; row++) {
    const rowOrder = Array.from(order.subarray(rowStart[row] as number, rowStart[row + 1] as number));
    rowOrder.sort((a, b) => (crossings.xs[a] as number) - (crossings.xs[b] as number));
    for (let e = strips.start[row] as number; e < (strips.start[row + 1] as number); e++) {
      const g = touching.gridOfEdge[strips.edges[e] as number] as number;
      if (groupRow[g] !== row) {
        groupRow[g] = row;
        groupStart[g] = e;
      }
      groupEnd[g] = e + 1;
    }
    active.length = 0;
    let k = 0;
    for (let col = 0; col < nx; col++) {
      const xc = west + (col + 0.5) / scaleX;
      while (k < rowOrder.length && (crossings.xs[rowOrder[k] as number] as number) < xc) {
        const g = crossings.gridOf.data[rowOrder[k] as number] as number;
        parity[g] = (parity[g] as number) ^ 1;
        if (parity[g]) active.push(g);
        else active.splice(active.indexOf(g), 1);
        k++;
      }
      const cell = row * nx + col;
      const t0 = touching.start[cell] as number;
      const t1 = touching.start[cell + 1] as number;
      if (t0 === t1) {
        let inside = EMPTY;
        for (const g of active) if (inside === EMPTY || g < inside) inside = g;
        cells[cell] = inside;
        continue;
      }
      merged.length = 0;
      for (let t = t0; t < t1; t++) {
        const g = touching.gridOfEdge[touching.edges[t] as number] as number;
        if (merged[merged.length - 1] !== g) merged.push(g);
      }
      const touchingCount = merged.length;
      for (const g of active) if (!merged.includes(g)) merged.push(g);
      if (merged.length > touchingCount) merged.sort((a, b) => a - b);
      const offset = mixed.length;
      cells[cell] = MIXED_BASE - offset;
      mixedCells++;
      mixed.push(merged.length);
      for (let w = 0; w < SUB_WORDS; w++) mixed.push(0);
      for (const g of merged) {
        mixed.push(g);
        const e0 = groupRow[g] === row ? (groupStart[g] as number) : 0;
        const e1 = groupRow[g] === row ? (groupEnd[g] as number) : 0;
        // A ray east can cross only edges ending at or east of this column; a ray west only edges
        // starting at or west of it. Keep the shorter list.
        let east = 0;
        let westward = 0;
        for (let e = e0; e < e1; e++) {
          const i = strips.edges[e] as number;
          if ((strips.colMax[i] as number) >= col) east++;
          if ((strips.colMin[i] as number) <= col) westward++;
        }
        const goWest = westward < east;
        mixed.push(((goWest ? westward : east) << 1) | (goWest ? 1 : 0));
        for (let e = e0; e < e1; e++) {
          const i = strips.edges[e] as number;
          if (goWest ? (strips.colMin[i] as number) <= col : (strips.colMax[i] as number) >= col)
            mixed.push(i);
        }
      }
      fillSubcells(
        mixed.data,
        offset,
        store.xy,
        frame,
        col,
        row,
        touching.edges.subarray(t0, t1),
        store.count,
        scratch,
      );
    }
    for (const g of active) parity[g] = 0;
  }
  return {
    ...frame,
    cells,
    mixed: mixed.data.slice(0, mixed.length),
    mixedCells,
  };
}

/** A mixed cell's record spelled out, for tests and diagnostics. */
export interface MixedRecord {
  /** SUB × SUB values, row-major from the south-west: grid index, SUB_EMPTY or SUB_MIXED. */
  readonly subcells: readonly number[];
  readonly candidates: readonly { grid: number; westward: boolean; edges: readonly number[] }[];
}

export function readMixedRecord(mixed: Int32Array, offset: number): MixedRecord {
  const subcells: number[] = [];
  for (let k = 0; k < SUB * SUB; k++)
    subcells.push(((mixed[offset + 1 + (k >> 1)] as number) >>> ((k & 1) << 4)) & 0xffff);
  const candidates: { grid: number; westward: boolean; edges: number[] }[] = [];
  let p = offset + 1 + SUB_WORDS;
  for (let c = 0; c < (mixed[offset] as number); c++) {
    const grid = mixed[p++] as number;
    const head = mixed[p++] as number;
    candidates.push({
      grid,
      westward: (head & 1) === 1,
      edges: Array.from(mixed.subarray(p, p + (head >> 1))),
    });
    p += head >> 1;
  }
  return { subcells, candidates };
}

/**
 * The sub-cell value (a grid index, SUB_EMPTY or SUB_MIXED) of the mixed cell whose record is at `offset`
 * for a point at (u, v) in raster units inside cell (col, row): u − col and v − row are exact in [0, 1).
 */
export function subcellOf(
  mixed: Int32Array,
  offset: number,
  u: number,
  v: number,
  col: number,
  row: number,
): number {
  const k = Math.floor((v - row) * SUB) * SUB + Math.floor((u - col) * SUB);
  return ((mixed[offset + 1 + (k >> 1)] as number) >>> ((k & 1) << 4)) & 0xffff;
}

/**
 * The grid of a mixed cell's record (at `offset`) containing (px, py), or −1: the first candidate whose
 * listed edges a ray from the point crosses an odd number of times. Each edge is judged exactly as
 * containsPoint judges it (half-open in latitude, exact orientation), so the answer is identical. A ray
 * cast west counts the edges of the row that the eastward ray would not cross; a closed ring meets the
 * point's latitude an even number of times, so both parities agree.
 */
export function cellContains(
  mixed: Int32Array,
  xy: Float64Array,
  offset: number,
  px: number,
  py: number,
): number {
  const candidates = mixed[offset] as number;
  let p = offset + 1 + SUB_WORDS;
  for (let c = 0; c < candidates; c++) {
    const g = mixed[p++] as number;
    const head = mixed[p++] as number;
    const end = p + (head >> 1);
    const westward = head & 1;
    let inside = 0;
    for (; p < end; p++) {
      const meets = rayMeetsEdge(xy, mixed[p] as number, px, py);
      if (meets !== RAY_MISSES) inside ^= (meets === RAY_CROSSES ? 1 : 0) ^ westward;
    }
    if (inside) return g;
  }
  return -1;
}
