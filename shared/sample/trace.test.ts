import { area, booleanClockwise, kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Ring } from '../model/geo';
import { createLocalFrame } from './local-frame';
import { createMesh } from './mesh';
import { createRng } from './random';
import { cellKey, traceCells } from './trace';
import { asTurfArea } from './turf-geometry';

const frame = createLocalFrame([120, 32.5]);
const lines = (n: number): number[] => Array.from({ length: n + 1 }, (_, k) => k * 500);
const mesh = createMesh(
  { xs: lines(4), ys: lines(4), jitter: 0.2, edgeVertices: [3, 6], wiggle: 0.045 },
  frame,
  createRng(3),
);
const cells = (pairs: [number, number][]): Set<number> => new Set(pairs.map(([i, j]) => cellKey(mesh, i, j)));
const polygons = (g: AreaGeometry): readonly (readonly Ring[])[] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

describe('traceCells', () => {
  it('outlines a block of cells as one counter-clockwise polygon whose area is the sum of its cells', () => {
    const block = traceCells(
      mesh,
      cells([
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]),
    );
    const parts = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ].map(([i, j]) => area(asTurfArea(traceCells(mesh, cells([[i as number, j as number]])))));
    expect(block.type).toBe('Polygon');
    expect(booleanClockwise((polygons(block)[0]?.[0] ?? []) as unknown as number[][])).toBe(false);
    expect(area(asTurfArea(block))).toBeCloseTo(
      parts.reduce((s, a) => s + a, 0),
      0,
    );
  });

  it('splits cells touching only at a corner into two simple polygons', () => {
    const pinch = traceCells(
      mesh,
      cells([
        [0, 0],
        [1, 1],
      ]),
    );
    expect(pinch.type).toBe('MultiPolygon');
    expect(polygons(pinch)).toHaveLength(2);
    for (const p of polygons(pinch))
      expect(kinks({ type: 'Polygon', coordinates: p as unknown as number[][][] }).features).toHaveLength(0);
  });

  it('keeps a hole as a clockwise inner ring of the ring around it', () => {
    const ringCells: [number, number][] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== 1 || j !== 1) ringCells.push([i, j]);
    const donut = traceCells(mesh, cells(ringCells));
    expect(donut.type).toBe('Polygon');
    const rings = polygons(donut)[0] as readonly Ring[];
    expect(rings).toHaveLength(2);
    expect(booleanClockwise(rings[1] as unknown as number[][])).toBe(true);
    const hole = area(asTurfArea(traceCells(mesh, cells([[1, 1]]))));
    const full = area(asTurfArea(traceCells(mesh, cells([...ringCells, [1, 1]]))));
    expect(area(asTurfArea(donut))).toBeCloseTo(full - hole, 0);
  });

  it('refuses an empty set', () => {
    expect(() => traceCells(mesh, new Set())).toThrow(RangeError);
  });
});
