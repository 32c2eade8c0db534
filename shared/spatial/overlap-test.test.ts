import { intersect, featureCollection, polygon, area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../model/geo';
import { interiorsMeet } from './overlap-test';
import { rect } from './test-shapes';

const square = (w: number, s: number, e: number, n: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [rect(w, s, e, n)],
});
type Box = readonly [number, number, number, number];
const meet = (a: Box, b: Box): boolean => interiorsMeet(square(...a), square(...b), a, b);

describe('interiorsMeet', () => {
  it('says neighbours sharing an edge or a corner do not meet', () => {
    expect(meet([120, 30, 120.01, 30.01], [120.01, 30, 120.02, 30.01])).toBe(false);
    expect(meet([120, 30, 120.01, 30.01], [120.01, 30.01, 120.02, 30.02])).toBe(false);
    // A T-junction: the neighbour's edge covers only part of this one.
    expect(meet([120, 30, 120.02, 30.01], [120.005, 30.01, 120.01, 30.02])).toBe(false);
  });

  it('finds crossing squares, a square inside another and two equal squares', () => {
    expect(meet([120, 30, 120.01, 30.01], [120.008, 30.005, 120.02, 30.02])).toBe(true);
    expect(meet([120, 30, 120.01, 30.01], [120.002, 30.002, 120.004, 30.004])).toBe(true);
    expect(meet([120, 30, 120.01, 30.01], [120, 30, 120.01, 30.01])).toBe(true);
    // Sharing the bottom edge but reaching into each other: no edge crosses another.
    expect(meet([120, 30, 120.01, 30.01], [120.005, 30, 120.01, 30.005])).toBe(true);
  });

  it('agrees with Turf on a square over a hole of another area', () => {
    const holed: AreaGeometry = {
      type: 'Polygon',
      coordinates: [rect(120, 30, 120.03, 30.03), [...rect(120.01, 30.01, 120.02, 30.02)].reverse()],
    };
    const inHole = square(120.012, 30.012, 120.018, 30.018);
    const box: Box = [120, 30, 120.03, 30.03];
    expect(interiorsMeet(holed, inHole, box, [120.012, 30.012, 120.018, 30.018])).toBe(false);
    const acrossHole = square(120.015, 30.015, 120.025, 30.025);
    expect(interiorsMeet(holed, acrossHole, box, [120.015, 30.015, 120.025, 30.025])).toBe(true);
    const common = intersect(
      featureCollection([
        polygon(holed.coordinates as unknown as number[][][]),
        polygon(acrossHole.coordinates as unknown as number[][][]),
      ]),
    );
    expect(common && area(common)).toBeGreaterThan(0);
  });
});
