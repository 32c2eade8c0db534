import Flatbush from 'flatbush';
import KDBush from 'kdbush';
import type { BasemapRoad } from '../model/basemap';
import type { LonLat } from '../model/geo';
import { fromXY, greatCircleM, localFrame, toX, toY, type LocalFrame } from './frame';

/**
 * Vertices (and crossing points) closer than this many metres are one junction: drawn roads that meet
 * rarely share a vertex to the centimetre.
 */
export const JOIN_TOLERANCE_M = 2;

/**
 * The township's roads as an undirected graph for road distances: a node at every vertex and at every
 * point where two roads cross or one ends on another, edges along the road between consecutive nodes.
 * Built once per road list by {@link buildRoadNetwork}; read-only afterwards.
 */
export interface RoadNetwork {
  /** The metric frame that `nodeX`/`nodeY` and the edge index are in. */
  readonly frame: LocalFrame;
  /** Node positions, WGS84 lon/lat degrees. */
  readonly nodes: readonly LonLat[];
  /** Node positions in {@link RoadNetwork.frame}, metres. */
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  /** Edge `e` runs straight from node `edgeFrom[e]` to node `edgeTo[e]`. */
  readonly edgeFrom: Uint32Array;
  readonly edgeTo: Uint32Array;
  /** Great-circle length of each edge, metres. */
  readonly edgeLengthM: Float64Array;
  /** The id of the road each edge lies on. */
  readonly edgeRoadId: readonly string[];
  /** Edges at node `n`: `adjEdge[adjStart[n] .. adjStart[n + 1])`. */
  readonly adjStart: Uint32Array;
  readonly adjEdge: Uint32Array;
  /** Connected component of each node; two nodes in different components have no road between them. */
  readonly component: Uint32Array;
  /** Edge boxes in the metric frame, for snapping; null when there is no edge. */
  readonly edgeIndex: Flatbush | null;
}

interface Segment {
  readonly road: number;
  readonly a: number;
  readonly b: number;
  /** Points on the segment's interior, with their parameter t in (0, 1) from `a` to `b`. */
  readonly splits: { t: number; p: number }[];
}

/** Growable point list: metric coordinates plus lon/lat. */
class Points {
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly lonLat: LonLat[] = [];
  constructor(private readonly frame: LocalFrame) {}
  addLonLat(p: LonLat): number {
    this.x.push(toX(this.frame, p[0]));
    this.y.push(toY(this.frame, p[1]));
    this.lonLat.push(p);
    return this.lonLat.length - 1;
  }
  addXY(x: number, y: number): number {
    this.x.push(x);
    this.y.push(y);
    this.lonLat.push(fromXY(this.frame, x, y));
    return this.lonLat.length - 1;
  }
}

function frameOf(roads: readonly BasemapRoad[]): LocalFrame {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const road of roads)
    for (const [lon, lat] of road.geometry.coordinates) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      [w, s, e, n] = [Math.min(w, lon), Math.min(s, lat), Math.max(e, lon), Math.max(n, lat)];
    }
  return w <= e ? localFrame((w + e) / 2, (s + n) / 2) : localFrame(0, 0);
}

/** Every road vertex as a point, consecutive distinct vertices as segments. */
function segmentsOf(roads: readonly BasemapRoad[], pts: Points): Segment[] {
  const segments: Segment[] = [];
  roads.forEach((road, r) => {
    let prev: number | null = null;
    for (const v of road.geometry.coordinates) {
      if (!Number.isFinite(v[0]) || !Number.isFinite(v[1])) continue;
      const p = pts.addLonLat(v);
      if (prev !== null && (pts.x[prev] !== pts.x[p] || pts.y[prev] !== pts.y[p])) {
        segments.push({ road: r, a: prev, b: p, splits: [] });
      }
      prev = p;
    }
  });
  return segments;
}

const cross = (ax: number, ay: number, bx: number, by: number): number => ax * by - ay * bx;

/** Splits both segments where they cross in their interiors (an X crossing without a shared vertex). */
function splitCrossings(segments: readonly Segment[], pts: Points, index: Flatbush, tol: number): void {
  const { x, y } = pts;
  segments.forEach((si, i) => {
    const [ax, ay, bx, by] = [x[si.a] ?? 0, y[si.a] ?? 0, x[si.b] ?? 0, y[si.b] ?? 0];
    const [rx, ry] = [bx - ax, by - ay];
    const near = index.search(
      Math.min(ax, bx) - tol,
      Math.min(ay, by) - tol,
      Math.max(ax, bx) + tol,
      Math.max(ay, by) + tol,
    );
    for (const j of near) {
      const sj = segments[j];
      if (j <= i || !sj || sj.a === si.a || sj.a === si.b || sj.b === si.a || sj.b === si.b) continue;
      const [cx, cy] = [x[sj.a] ?? 0, y[sj.a] ?? 0];
      const [sx, sy] = [(x[sj.b] ?? 0) - cx, (y[sj.b] ?? 0) - cy];
      const denom = cross(rx, ry, sx, sy);
      if (Math.abs(denom) <= 1e-12 * Math.hypot(rx, ry) * Math.hypot(sx, sy)) continue; // parallel
      const t = cross(cx - ax, cy - ay, sx, sy) / denom;
      const u = cross(cx - ax, cy - ay, rx, ry) / denom;
      if (!(t > 0 && t < 1 && u > 0 && u < 1)) continue; // crossings at a vertex are joined by distance
      const p = pts.addXY(ax + t * rx, ay + t * ry);
      si.splits.push({ t, p });
      sj.splits.push({ t: u, p });
    }
  });
}

/**
 * Splits a segment where a vertex of another road lies within `tol` of its interior (a road ending on
 * another, a T junction), returning the pairs of points to join.
 */
function splitTouches(
  segments: readonly Segment[],
  pts: Points,
  index: Flatbush,
  vertexCount: number,
  tol: number,
): [number, number][] {
  const { x, y } = pts;
  const joins: [number, number][] = [];
  for (let v = 0; v < vertexCount; v += 1) {
    const [vx, vy] = [x[v] ?? 0, y[v] ?? 0];
    for (const j of index.search(vx - tol, vy - tol, vx + tol, vy + tol)) {
      const s = segments[j];
      if (!s || s.a === v || s.b === v) continue;
      const [ax, ay] = [x[s.a] ?? 0, y[s.a] ?? 0];
      const [rx, ry] = [(x[s.b] ?? 0) - ax, (y[s.b] ?? 0) - ay];
      const t = ((vx - ax) * rx + (vy - ay) * ry) / (rx * rx + ry * ry);
      if (!(t > 0 && t < 1)) continue; // near an end: joined by distance
      const [px, py] = [ax + t * rx, ay + t * ry];
      if (Math.hypot(vx - px, vy - py) > tol) continue;
      const p = pts.addXY(px, py);
      s.splits.push({ t, p });
      joins.push([v, p]);
    }
  }
  return joins;
}

/** Union-find root of every point, joining points within `tol` metres; a root is its cluster's smallest id. */
function clusterPoints(pts: Points, joins: readonly [number, number][], tol: number): Int32Array {
  const n = pts.x.length;
  const parent = Int32Array.from({ length: n }, (_, k) => k);
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[k] !== r) [parent[k], k] = [r, parent[k] ?? r];
    return r;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  const tree = new KDBush(Math.max(1, n));
  for (let k = 0; k < n; k += 1) tree.add(pts.x[k] ?? 0, pts.y[k] ?? 0);
  if (n === 0) tree.add(0, 0);
  tree.finish();
  for (let k = 0; k < n; k += 1)
    for (const m of tree.within(pts.x[k] ?? 0, pts.y[k] ?? 0, tol)) if (m < n) union(k, m);
  for (const [a, b] of joins) union(a, b);
  for (let k = 0; k < n; k += 1) parent[k] = find(k);
  return parent;
}

/** Component label of every node, by an iterative depth-first walk. */
function componentsOf(
  nodeCount: number,
  adjStart: Uint32Array,
  adjEdge: Uint32Array,
  from: Uint32Array,
  to: Uint32Array,
): Uint32Array {
  const component = new Uint32Array(nodeCount).fill(0xffffffff);
  let label = 0;
  const stack: number[] = [];
  for (let start = 0; start < nodeCount; start += 1) {
    if (component[start] !== 0xffffffff) continue;
    component[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const n = stack.pop() ?? 0;
      for (let k = adjStart[n] ?? 0; k < (adjStart[n + 1] ?? 0); k += 1) {
        const e = adjEdge[k] ?? 0;
        const m = from[e] === n ? (to[e] ?? 0) : (from[e] ?? 0);
        if (component[m] !== 0xffffffff) continue;
        component[m] = label;
        stack.push(m);
      }
    }
    label += 1;
  }
  return component;
}

/**
 * The road graph of the basemap roads, for road distances between points of the township.
 *
 * Nodes are the roads' vertices, joined when closer than {@link JOIN_TOLERANCE_M} (the same junction
 * drawn twice), plus a node wherever two road segments cross in their interiors (every crossing is
 * taken as an at-grade junction: the sample has no bridges over roads) and wherever a vertex of one
 * road lies within the tolerance of another road's segment (a road ending on another). Edges are the
 * straight pieces between consecutive nodes along a road, weighted by great-circle length in metres;
 * duplicates keep the shorter. Non-finite coordinates are skipped. Pure; the same roads in the same
 * order give the same network.
 */
export function buildRoadNetwork(roads: readonly BasemapRoad[], toleranceM = JOIN_TOLERANCE_M): RoadNetwork {
  const frame = frameOf(roads);
  const pts = new Points(frame);
  const segments = segmentsOf(roads, pts);
  const vertexCount = pts.x.length;
  let joins: [number, number][] = [];
  if (segments.length > 0) {
    const segIndex = new Flatbush(segments.length);
    for (const s of segments) {
      const [ax, ay, bx, by] = [pts.x[s.a] ?? 0, pts.y[s.a] ?? 0, pts.x[s.b] ?? 0, pts.y[s.b] ?? 0];
      segIndex.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    segIndex.finish();
    splitCrossings(segments, pts, segIndex, toleranceM);
    joins = splitTouches(segments, pts, segIndex, vertexCount, toleranceM);
  }
  const root = clusterPoints(pts, joins, toleranceM);

  const nodeOf = new Map<number, number>();
  const nodes: LonLat[] = [];
  const node = (p: number): number => {
    const r = root[p] ?? p;
    let id = nodeOf.get(r);
    if (id === undefined) {
      id = nodes.length;
      nodeOf.set(r, id);
      nodes.push(pts.lonLat[r] ?? [0, 0]);
    }
    return id;
  };

  const edgeByPair = new Map<string, number>();
  const from: number[] = [];
  const to: number[] = [];
  const lengths: number[] = [];
  const roadIds: string[] = [];
  for (const s of segments) {
    const chain = [{ t: 0, p: s.a }, ...s.splits.sort((p, q) => p.t - q.t), { t: 1, p: s.b }].map((c) =>
      node(c.p),
    );
    for (let k = 1; k < chain.length; k += 1) {
      const [u, v] = [chain[k - 1] ?? 0, chain[k] ?? 0];
      if (u === v) continue;
      const key = u < v ? `${u}:${v}` : `${v}:${u}`;
      const lengthM = greatCircleM(nodes[u] ?? [0, 0], nodes[v] ?? [0, 0]);
      const seen = edgeByPair.get(key);
      if (seen !== undefined) {
        if (lengthM < (lengths[seen] ?? Infinity)) lengths[seen] = lengthM;
        continue;
      }
      edgeByPair.set(key, from.length);
      from.push(u);
      to.push(v);
      lengths.push(lengthM);
      roadIds.push(roads[s.road]?.id ?? '');
    }
  }

  const edgeFrom = Uint32Array.from(from);
  const edgeTo = Uint32Array.from(to);
  const adjStart = new Uint32Array(nodes.length + 1);
  for (let e = 0; e < from.length; e += 1) {
    adjStart[(edgeFrom[e] ?? 0) + 1] = (adjStart[(edgeFrom[e] ?? 0) + 1] ?? 0) + 1;
    adjStart[(edgeTo[e] ?? 0) + 1] = (adjStart[(edgeTo[e] ?? 0) + 1] ?? 0) + 1;
  }
  for (let n = 0; n < nodes.length; n += 1) adjStart[n + 1] = (adjStart[n + 1] ?? 0) + (adjStart[n] ?? 0);
  const adjEdge = new Uint32Array(2 * from.length);
  const fill = adjStart.slice(0, nodes.length);
  for (let e = 0; e < from.length; e += 1) {
    for (const n of [edgeFrom[e] ?? 0, edgeTo[e] ?? 0]) {
      adjEdge[fill[n] ?? 0] = e;
      fill[n] = (fill[n] ?? 0) + 1;
    }
  }

  const nodeX = Float64Array.from(nodes, (p) => toX(frame, p[0]));
  const nodeY = Float64Array.from(nodes, (p) => toY(frame, p[1]));
  let edgeIndex: Flatbush | null = null;
  if (from.length > 0) {
    edgeIndex = new Flatbush(from.length);
    for (let e = 0; e < from.length; e += 1) {
      const [u, v] = [edgeFrom[e] ?? 0, edgeTo[e] ?? 0];
      const [ax, ay, bx, by] = [nodeX[u] ?? 0, nodeY[u] ?? 0, nodeX[v] ?? 0, nodeY[v] ?? 0];
      edgeIndex.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    edgeIndex.finish();
  }

  return {
    frame,
    nodes,
    nodeX,
    nodeY,
    edgeFrom,
    edgeTo,
    edgeLengthM: Float64Array.from(lengths),
    edgeRoadId: roadIds,
    adjStart,
    adjEdge,
    component: componentsOf(nodes.length, adjStart, adjEdge, edgeFrom, edgeTo),
    edgeIndex,
  };
}

const networkCache = new WeakMap<readonly BasemapRoad[], RoadNetwork>();

/**
 * {@link buildRoadNetwork} once per roads array (kept in a WeakMap): pass the dataset's own
 * `basemap.roads`, not a copy, so every caller shares one network.
 */
export function roadNetworkFor(roads: readonly BasemapRoad[]): RoadNetwork {
  let net = networkCache.get(roads);
  if (!net) {
    net = buildRoadNetwork(roads);
    networkCache.set(roads, net);
  }
  return net;
}
