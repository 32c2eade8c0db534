import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orientSign } from './orient';

describe('orientSign', () => {
  it('is exactly zero for points exactly on the line', () => {
    for (let k = 1; k < 40; k++) {
      const t = 2 ** -k;
      expect(orientSign(0, 0, 3, 1, 3 * t, t)).toBe(0);
      expect(orientSign(120, 30, 120.5, 30.25, 120 + 0.5 * t, 30 + 0.25 * t)).toBe(0);
    }
  });

  it('is antisymmetric and cyclic even for nearly collinear points, where a float determinant is not', () => {
    const coord = fc.double({ min: 119, max: 121, noNaN: true });
    fc.assert(
      fc.property(
        coord,
        coord,
        coord,
        coord,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ax, ay, bx, by, t) => {
          // p rounded onto (very nearly) the line a → b.
          const px = ax + (bx - ax) * t;
          const py = ay + (by - ay) * t;
          const s = orientSign(ax, ay, bx, by, px, py);
          expect(orientSign(bx, by, ax, ay, px, py)).toBe(-s || 0);
          expect(orientSign(bx, by, px, py, ax, ay)).toBe(s);
          expect(orientSign(px, py, ax, ay, bx, by)).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tells left from right', () => {
    expect(orientSign(0, 0, 1, 0, 0.5, 1e-300)).toBe(1);
    expect(orientSign(0, 0, 1, 0, 0.5, -1e-300)).toBe(-1);
  });
});
