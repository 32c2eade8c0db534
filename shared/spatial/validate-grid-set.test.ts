import { area, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { LocatableArea } from './grid-locator';
import { validateGridSet } from './validate-grid-set';
import { rect, box, readSampleTownship } from './test-shapes';

/** Turf's area of a rectangle, as the independent reference for reported areas. */
function rectArea(w: number, s: number, e: number, n: number): number {
  return area(polygon([rect(w, s, e, n).map(([x, y]) => [x, y])]));
}

describe('validateGridSet', () => {
  it('accepts a clean 2×2 tiling', () => {
    const report = validateGridSet([
      box('A', 120, 30, 120.01, 30.01),
      box('B', 120.01, 30, 120.02, 30.01),
      box('C', 120, 30.01, 120.01, 30.02),
      box('D', 120.01, 30.01, 120.02, 30.02),
    ]);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('finds a planted overlap with both grid codes and the overlap area', () => {
    // B reaches 0.002° into A.
    const report = validateGridSet([box('A', 120, 30, 120.01, 30.01), box('B', 120.008, 30, 120.02, 30.01)]);
    const overlaps = report.issues.filter((i) => i.kind === 'overlap');
    expect(overlaps).toHaveLength(1);
    const o = overlaps[0]!;
    expect(o.kind === 'overlap' && o.codes).toEqual(['A', 'B']);
    const expected = rectArea(120.008, 30, 120.01, 30.01);
    expect(o.kind === 'overlap' && o.areaM2).toBeCloseTo(expected, -1);
    expect(report.ok).toBe(false);
  });

  it('finds a planted gap enclosed by grids, naming the grids around it and its area', () => {
    // A ring of 8 squares around a missing centre square.
    const grids: LocatableArea<string>[] = [];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        if (i === 1 && j === 1) continue;
        grids.push(box(`g${i}${j}`, 120 + i * 0.01, 30 + j * 0.01, 120.01 + i * 0.01, 30.01 + j * 0.01));
      }
    }
    const gaps = validateGridSet(grids).issues.filter((i) => i.kind === 'gap');
    expect(gaps).toHaveLength(1);
    const gap = gaps[0]!;
    if (gap.kind !== 'gap') return;
    expect(gap.areaM2).toBeCloseTo(rectArea(120.01, 30.01, 120.02, 30.02), -1);
    expect([...gap.codes].sort()).toEqual(['g00', 'g01', 'g02', 'g10', 'g12', 'g20', 'g21', 'g22']);
  });

  it('finds a gap against the township boundary when the boundary is given', () => {
    const boundary = { type: 'Polygon' as const, coordinates: [rect(120, 30, 120.02, 30.01)] };
    const report = validateGridSet([box('A', 120, 30, 120.01, 30.01), box('B', 120.012, 30, 120.02, 30.01)], {
      boundary,
    });
    const gaps = report.issues.filter((i) => i.kind === 'gap');
    expect(gaps).toHaveLength(1);
    const gap = gaps[0]!;
    if (gap.kind !== 'gap') return;
    expect([...gap.codes].sort()).toEqual(['A', 'B']);
    expect(gap.areaM2).toBeCloseTo(rectArea(120.01, 30, 120.012, 30.01), -1);
  });

  it('rejects degenerate geometries, naming each feature', () => {
    const report = validateGridSet<string>([
      {
        code: 'few',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [120, 30],
              [120.01, 30],
              [120, 30],
            ],
          ],
        },
      },
      {
        code: 'open',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [120, 30],
              [120.01, 30],
              [120.01, 30.01],
              [120, 30.01],
            ],
          ],
        },
      },
      {
        code: 'bowtie',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [121, 30],
              [121.01, 30.01],
              [121.01, 30],
              [121, 30.01],
              [121, 30],
            ],
          ],
        },
      },
      {
        code: 'clockwise',
        geometry: { type: 'Polygon', coordinates: [rect(122, 30, 122.01, 30.01).reverse()] },
      },
    ]);
    const byCode = (code: string) =>
      report.issues.filter((i) => 'code' in i && i.code === code).map((i) => i.kind);
    expect(byCode('few')).toEqual(['too-few-points']);
    expect(byCode('open')).toEqual(['unclosed-ring']);
    expect(byCode('bowtie')).toContain('self-intersection');
    expect(byCode('clockwise')).toEqual(['wrong-winding']);
    expect(report.issues.find((i) => i.kind === 'wrong-winding')?.severity).toBe('warning');
    expect(report.ok).toBe(false);
  });

  it('finds no overlap or gap in the committed sample township', async () => {
    const dataset = await readSampleTownship();
    const report = validateGridSet(dataset.grids, { boundary: dataset.township.boundary });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
