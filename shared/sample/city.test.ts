import { bbox, booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Ring } from '../model/geo';
import { generateIncidentPoints } from './incident-points';
import { generateTownship } from './township';
import { asTurfArea } from './turf-geometry';

describe('city scale', () => {
  it('lays out about 7,000 grids of 50–300 vertices, without basemap detail or cases, in seconds', () => {
    const started = performance.now();
    const city = generateTownship({ seed: 5, scale: 'city' });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(city.grids.length).toBeGreaterThanOrEqual(6800);
    expect(city.grids.length).toBeLessThanOrEqual(7300);
    for (const g of city.grids) {
      const n = (g.geometry.coordinates[0] as Ring).length;
      expect(n).toBeGreaterThanOrEqual(50);
      expect(n).toBeLessThanOrEqual(300);
    }
    expect(new Set(city.grids.map((g) => g.code)).size).toBe(city.grids.length);
    const sum = city.grids.reduce((s, g) => s + g.areaM2, 0);
    expect(Math.abs(sum - city.township.areaM2) / city.township.areaM2).toBeLessThan(0.001);
    expect(city.cases).toHaveLength(0);
    expect(city.basemap.roads).toHaveLength(0);
  });
});

describe('generateIncidentPoints', () => {
  it('yields a million points as typed arrays, fast, mostly inside the township, the same for the same seed', () => {
    const town = generateTownship({ seed: 9, scale: 'township' });
    const started = performance.now();
    const points = generateIncidentPoints(town, 1_000_000, 1);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(points.lon).toBeInstanceOf(Float64Array);
    expect(points.lon.length).toBe(1_000_000);
    expect(points.lat.length).toBe(1_000_000);
    const [w, s, e, n] = bbox(asTurfArea(town.township.boundary));
    let inside = 0;
    for (let k = 0; k < 2000; k++) {
      const lon = points.lon[k] as number;
      const lat = points.lat[k] as number;
      if (booleanPointInPolygon([lon, lat], asTurfArea(town.township.boundary))) inside++;
      if (k % 2 === 0)
        expect(lon >= w - 0.05 && lon <= e + 0.05 && lat >= s - 0.05 && lat <= n + 0.05).toBe(true);
    }
    expect(inside / 2000).toBeGreaterThan(0.7);
    expect(generateIncidentPoints(town, 1000, 1)).toEqual(generateIncidentPoints(town, 1000, 1));
    expect(generateIncidentPoints(town, 1000, 2).lon).not.toEqual(generateIncidentPoints(town, 1000, 1).lon);
  });

  it('accepts a bounding box and keeps uniform points inside it', () => {
    const box = [120, 32, 120.5, 32.4] as const;
    const points = generateIncidentPoints(box, 10_000, 3);
    expect(points.lon.length).toBe(10_000);
    const within = points.lon.filter(
      (lon, k) =>
        lon >= 120 && lon <= 120.5 && (points.lat[k] as number) >= 32 && (points.lat[k] as number) <= 32.4,
    );
    expect(within.length / 10_000).toBeGreaterThan(0.9);
  });
});
