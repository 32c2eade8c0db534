import type { AreaGeometry, Ring } from '../../shared/model/geo';
import { orientSign } from '../../shared/spatial';

/** Whether (x, y) lies exactly on an edge of the ring (exact predicate, no tolerance). */
function onRing(ring: Ring, x: number, y: number): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    if (x < Math.min(ax, bx) || x > Math.max(ax, bx) || y < Math.min(ay, by) || y > Math.max(ay, by))
      continue;
    if (orientSign(ax, ay, bx, by, x, y) === 0) return true;
  }
  return false;
}

/** Whether a lon/lat point lies exactly on the boundary (any ring, holes included) of an area. */
export function onBoundary(geometry: AreaGeometry, x: number, y: number): boolean {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  return rings.some((ring) => onRing(ring, x, y));
}

export interface Agreement {
  mismatches: number;
  /** Disagreements on a point verified to lie exactly on the boundary of every grid either side named. */
  boundaryTies: number;
}

/**
 * Point-by-point agreement of another method's answers with GridDesk's. `theirs(k)` lists every grid the
 * method put point k in (empty: none). Agreement when it names exactly GridDesk's grid (or none when GridDesk
 * has none). Otherwise a boundary tie when the point lies exactly on the boundary of GridDesk's grid and of
 * every grid the other method named (they only broke the tie differently); else a mismatch, printed (first
 * ten) with `label`.
 */
export function compareAnswers(
  label: string,
  count: number,
  ours: Int32Array,
  theirs: (k: number) => readonly number[],
  lon: Float64Array,
  lat: Float64Array,
  geometries: readonly AreaGeometry[],
  codes: readonly string[],
): Agreement {
  const result: Agreement = { mismatches: 0, boundaryTies: 0 };
  for (let k = 0; k < count; k++) {
    const mine = ours[k]!;
    const other = theirs(k);
    if (other.length === (mine >= 0 ? 1 : 0) && (mine < 0 || other[0] === mine)) continue;
    const x = lon[k]!;
    const y = lat[k]!;
    const named = mine >= 0 ? [mine, ...other] : other;
    if (named.length > 0 && named.every((g) => g >= 0 && onBoundary(geometries[g]!, x, y))) {
      result.boundaryTies++;
      continue;
    }
    result.mismatches++;
    if (result.mismatches <= 10) {
      const name = (g: number): string => (g >= 0 ? (codes[g] ?? `#${g}`) : 'none');
      console.error(
        `  MISMATCH ${label} point ${k} (${x}, ${y}): GridDesk ${name(mine)}, ${label} ${other.length > 0 ? other.map(name).join('+') : 'none'}`,
      );
    }
  }
  return result;
}
