import { MinHeap } from './heap';
import type { RoadNetwork } from './network';

/**
 * The shortest road route from node `from` to node `to` of the network, as the nodes passed, both ends
 * included (Dijkstra over the edges' lengths, stopping when `to` is settled); null when no road joins
 * them. `allowed`, when given, is where the route may go: a node it refuses is never entered (the ends
 * are always allowed).
 */
export function nodePath(
  net: RoadNetwork,
  from: number,
  to: number,
  allowed?: (node: number) => boolean,
): number[] | null {
  if (from === to) return [from];
  const { edgeFrom, edgeTo, edgeLengthM, adjStart, adjEdge } = net;
  const n = net.nodes.length;
  if (from < 0 || to < 0 || from >= n || to >= n) return null;
  const dist = new Float64Array(n).fill(Infinity);
  const previous = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const heap = new MinHeap();
  dist[from] = 0;
  heap.push(0, from);
  while (heap.size > 0) {
    const top = heap.pop();
    if (!top) break;
    const { key: d, value: node } = top;
    if (settled[node] || d > (dist[node] ?? Infinity)) continue;
    settled[node] = 1;
    if (node === to) break;
    for (let k = adjStart[node] ?? 0; k < (adjStart[node + 1] ?? 0); k += 1) {
      const e = adjEdge[k] ?? 0;
      const m = edgeFrom[e] === node ? (edgeTo[e] ?? 0) : (edgeFrom[e] ?? 0);
      if (settled[m] || (m !== to && allowed !== undefined && !allowed(m))) continue;
      const next = d + (edgeLengthM[e] ?? 0);
      if (next < (dist[m] ?? Infinity)) {
        dist[m] = next;
        previous[m] = node;
        heap.push(next, m);
      }
    }
  }
  if (!settled[to]) return null;
  const path = [to];
  for (let node = to; node !== from;) {
    node = previous[node] ?? -1;
    if (node < 0) return null;
    path.push(node);
  }
  return path.reverse();
}

/** The edge joining nodes `a` and `b` (the shortest if several), or -1. */
export function edgeBetween(net: RoadNetwork, a: number, b: number): number {
  let best = -1;
  for (let k = net.adjStart[a] ?? 0; k < (net.adjStart[a + 1] ?? 0); k += 1) {
    const e = net.adjEdge[k] ?? 0;
    const other = net.edgeFrom[e] === a ? net.edgeTo[e] : net.edgeFrom[e];
    if (other === b && (best < 0 || (net.edgeLengthM[e] ?? 0) < (net.edgeLengthM[best] ?? 0))) best = e;
  }
  return best;
}
