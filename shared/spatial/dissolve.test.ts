import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { asGeoJson, type AreaGeometry } from '../model/geo';
import { dissolveAreas } from './dissolve';
import { rect, readSampleTownship } from './test-shapes';

const square = (w: number, s: number, e: number, n: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [rect(w, s, e, n)],
});
const m2 = (g: AreaGeometry | null): number => (g === null ? 0 : area(asGeoJson(g)));

describe('dissolveAreas', () => {
  it('joins a 2×2 tiling into one square ring', () => {
    const merged = dissolveAreas([
      square(120, 30, 120.01, 30.01),
      square(120.01, 30, 120.02, 30.01),
      square(120, 30.01, 120.01, 30.02),
      square(120.01, 30.01, 120.02, 30.02),
    ]);
    expect(merged?.type).toBe('Polygon');
    if (merged?.type !== 'Polygon') return;
    expect(merged.coordinates).toHaveLength(1);
    expect(m2(merged)).toBeCloseTo(m2(square(120, 30, 120.02, 30.02)), 0);
  });

  it('keeps the ground enclosed by eight squares as a hole', () => {
    const cells: AreaGeometry[] = [];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        if (i !== 1 || j !== 1)
          cells.push(square(120 + i * 0.01, 30 + j * 0.01, 120.01 + i * 0.01, 30.01 + j * 0.01));
    const merged = dissolveAreas(cells);
    expect(merged?.type).toBe('Polygon');
    if (merged?.type !== 'Polygon') return;
    expect(merged.coordinates).toHaveLength(2);
    expect(m2(merged)).toBeCloseTo(
      m2(square(120, 30, 120.03, 30.03)) - m2(square(120.01, 30.01, 120.02, 30.02)),
      -1,
    );
  });

  it('cuts an edge at a neighbour’s vertex (a T-junction) and joins across it', () => {
    // One wide square below two narrow ones: the top edge of the wide one has the narrow ones' corner in its middle.
    const merged = dissolveAreas([
      square(120, 30, 120.02, 30.01),
      square(120, 30.01, 120.01, 30.02),
      square(120.01, 30.01, 120.02, 30.02),
    ]);
    expect(merged?.type).toBe('Polygon');
    expect(m2(merged)).toBeCloseTo(m2(square(120, 30, 120.02, 30.02)), 0);
  });

  it('gives apart areas as the parts of a multi-polygon', () => {
    const merged = dissolveAreas([square(120, 30, 120.01, 30.01), square(121, 30, 121.01, 30.01)]);
    expect(merged?.type).toBe('MultiPolygon');
  });

  it('keeps an island in a hole as a part of its own', () => {
    const ring: AreaGeometry[] = [];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        if (i !== 1 || j !== 1)
          ring.push(square(120 + i * 0.01, 30 + j * 0.01, 120.01 + i * 0.01, 30.01 + j * 0.01));
    const island = square(120.013, 30.013, 120.017, 30.017);
    const merged = dissolveAreas([...ring, island]);
    expect(merged?.type).toBe('MultiPolygon');
    if (merged?.type !== 'MultiPolygon') return;
    expect(merged.coordinates.map((p) => p.length)).toEqual([2, 1]);
    expect(m2(merged)).toBeCloseTo(
      m2(square(120, 30, 120.03, 30.03)) - m2(square(120.01, 30.01, 120.02, 30.02)) + m2(island),
      -1,
    );
  });

  it('dissolves the sample township’s grids into its boundary', async () => {
    const township = await readSampleTownship();
    const merged = dissolveAreas(township.grids.map((g) => g.geometry));
    expect(m2(merged)).toBeCloseTo(township.township.areaM2, -2);
    expect(merged?.type).toBe('Polygon');
  });
});
