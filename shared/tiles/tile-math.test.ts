import { describe, expect, it } from 'vitest';
import { countTiles, quadkey, tileAt, tileBox, tileCorner, tileRange, tilesIn } from './tile-math';
import type { BBox } from '../model/geo';

describe('Web Mercator tiles', () => {
  it('finds the tile of a point as the slippy-map formula gives it', () => {
    // 天安门 at zoom 10: x = (116.3975 + 180) / 360 × 1024 = 843.06; y from the Mercator row 388.07.
    expect(tileAt(116.3975, 39.9087, 10)).toEqual({ z: 10, x: 843, y: 388 });
    expect(tileAt(0, 0, 1)).toEqual({ z: 1, x: 1, y: 1 });
    expect(tileAt(-180, 85.0511, 0)).toEqual({ z: 0, x: 0, y: 0 });
    // The world's east and south edges belong to the last tile, not one past it.
    expect(tileAt(180, -90, 2)).toEqual({ z: 2, x: 3, y: 3 });
  });

  it('gives back the corners it takes', () => {
    const [lon, lat] = tileCorner(843, 388, 10);
    expect(tileAt(lon + 1e-9, lat - 1e-9, 10)).toEqual({ z: 10, x: 843, y: 388 });
    const [west, south, east, north] = tileBox({ z: 1, x: 0, y: 0 });
    expect([west, east]).toEqual([-180, 0]);
    expect(south).toBeCloseTo(0, 9);
    expect(north).toBeCloseTo(85.051128779806, 9);
  });

  // A township of about 10 × 8 km.
  const township: BBox = [119.42, 32.86, 119.53, 32.93];

  it('counts the tiles over a zoom range as the ranges multiply out', () => {
    const ranges = [12, 13, 14].map((z) => tileRange(township, z));
    const bySize = ranges.reduce((n, r) => n + (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1), 0);
    expect(countTiles(township, 12, 14)).toBe(bySize);
    // One tile at zooms 0–5 each: the township sits inside one.
    expect(countTiles(township, 0, 5)).toBe(6);
    expect(countTiles(township, 16, 16)).toBeGreaterThan(100);
    expect(() => countTiles(township, 5, 4)).toThrow(RangeError);
    expect(() => countTiles(township, 0, 23)).toThrow(RangeError);
  });

  it('lists every tile once, zoom by zoom, and resumes at the n-th', () => {
    const all = [...tilesIn(township, 10, 15)];
    expect(all).toHaveLength(countTiles(township, 10, 15));
    expect(new Set(all.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(all.length);
    for (const n of [0, 1, 7, 40, all.length - 1, all.length])
      expect([...tilesIn(township, 10, 15, n)]).toEqual(all.slice(n));
    for (const t of all) {
      const [w, s, e, n] = tileBox(t);
      expect(w < township[2] && e > township[0] && s < township[3] && n > township[1]).toBe(true);
    }
  });

  it("writes Bing's quadkeys", () => {
    // The example of Bing Maps' tile system documentation: tile (3, 5) at level 3 is 213.
    expect(quadkey({ z: 3, x: 3, y: 5 })).toBe('213');
    expect(quadkey({ z: 0, x: 0, y: 0 })).toBe('');
  });
});
