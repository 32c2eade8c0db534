import type { LonLat } from '../model/geo';
import { MinHeap } from './heap';
import type { RoadNetwork } from './network';
import { snapToNetwork, type RoadSnap } from './snap';

export interface RoadDistanceOptions {
  /**
   * Stop searching beyond this many metres (offsets included); a target further away gets null.
   * Default: no limit (the township network is small).
   */
  readonly maxMetres?: number;
}

interface Target {
  readonly index: number;
  readonly snap: RoadSnap;
  /** Best network part found so far (origin's snapped point → target's snapped point), metres. */
  best: number;
}

/**
 * Road distance in metres from `origin` to each of `targets` (WGS84 lon/lat): the walk from the origin
 * to its nearest road, along the roads, and from the road to the target, each part measured
 * great-circle. Both points join the network at their snapped points ({@link snapToNetwork}); from the
 * origin's snapped point one Dijkstra search (binary heap) runs along both directions of its edge,
 * until every target is settled or `maxMetres` is passed. A target snapped onto the origin's own edge
 * may go straight along it. Same-point → the two offsets.
 *
 * Null for a target that no road path reaches: its road lies in another connected component, it is
 * further than `maxMetres`, the network is empty, or a point is not finite. Results are in target order.
 */
export function roadDistancesFrom(
  net: RoadNetwork,
  origin: LonLat,
  targets: readonly LonLat[],
  options: RoadDistanceOptions = {},
): (number | null)[] {
  const maxMetres = options.maxMetres ?? Infinity;
  const result: (number | null)[] = targets.map(() => null);
  const from = snapToNetwork(net, origin);
  if (!from) return result;
  const { edgeFrom, edgeTo, edgeLengthM, adjStart, adjEdge, component } = net;
  const e0 = from.edge;
  const [u0, v0] = [edgeFrom[e0] ?? 0, edgeTo[e0] ?? 0];
  const len0 = edgeLengthM[e0] ?? 0;
  const originComponent = component[u0];

  /** Targets at each end node of their edge, so settling a node updates them. */
  const atNode = new Map<number, Target[]>();
  const pending: Target[] = [];
  targets.forEach((p, index) => {
    const snap = snapToNetwork(net, p);
    if (!snap || component[edgeFrom[snap.edge] ?? 0] !== originComponent) return;
    const best = snap.edge === e0 ? Math.abs(snap.t - from.t) * len0 : Infinity;
    const target: Target = { index, snap, best };
    pending.push(target);
    for (const n of [edgeFrom[snap.edge] ?? 0, edgeTo[snap.edge] ?? 0]) {
      const list = atNode.get(n);
      if (list) list.push(target);
      else atNode.set(n, [target]);
    }
  });

  const limit = maxMetres - from.offsetM;
  const dist = new Float64Array(net.nodes.length).fill(Infinity);
  const settled = new Uint8Array(net.nodes.length);
  const heap = new MinHeap();
  const reach = (n: number, d: number): void => {
    if (d < (dist[n] ?? Infinity)) {
      dist[n] = d;
      heap.push(d, n);
    }
  };
  reach(u0, from.t * len0);
  reach(v0, (1 - from.t) * len0);

  let open = pending.length;
  const done = new Set<Target>();
  while (open > 0 && heap.size > 0) {
    const top = heap.pop();
    if (!top) break;
    const { key: d, value: n } = top;
    if (settled[n] || d > (dist[n] ?? Infinity)) continue;
    if (d > limit) break;
    // Every target whose best path is no longer than d is final: anything later is at least d.
    for (const t of pending) {
      if (!done.has(t) && t.best <= d) {
        done.add(t);
        open -= 1;
      }
    }
    if (open === 0) break;
    settled[n] = 1;
    for (const t of atNode.get(n) ?? []) {
      const e = t.snap.edge;
      const along = (edgeFrom[e] === n ? t.snap.t : 1 - t.snap.t) * (edgeLengthM[e] ?? 0);
      t.best = Math.min(t.best, d + along);
    }
    for (let k = adjStart[n] ?? 0; k < (adjStart[n + 1] ?? 0); k += 1) {
      const e = adjEdge[k] ?? 0;
      const m = edgeFrom[e] === n ? (edgeTo[e] ?? 0) : (edgeFrom[e] ?? 0);
      if (!settled[m]) reach(m, d + (edgeLengthM[e] ?? 0));
    }
  }

  // A target not final when the search stopped early has best > limit, so it gets null below.
  for (const t of pending) {
    const total = from.offsetM + t.best + t.snap.offsetM;
    result[t.index] = Number.isFinite(total) && total <= maxMetres ? total : null;
  }
  return result;
}

/** {@link roadDistancesFrom} for one pair of points, metres; null when no road path joins them. */
export function roadDistance(
  net: RoadNetwork,
  a: LonLat,
  b: LonLat,
  options: RoadDistanceOptions = {},
): number | null {
  return roadDistancesFrom(net, a, [b], options)[0] ?? null;
}
