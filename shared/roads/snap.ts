import type { LonLat } from '../model/geo';
import { fromXY, greatCircleM, toX, toY } from './frame';
import type { RoadNetwork } from './network';

/** Where a point joins the road network: the nearest point of the nearest edge. */
export interface RoadSnap {
  /** The edge snapped onto. */
  readonly edge: number;
  /** Position along the edge: 0 at `edgeFrom`, 1 at `edgeTo`. */
  readonly t: number;
  /** The snapped point, WGS84 lon/lat degrees. */
  readonly point: LonLat;
  /** Great-circle distance from the point to the road (the walk to the road), metres. */
  readonly offsetM: number;
}

interface Nearest {
  readonly edge: number;
  readonly t: number;
  readonly d2: number;
}

/** Squared planar distance from (px, py) to edge `e` and the parameter of the nearest point. */
function project(net: RoadNetwork, e: number, px: number, py: number): { t: number; d2: number } {
  const [u, v] = [net.edgeFrom[e] ?? 0, net.edgeTo[e] ?? 0];
  const [ax, ay] = [net.nodeX[u] ?? 0, net.nodeY[u] ?? 0];
  const [rx, ry] = [(net.nodeX[v] ?? 0) - ax, (net.nodeY[v] ?? 0) - ay];
  const len2 = rx * rx + ry * ry;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * rx + (py - ay) * ry) / len2));
  const [dx, dy] = [ax + t * rx - px, ay + t * ry - py];
  return { t, d2: dx * dx + dy * dy };
}

/**
 * The nearest point on any road of the network to `point` (WGS84 lon/lat), found with the edge index
 * and projected onto the edge in the network's local metric frame; null when the network has no edge
 * or the point is not finite. A tie between edges goes to the lower edge number, so the result is
 * deterministic. The offset is the great-circle distance from the point to the snapped point.
 */
export function snapToNetwork(net: RoadNetwork, point: LonLat): RoadSnap | null {
  const index = net.edgeIndex;
  if (!index || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return null;
  const px = toX(net.frame, point[0]);
  const py = toY(net.frame, point[1]);
  const nearest = (edges: readonly number[], seed: Nearest | null): Nearest | null => {
    let best = seed;
    for (const e of edges) {
      const { t, d2 } = project(net, e, px, py);
      if (!best || d2 < best.d2 || (d2 === best.d2 && e < best.edge)) best = { edge: e, t, d2 };
    }
    return best;
  };
  // A few nearest boxes give an upper bound; every edge whose box is within it may still be nearer.
  const first = nearest(index.neighbors(px, py, 4), null);
  if (!first) return null;
  const best = nearest(index.neighbors(px, py, Infinity, Math.sqrt(first.d2) + 1e-9), first) ?? first;
  const { edge, t } = best;
  const [u, v] = [net.edgeFrom[edge] ?? 0, net.edgeTo[edge] ?? 0];
  const x = (net.nodeX[u] ?? 0) + t * ((net.nodeX[v] ?? 0) - (net.nodeX[u] ?? 0));
  const y = (net.nodeY[u] ?? 0) + t * ((net.nodeY[v] ?? 0) - (net.nodeY[u] ?? 0));
  const snapped =
    t === 0
      ? (net.nodes[u] ?? fromXY(net.frame, x, y))
      : t === 1
        ? (net.nodes[v] ?? fromXY(net.frame, x, y))
        : fromXY(net.frame, x, y);
  return { edge, t, point: snapped, offsetM: greatCircleM(point, snapped) };
}
