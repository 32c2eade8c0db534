import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../model/geo';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  isOutsideChina,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './coord-systems';

/** Points across mainland China, from Kashgar to Harbin and Sanya. */
const chinaPoint = fc
  .tuple(fc.double({ min: 75, max: 134, noNaN: true }), fc.double({ min: 18, max: 53, noNaN: true }))
  .map((p): LonLat => p);

function expectClose(actual: LonLat, expected: LonLat, tolerance: number): void {
  expect(Math.abs(actual[0] - expected[0])).toBeLessThan(tolerance);
  expect(Math.abs(actual[1] - expected[1])).toBeLessThan(tolerance);
}

describe('published reference values', () => {
  // The test vectors of wandergis/coordtransform (test/app.js), the reference JS implementation that
  // hutool and coordtransform-rs also test against: input (116.404, 39.915), Tiananmen, Beijing.
  const beijing: LonLat = [116.404, 39.915];

  it('moves a Beijing WGS84 point to the published GCJ-02 position', () => {
    expectClose(wgs84ToGcj02(beijing), [116.41024449916938, 39.91640428150164], 1e-9);
  });

  it('moves a Beijing GCJ-02 point to the published BD-09 position', () => {
    expectClose(gcj02ToBd09(beijing), [116.41036949371029, 39.92133699351021], 1e-9);
  });

  it('agrees with the published BD-09 → GCJ-02 closed form to within a few centimetres', () => {
    // The closed form is approximate; we refine it, so we agree to ~1e-6° (≈ 0.1 m), not exactly.
    expectClose(bd09ToGcj02(beijing), [116.39762729119315, 39.90865673957631], 1e-6);
  });

  it('agrees with the published one-step GCJ-02 → WGS84 to within a metre', () => {
    expectClose(gcj02ToWgs84(beijing), [116.39775550083061, 39.91359571849836], 1e-5);
  });
});

describe('round trips', () => {
  it('WGS84 → GCJ-02 → WGS84 comes back within 1e-7°', () => {
    fc.assert(
      fc.property(chinaPoint, (p) => {
        expectClose(gcj02ToWgs84(wgs84ToGcj02(p)), p, 1e-7);
      }),
    );
  });

  it('GCJ-02 → BD-09 → GCJ-02 comes back within 1e-7°', () => {
    fc.assert(
      fc.property(chinaPoint, (p) => {
        expectClose(bd09ToGcj02(gcj02ToBd09(p)), p, 1e-7);
      }),
    );
  });

  it('WGS84 → BD-09 → WGS84 comes back within 1e-6°', () => {
    fc.assert(
      fc.property(chinaPoint, (p) => {
        expectClose(bd09ToWgs84(wgs84ToBd09(p)), p, 1e-6);
        for (const system of ['wgs84', 'gcj02', 'bd09'] as const) {
          expectClose(toWgs84(fromWgs84(p, system), system), p, 1e-6);
        }
      }),
    );
  });

  it('the GCJ-02 offset in the sample township is a few hundred metres, not zero', () => {
    const chenghu: LonLat = [119.99, 32.86];
    const [lon, lat] = wgs84ToGcj02(chenghu);
    const dxM = (lon - chenghu[0]) * 111_320 * Math.cos((chenghu[1] * Math.PI) / 180);
    const dyM = (lat - chenghu[1]) * 110_574;
    const offsetM = Math.hypot(dxM, dyM);
    expect(offsetM).toBeGreaterThan(100);
    expect(offsetM).toBeLessThan(1000);
  });
});

describe('outside China', () => {
  const paris: LonLat = [2.3522, 48.8566];
  const sydney: LonLat = [151.2093, -33.8688];

  it('leaves the GCJ-02 offset off', () => {
    expect(isOutsideChina(paris)).toBe(true);
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(gcj02ToWgs84(sydney)).toEqual(sydney);
    expect(toWgs84(paris, 'gcj02')).toEqual(paris);
  });

  it('treats Beijing as inside', () => {
    expect(isOutsideChina([116.404, 39.915])).toBe(false);
  });
});
