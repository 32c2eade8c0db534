/**
 * The sign of the orientation determinant, exact for every pair of doubles.
 *
 * The boundary rule of the grid locator ("a point on a shared edge goes to exactly one grid") holds only
 * if both grids sharing an edge see the same side of it for the same point. A plain floating-point
 * determinant can round to the wrong sign for points within ~1e-16 of an edge; this predicate first runs
 * Shewchuk's fast filter and, in the rare uncertain case, recomputes the determinant exactly with BigInt.
 */

/** Shewchuk's ccwerrboundA = (3 + 16ε)ε with ε = 2^-53. */
const ERR_BOUND = (3 + 16 * 2 ** -53) * 2 ** -53;

const view = new DataView(new ArrayBuffer(8));

/** x = mantissa · 2^exponent, exactly. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = expBits === 0 ? fraction : fraction | 0x10000000000000n;
  return { mantissa: negative ? -mantissa : mantissa, exponent: expBits === 0 ? -1074 : expBits - 1075 };
}

function exactSign(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const parts = [ax, ay, bx, by, px, py].map(decompose);
  let minExp = Infinity;
  for (const p of parts) if (p.mantissa !== 0n && p.exponent < minExp) minExp = p.exponent;
  if (minExp === Infinity) return 0;
  const [a, b, c, d, e, f] = parts.map((p) => p.mantissa << BigInt(p.exponent - minExp)) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const det = (c - a) * (f - b) - (d - b) * (e - a);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

/**
 * Sign of (b − a) × (p − a): +1 when p lies strictly left of the directed line a → b, −1 strictly right,
 * 0 exactly on it. Exact for all finite doubles (no rounding), fast for points not extremely close to
 * the line. Coordinates are any planar pair (here lon, lat degrees).
 */
export function orientSign(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const detLeft = (bx - ax) * (py - ay);
  const detRight = (by - ay) * (px - ax);
  // A product is exactly 0 only when a difference is, i.e. two coordinates are equal: det is 0 exactly.
  if (detLeft === 0 && detRight === 0) return 0;
  const det = detLeft - detRight;
  const bound = ERR_BOUND * (Math.abs(detLeft) + Math.abs(detRight));
  if (det > bound) return 1;
  if (det < -bound) return -1;
  return exactSign(ax, ay, bx, by, px, py);
}
