import type { Rng } from './random';

/** A point in the local metre plane (east, north). */
export type Xy = readonly [number, number];

/**
 * A path through the waypoints with gentle, random bends: each leg is cut into pieces of about `stepM`
 * metres and pushed sideways by up to `bend` × the leg's length, tapering to zero at the waypoints.
 */
export function bendyPath(waypoints: readonly Xy[], stepM: number, bend: number, rng: Rng): Xy[] {
  const out: Xy[] = [waypoints[0] as Xy];
  for (let w = 1; w < waypoints.length; w++) {
    const a = waypoints[w - 1] as Xy;
    const b = waypoints[w] as Xy;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const length = Math.hypot(dx, dy);
    const n = Math.max(1, Math.round(length / stepM));
    const amp1 = rng.range(-1, 1) * bend * length;
    const amp2 = rng.range(-0.35, 0.35) * bend * length;
    const phase = rng.range(0, Math.PI);
    for (let k = 1; k <= n; k++) {
      const t = k / n;
      const off = Math.sin(Math.PI * t) * (amp1 + amp2 * Math.sin(3 * Math.PI * t + phase));
      out.push([a[0] + dx * t - (dy / length) * off, a[1] + dy * t + (dx / length) * off]);
    }
  }
  return out;
}

/**
 * A closed, counter-clockwise blob (ellipse with lobes) around a centre: radii in metres, rotation in radians.
 * Lobes stay small enough that the radius never folds back, so the ring is simple.
 */
export function blob(centre: Xy, rx: number, ry: number, rotation: number, vertices: number, rng: Rng): Xy[] {
  const lobes = [2, 3, 5].map((k) => ({ k, a: rng.range(0, 0.12), p: rng.range(0, 2 * Math.PI) }));
  const ring: Xy[] = [];
  for (let v = 0; v < vertices; v++) {
    const t = (2 * Math.PI * v) / vertices;
    const r = 1 + lobes.reduce((s, l) => s + l.a * Math.sin(l.k * t + l.p), 0) + rng.range(-0.03, 0.03);
    const x = rx * r * Math.cos(t);
    const y = ry * r * Math.sin(t);
    ring.push([
      centre[0] + x * Math.cos(rotation) - y * Math.sin(rotation),
      centre[1] + x * Math.sin(rotation) + y * Math.cos(rotation),
    ]);
  }
  ring.push(ring[0] as Xy);
  return ring;
}

export function pathLength(path: readonly Xy[]): number {
  let s = 0;
  for (let k = 1; k < path.length; k++) {
    s += Math.hypot((path[k] as Xy)[0] - (path[k - 1] as Xy)[0], (path[k] as Xy)[1] - (path[k - 1] as Xy)[1]);
  }
  return s;
}

/** A uniformly random point along a path (by length). */
export function pointAlong(path: readonly Xy[], rng: Rng): Xy {
  let target = rng.next() * pathLength(path);
  for (let k = 1; k < path.length; k++) {
    const a = path[k - 1] as Xy;
    const b = path[k] as Xy;
    const seg = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (target <= seg && seg > 0)
      return [a[0] + ((b[0] - a[0]) * target) / seg, a[1] + ((b[1] - a[1]) * target) / seg];
    target -= seg;
  }
  return path[path.length - 1] as Xy;
}

/** The vertex of the paths nearest to a point, with its distance in metres. */
export function nearestVertex(paths: readonly (readonly Xy[])[], p: Xy): { point: Xy; distance: number } {
  let best: Xy = p;
  let bestD = Infinity;
  for (const path of paths) {
    for (const q of path) {
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d < bestD) {
        bestD = d;
        best = q;
      }
    }
  }
  return { point: best, distance: bestD };
}

/** A point at a random bearing and a normally distributed distance (σ metres) around a centre. */
export function scatter(centre: Xy, sigma: number, rng: Rng): Xy {
  return [centre[0] + rng.normal() * sigma, centre[1] + rng.normal() * sigma];
}
