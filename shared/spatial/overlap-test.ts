/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import type { AreaGeometry } from '../model/geo';
import { orientSign } from './orient';

/**
 * Whether two areas share ground (their interiors meet), decided exactly from their edges without an
 * overlay library, so that the overlap check of a grid set computes an intersection (slow) only for
 * the pairs that really overlap, not for every pair of neighbours sharing a border.
 *
 * Each ring is taken with its interior on its left. The interiors of A and B meet exactly when an edge
 * of one properly crosses an edge of the other, or a piece of an edge of one (cut at the other's
 * vertices lying on it) runs inside the other, or runs along an edge of the other in the same
 * direction (both interiors on the same side). Pieces along an opposite edge are a shared border.
 * Orientation is judged by orientSign (no rounding); only "inside" for the middle of a piece is a
 * floating-point ray test, which can err only for a piece within rounding of the other's boundary.
 */

/** Whether a point off the area's boundary lies inside it. */
export type PointTest = (lon: number, lat: number) => boolean;

interface Edges {
  /** ax, ay, bx, by per edge, interior on the left. */
  readonly xy: number[];
}

function signedArea2(ring: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [ax, ay] = ring[k]!;
    const [bx, by] = ring[k + 1]!;
    sum += ax * by - bx * ay;
  }
  return sum;
}

/** The edges of an area touching the box [w, s, e, n], directed with the interior on the left. */
function edgesIn(geometry: AreaGeometry, w: number, s: number, e: number, n: number): Edges {
  const xy: number[] = [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const forward = signedArea2(ring) > 0 === (r === 0);
      for (let k = 0; k + 1 < ring.length; k++) {
        const p = ring[k]!;
        const q = ring[k + 1]!;
        if (Math.max(p[0], q[0]) < w || Math.min(p[0], q[0]) > e) continue;
        if (Math.max(p[1], q[1]) < s || Math.min(p[1], q[1]) > n) continue;
        if (p[0] === q[0] && p[1] === q[1]) continue;
        if (forward) xy.push(p[0], p[1], q[0], q[1]);
        else xy.push(q[0], q[1], p[0], p[1]);
      }
    });
  }
  return { xy };
}

/** Even–odd ray test over every ring; the caller asks only for points off the boundary. */
function strictlyInside(geometry: AreaGeometry, px: number, py: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const [ax, ay] = ring[k]!;
        const [bx, by] = ring[k + 1]!;
        if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
      }
    }
  }
  return inside;
}

function properlyCross(a: Edges, b: Edges): boolean {
  const p = a.xy;
  const q = b.xy;
  for (let i = 0; i < p.length; i += 4) {
    const ax = p[i]!;
    const ay = p[i + 1]!;
    const bx = p[i + 2]!;
    const by = p[i + 3]!;
    for (let j = 0; j < q.length; j += 4) {
      const cx = q[j]!;
      const cy = q[j + 1]!;
      const dx = q[j + 2]!;
      const dy = q[j + 3]!;
      if (Math.max(cx, dx) < Math.min(ax, bx) || Math.min(cx, dx) > Math.max(ax, bx)) continue;
      if (Math.max(cy, dy) < Math.min(ay, by) || Math.min(cy, dy) > Math.max(ay, by)) continue;
      // Edges with a common end cannot cross properly.
      if ((cx === ax && cy === ay) || (cx === bx && cy === by)) continue;
      if ((dx === ax && dy === ay) || (dx === bx && dy === by)) continue;
      const c = orientSign(ax, ay, bx, by, cx, cy);
      const d = orientSign(ax, ay, bx, by, dx, dy);
      if (c * d >= 0) continue;
      const a1 = orientSign(cx, cy, dx, dy, ax, ay);
      const b1 = orientSign(cx, cy, dx, dy, bx, by);
      if (a1 * b1 < 0) return true;
    }
  }
  return false;
}

/** Whether some piece of an edge of `a` lies inside `other`, or along an edge of `b` in the same direction. */
function piecesMeet(a: Edges, b: Edges, inside: PointTest): boolean {
  const p = a.xy;
  const q = b.xy;
  const cuts: number[] = [];
  for (let i = 0; i < p.length; i += 4) {
    const ax = p[i]!;
    const ay = p[i + 1]!;
    const bx = p[i + 2]!;
    const by = p[i + 3]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    // The common case first: the same edge in the other area, reversed (a shared border) or not.
    let twin = 0;
    for (let j = 0; j < q.length; j += 4) {
      if (q[j] === bx && q[j + 1] === by && q[j + 2] === ax && q[j + 3] === ay) twin = -1;
      else if (q[j] === ax && q[j + 1] === ay && q[j + 2] === bx && q[j + 3] === by) return true;
    }
    if (twin === -1) continue;
    cuts.length = 0;
    cuts.push(0, 1);
    for (let j = 0; j < q.length; j += 2) {
      const wx = q[j]!;
      const wy = q[j + 1]!;
      if (wx < Math.min(ax, bx) || wx > Math.max(ax, bx) || wy < Math.min(ay, by) || wy > Math.max(ay, by))
        continue;
      if ((wx === ax && wy === ay) || (wx === bx && wy === by)) continue;
      if (orientSign(ax, ay, bx, by, wx, wy) !== 0) continue;
      const t = ((wx - ax) * dx + (wy - ay) * dy) / len2;
      if (t > 0 && t < 1) cuts.push(t);
    }
    cuts.sort((x, y) => x - y);
    for (let c = 0; c + 1 < cuts.length; c++) {
      const t0 = cuts[c]!;
      const t1 = cuts[c + 1]!;
      if (t1 === t0) continue;
      const mx = ax + ((t0 + t1) / 2) * dx;
      const my = ay + ((t0 + t1) / 2) * dy;
      let along = 0;
      for (let j = 0; j < q.length && along === 0; j += 4) {
        const cx = q[j]!;
        const cy = q[j + 1]!;
        const ex = q[j + 2]!;
        const ey = q[j + 3]!;
        if (Math.max(cx, ex) < mx || Math.min(cx, ex) > mx) continue;
        if (Math.max(cy, ey) < my || Math.min(cy, ey) > my) continue;
        if (cx === bx && cy === by && ex === ax && ey === ay) {
          along = -1;
          break;
        }
        if (cx === ax && cy === ay && ex === bx && ey === by) {
          along = 1;
          break;
        }
        if (orientSign(cx, cy, ex, ey, ax, ay) !== 0 || orientSign(cx, cy, ex, ey, bx, by) !== 0) continue;
        const fx = ex - cx;
        const fy = ey - cy;
        const s = ((mx - cx) * fx + (my - cy) * fy) / (fx * fx + fy * fy);
        if (s > 0 && s < 1) along = fx * dx + fy * dy > 0 ? 1 : -1;
      }
      if (along === 1) return true;
      if (along === 0 && inside(mx, my)) return true;
    }
  }
  return false;
}

/**
 * True when the interiors of `a` and `b` (lon/lat degrees, valid rings) meet; false when the areas
 * are apart or only share borders or corners. `boxA`, `boxB` are their [west, south, east, north];
 * `insideA`, `insideB` may be a faster point-in-area test (it is asked only about points off the
 * boundary), by default a ray test over every ring.
 */
export function interiorsMeet(
  a: AreaGeometry,
  b: AreaGeometry,
  boxA: readonly [number, number, number, number],
  boxB: readonly [number, number, number, number],
  insideA: PointTest = (x, y) => strictlyInside(a, x, y),
  insideB: PointTest = (x, y) => strictlyInside(b, x, y),
): boolean {
  const w = Math.max(boxA[0], boxB[0]);
  const s = Math.max(boxA[1], boxB[1]);
  const e = Math.min(boxA[2], boxB[2]);
  const n = Math.min(boxA[3], boxB[3]);
  if (!(e > w && n > s)) return false;
  const ea = edgesIn(a, w, s, e, n);
  const eb = edgesIn(b, w, s, e, n);
  if (properlyCross(ea, eb)) return true;
  return piecesMeet(ea, eb, insideB) || piecesMeet(eb, ea, insideA);
}
