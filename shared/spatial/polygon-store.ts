import type { AreaGeometry } from '../model/geo';
import { bump, prefixSum } from './csr';
import { orientSign } from './orient';

/**
 * Grid polygons packed into typed arrays for a fast exact point-in-polygon test.
 *
 * Every ring of every part of a grid (exteriors and holes alike) is flattened into one coordinate array;
 * a point is inside a grid when a ray cast due east crosses an odd number of that grid's edges. This is
 * right for Polygons with holes and for MultiPolygons whose parts do not overlap (as RFC 7946 requires).
 *
 * The boundary rule (the half-open rule): an edge is crossed when lo.y ≤ py < hi.y (lo/hi its lower and
 * upper end) and the point lies strictly left of the edge directed upward. Because the test orders each
 * edge by latitude before evaluating it, two grids sharing an edge evaluate it identically, so a point on
 * a shared edge belongs to exactly one of them: the grid that lies to its east (for an east–west edge,
 * the grid to its north); at a vertex where several grids meet, the grid that contains the area just
 * north-east of it. Equivalently, the point is treated as nudged an infinitesimal step east and an even
 * smaller step north. Points on the outer boundary of the township therefore belong to it on its west and
 * south sides and lie outside on its east and north sides.
 *
 * Speed: each grid's latitude range is cut into bands, each listing the edges that reach into it, so a
 * test reads only the dozen or so edges near the point's latitude. Horizontal edges are never crossed
 * and are left out of the bands (they still count for distances).
 */
export interface PolygonStore {
  readonly count: number;
  /** Vertex coordinates, lon/lat degrees interleaved; rings closed (last vertex repeats the first). */
  readonly xy: Float64Array;
  /** Ring r spans vertices ringStart[r] … ringStart[r + 1] − 1. */
  readonly ringStart: Int32Array;
  /** Grid g owns rings gridRingStart[g] … gridRingStart[g + 1] − 1. */
  readonly gridRingStart: Int32Array;
  /** Per grid [west, south, east, north] in degrees, at 4g … 4g + 3. */
  readonly bbox: Float64Array;
  /** Grid g's bands are bandStart[gridBandStart[g]] …; band b lists edges bandEdges[bandStart[b] … bandStart[b+1]−1]. */
  readonly gridBandStart: Int32Array;
  readonly bandCount: Int32Array;
  /** Reciprocal of band height per grid (degrees⁻¹). */
  readonly bandScale: Float64Array;
  readonly bandStart: Int32Array;
  /** An edge is the index of its first vertex; it runs to the next vertex of the same ring. */
  readonly bandEdges: Int32Array;
}

/** Target number of edges per band. */
const EDGES_PER_BAND = 8;

function ringsOf(geometry: AreaGeometry): readonly (readonly (readonly [number, number])[])[] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function bandOf(y: number, south: number, scale: number, bands: number): number {
  const b = Math.floor((y - south) * scale);
  return b < 0 ? 0 : b >= bands ? bands - 1 : b;
}

/** Packs the geometries; rings that are not closed are closed here (validation reports them). */
export function buildPolygonStore(geometries: readonly AreaGeometry[]): PolygonStore {
  const count = geometries.length;
  let vertexTotal = 0;
  let ringTotal = 0;
  for (const g of geometries) {
    for (const ring of ringsOf(g)) {
      ringTotal++;
      vertexTotal += ring.length + 1;
    }
  }
  const xy = new Float64Array(vertexTotal * 2);
  const ringStart = new Int32Array(ringTotal + 1);
  const gridRingStart = new Int32Array(count + 1);
  const bbox = new Float64Array(count * 4);
  let v = 0;
  let r = 0;
  for (let g = 0; g < count; g++) {
    gridRingStart[g] = r;
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (const ring of ringsOf(geometries[g] as AreaGeometry)) {
      ringStart[r++] = v;
      for (const [x, y] of ring) {
        xy[2 * v] = x;
        xy[2 * v + 1] = y;
        v++;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
        xy[2 * v] = first[0];
        xy[2 * v + 1] = first[1];
        v++;
      }
    }
    bbox.set([w, s, e, n], 4 * g);
  }
  gridRingStart[count] = r;
  ringStart[r] = v;
  return {
    count,
    xy: xy.subarray(0, 2 * v),
    ringStart,
    gridRingStart,
    bbox,
    ...buildBands(count, xy, ringStart, gridRingStart, bbox),
  };
}

function buildBands(
  count: number,
  xy: Float64Array,
  ringStart: Int32Array,
  gridRingStart: Int32Array,
  bbox: Float64Array,
): Pick<PolygonStore, 'gridBandStart' | 'bandCount' | 'bandScale' | 'bandStart' | 'bandEdges'> {
  const bandCount = new Int32Array(count);
  const bandScale = new Float64Array(count);
  const gridBandStart = new Int32Array(count + 1);
  let bands = 0;
  for (let g = 0; g < count; g++) {
    const edges =
      (ringStart[gridRingStart[g + 1] as number] as number) -
      (ringStart[gridRingStart[g] as number] as number);
    const k = Math.max(1, Math.min(256, Math.ceil(edges / EDGES_PER_BAND)));
    const height = (bbox[4 * g + 3] as number) - (bbox[4 * g + 1] as number);
    bandCount[g] = k;
    bandScale[g] = height > 0 ? k / height : 0;
    gridBandStart[g] = bands;
    bands += k;
  }
  gridBandStart[count] = bands;
  const bandStart = new Int32Array(bands + 1);
  // Two passes over the edges: count per band, then fill.
  const visit = (emit: (band: number, edge: number) => void): void => {
    for (let g = 0; g < count; g++) {
      const south = bbox[4 * g + 1] as number;
      const scale = bandScale[g] as number;
      const k = bandCount[g] as number;
      const base = gridBandStart[g] as number;
      for (let r = gridRingStart[g] as number; r < (gridRingStart[g + 1] as number); r++) {
        for (let i = ringStart[r] as number; i < (ringStart[r + 1] as number) - 1; i++) {
          const ay = xy[2 * i + 1] as number;
          const by = xy[2 * i + 3] as number;
          if (ay === by) continue;
          const b0 = bandOf(Math.min(ay, by), south, scale, k);
          const b1 = bandOf(Math.max(ay, by), south, scale, k);
          for (let b = b0; b <= b1; b++) emit(base + b, i);
        }
      }
    }
  };
  visit((band) => {
    bump(bandStart, band + 1);
  });
  prefixSum(bandStart);
  const fill = bandStart.slice(0, bands);
  const bandEdges = new Int32Array(bandStart[bands] as number);
  visit((band, edge) => {
    bandEdges[bump(fill, band)] = edge;
  });
  return { gridBandStart, bandCount, bandScale, bandStart, bandEdges };
}

/** {@link rayMeetsEdge}: the edge's latitude span [lo.y, hi.y) misses the point's latitude. */
export const RAY_MISSES = 0;
/** {@link rayMeetsEdge}: a ray cast due east from the point crosses the edge. */
export const RAY_CROSSES = 1;
/** {@link rayMeetsEdge}: the span holds the point's latitude but the eastward ray does not cross the edge. */
export const RAY_PASSES = 2;

/**
 * How a ray cast due east from (px, py) meets the edge from vertex i to vertex i + 1: the one per-edge
 * judgement of the half-open boundary rule. The edge is ordered by latitude first, so the two grids that
 * share an edge judge it identically.
 */
export function rayMeetsEdge(xy: Float64Array, i: number, px: number, py: number): number {
  const ay = xy[2 * i + 1] as number;
  const by = xy[2 * i + 3] as number;
  let lx: number, ly: number, hx: number, hy: number;
  if (ay < by) {
    lx = xy[2 * i] as number;
    ly = ay;
    hx = xy[2 * i + 2] as number;
    hy = by;
  } else {
    lx = xy[2 * i + 2] as number;
    ly = by;
    hx = xy[2 * i] as number;
    hy = ay;
  }
  if (py < ly || py >= hy) return RAY_MISSES;
  if (px < lx && px < hx) return RAY_CROSSES;
  if (px >= lx && px >= hx) return RAY_PASSES;
  return orientSign(lx, ly, hx, hy, px, py) > 0 ? RAY_CROSSES : RAY_PASSES;
}

/** Whether grid g contains (px, py) under the half-open boundary rule described on {@link PolygonStore}. */
export function containsPoint(store: PolygonStore, g: number, px: number, py: number): boolean {
  const bb = store.bbox;
  if (
    py < (bb[4 * g + 1] as number) ||
    py >= (bb[4 * g + 3] as number) ||
    px < (bb[4 * g] as number) ||
    px >= (bb[4 * g + 2] as number)
  )
    return false;
  const band =
    (store.gridBandStart[g] as number) +
    bandOf(py, bb[4 * g + 1] as number, store.bandScale[g] as number, store.bandCount[g] as number);
  const xy = store.xy;
  const edges = store.bandEdges;
  let inside = false;
  for (let k = store.bandStart[band] as number, end = store.bandStart[band + 1] as number; k < end; k++) {
    if (rayMeetsEdge(xy, edges[k] as number, px, py) === RAY_CROSSES) inside = !inside;
  }
  return inside;
}

/**
 * Distance in metres from (px, py) to grid g's boundary (every ring), in an equirectangular projection:
 * x = lon · kx, y = lat · ky with kx, ky metres per degree at the township's mean latitude. Over a
 * township (tens of km) this differs from the geodesic distance by well under 1 %.
 */
export function boundaryDistanceM(
  store: PolygonStore,
  g: number,
  px: number,
  py: number,
  kx: number,
  ky: number,
): number {
  const xy = store.xy;
  let best = Infinity;
  for (let r = store.gridRingStart[g] as number; r < (store.gridRingStart[g + 1] as number); r++) {
    for (let i = store.ringStart[r] as number; i < (store.ringStart[r + 1] as number) - 1; i++) {
      const ax = ((xy[2 * i] as number) - px) * kx;
      const ay = ((xy[2 * i + 1] as number) - py) * ky;
      const dx = ((xy[2 * i + 2] as number) - px) * kx - ax;
      const dy = ((xy[2 * i + 3] as number) - py) * ky - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const cx = ax + t * dx;
      const cy = ay + t * dy;
      const d2 = cx * cx + cy * cy;
      if (d2 < best) best = d2;
    }
  }
  return Math.sqrt(best);
}
