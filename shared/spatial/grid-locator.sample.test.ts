import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { asGeoJson } from '../model/geo';
import { createRng } from '../sample/random';
import { MIXED_BASE, readMixedRecord } from './cell-raster';
import { GridLocator } from './grid-locator';
import { readSampleTownship } from './test-shapes';

const dataset = await readSampleTownship();

describe('GridLocator on the committed sample township', () => {
  const grids = dataset.grids;
  const locator = new GridLocator(grids);
  const shapes = grids.map((g) => asGeoJson(g.geometry) as Polygon | MultiPolygon);
  const boxes = shapes.map((s) => bbox(s));
  const township = asGeoJson(dataset.township.boundary) as Polygon | MultiPolygon;

  it('agrees with Turf brute force on 100,000 random points, each township point in exactly one grid', () => {
    const [w, s, e, n] = bbox(township);
    const rng = createRng(20261101);
    const count = 100_000;
    const lon = new Float64Array(count);
    const lat = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      lon[k] = w! + (e! - w!) * rng.next();
      lat[k] = s! + (n! - s!) * rng.next();
    }
    const out = new Int32Array(count);
    const settled = locator.locateMany(lon, lat, out);
    let inside = 0;
    let onBoundary = 0;
    for (let k = 0; k < count; k++) {
      const pt = [lon[k] as number, lat[k] as number];
      // Turf with the boundary included: every grid touching the point.
      const touching: number[] = [];
      const strictly: number[] = [];
      for (let g = 0; g < shapes.length; g++) {
        const b = boxes[g]!;
        if (pt[0]! < b[0]! || pt[0]! > b[2]! || pt[1]! < b[1]! || pt[1]! > b[3]!) continue;
        if (!booleanPointInPolygon(pt, shapes[g]!)) continue;
        touching.push(g);
        if (booleanPointInPolygon(pt, shapes[g]!, { ignoreBoundary: true })) strictly.push(g);
      }
      expect(strictly.length).toBeLessThanOrEqual(1);
      if (strictly.length === 1) {
        inside++;
        expect(out[k]).toBe(strictly[0]);
      } else if (touching.length > 0) {
        // Exactly on an edge (random doubles almost never are): ours must be one of the touching grids or,
        // on the township's east/north boundary, none.
        onBoundary++;
        if ((out[k] as number) >= 0) expect(touching).toContain(out[k]);
      } else {
        expect(out[k]).toBe(-1);
      }
      if (k % 10 === 0) expect(locator.indexOf(pt[0]!, pt[1]!)).toBe(out[k]);
    }
    // The sample's grids tile its township: points strictly inside the boundary all got a grid.
    expect(inside).toBeGreaterThan(count * 0.5);
    expect(onBoundary).toBeLessThan(10);
    expect(settled).toBeGreaterThan(count * 0.5);
  });

  it('gives every sample grid vertex exactly one grid when it lies strictly inside the township', () => {
    const singles = grids.map((g) => new GridLocator([g]));
    let checked = 0;
    for (const grid of grids) {
      const rings =
        grid.geometry.type === 'Polygon' ? grid.geometry.coordinates : grid.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let k = 0; k < ring.length; k += 7) {
          const [lon, lat] = ring[k]!;
          if (!booleanPointInPolygon([lon, lat], township, { ignoreBoundary: true })) continue;
          const holders = singles.filter((one) => one.indexOf(lon, lat) === 0).length;
          expect(holders).toBe(1);
          const out = new Int32Array(1);
          locator.locateMany(Float64Array.of(lon), Float64Array.of(lat), out);
          expect(out[0]).toBe(locator.indexOf(lon, lat));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('settles points in mixed cells by rays cast east and west exactly as the polygon test does', () => {
    // Every vertex of every grid, and points a quarter and half along each edge, at a fine raster so that
    // they fall in many different mixed cells; each must get the reference path's answer.
    const fine = new GridLocator(grids, { cellM: 8 });
    const raster = fine.raster!;
    const lons: number[] = [];
    const lats: number[] = [];
    for (const grid of grids) {
      const rings =
        grid.geometry.type === 'Polygon' ? grid.geometry.coordinates : grid.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [ax, ay] = ring[k]!;
          const [bx, by] = ring[k + 1]!;
          for (const t of [0, 0.25, 0.5]) {
            lons.push(ax + (bx - ax) * t);
            lats.push(ay + (by - ay) * t);
          }
        }
      }
    }
    const out = new Int32Array(lons.length);
    const settled = fine.locateMany(Float64Array.from(lons), Float64Array.from(lats), out);
    expect(settled).toBeLessThan(lons.length / 2);
    let mismatches = 0;
    for (let k = 0; k < lons.length; k++) if (out[k] !== fine.indexOf(lons[k]!, lats[k]!)) mismatches++;
    expect(mismatches).toBe(0);
    // Both ray directions were used by the mixed cells these points fell in.
    const directions = new Set<boolean>();
    for (let k = 0; k < lons.length; k++) {
      const col = Math.floor((lons[k]! - raster.west) * raster.scaleX);
      const row = Math.floor((lats[k]! - raster.south) * raster.scaleY);
      if (col < 0 || col >= raster.nx || row < 0 || row >= raster.ny) continue;
      const v = raster.cells[row * raster.nx + col]!;
      if (v > MIXED_BASE) continue;
      for (const candidate of readMixedRecord(raster.mixed, MIXED_BASE - v).candidates)
        directions.add(candidate.westward);
    }
    expect([...directions].sort()).toEqual([false, true]);
  });
});
