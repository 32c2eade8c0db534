import { parseShp } from 'shpjs';
import { describe, expect, it } from 'vitest';
import { writeShp } from './shp';

// A square with a square hole, wound as RFC 7946 has it (outer counter-clockwise, hole clockwise).
const square: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 31],
      [120.01, 31],
      [120.01, 31.01],
      [120, 31.01],
      [120, 31],
    ],
    [
      [120.002, 31.002],
      [120.002, 31.004],
      [120.004, 31.004],
      [120.004, 31.002],
      [120.002, 31.002],
    ],
  ],
};

/** Twice the signed area of the part `p` of record content starting at `at` (positive: counter-clockwise). */
function partArea(shp: DataView, record: number, part: number): number {
  const content = record + 8;
  const parts = shp.getInt32(content + 36, true);
  const points = shp.getInt32(content + 40, true);
  const start = shp.getInt32(content + 44 + 4 * part, true);
  const end = part + 1 < parts ? shp.getInt32(content + 48 + 4 * part, true) : points;
  const xy = (i: number) => {
    const at = content + 44 + 4 * parts + 16 * i;
    return [shp.getFloat64(at, true), shp.getFloat64(at + 8, true)] as const;
  };
  let sum = 0;
  for (let i = start; i + 1 < end; i++) sum += xy(i)[0] * xy(i + 1)[1] - xy(i + 1)[0] * xy(i)[1];
  return sum;
}

describe('the .shp and .shx', () => {
  it('have the big-endian file code and length and the little-endian version, type and box', () => {
    const { shp, shx } = writeShp('polygon', [square]);
    const view = new DataView(shp.buffer);
    expect(view.getInt32(0, false)).toBe(9994);
    expect(view.getInt32(24, false) * 2).toBe(shp.length);
    expect(view.getInt32(28, true)).toBe(1000);
    expect(view.getInt32(32, true)).toBe(5);
    expect([36, 44, 52, 60].map((at) => view.getFloat64(at, true))).toEqual([120, 31, 120.01, 31.01]);
    const index = new DataView(shx.buffer);
    expect(index.getInt32(24, false) * 2).toBe(shx.length);
    expect(index.getInt32(100, false)).toBe(50); // the first record starts at byte 100
    expect(index.getInt32(104, false)).toBe(view.getInt32(104, false));
  });

  it('wind outer rings clockwise and holes counter-clockwise, whichever way the input winds them', () => {
    const reversed: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: square.coordinates.map((ring) => [...ring].reverse()),
    };
    for (const polygon of [square, reversed]) {
      const view = new DataView(writeShp('polygon', [polygon]).shp.buffer);
      expect(partArea(view, 100, 0)).toBeLessThan(0);
      expect(partArea(view, 100, 1)).toBeGreaterThan(0);
    }
  });

  it('read back with shpjs as the same shapes, a missing geometry as a Null shape', () => {
    const line: GeoJSON.LineString = {
      type: 'LineString',
      coordinates: [
        [120, 31],
        [120.5, 31.5],
      ],
    };
    const { shp: lines } = writeShp('line', [line, null]);
    // shpjs gives each shape the bounding box its record holds.
    expect(parseShp(lines, false)).toEqual([{ ...line, bbox: [120, 31, 120.5, 31.5] }, null]);
    const { shp: points } = writeShp('point', [{ type: 'Point', coordinates: [120.1, 31.2] }]);
    expect(parseShp(points, false)).toEqual([{ type: 'Point', coordinates: [120.1, 31.2] }]);
  });
});
