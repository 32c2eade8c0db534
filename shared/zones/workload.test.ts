import { describe, expect, it } from 'vitest';
import { centreInstant } from '../calendar/zone';
import type { LoopStage } from '../model/case';
import { greatCircleM } from '../roads/frame';
import { GridLocator } from '../spatial/grid-locator';
import { zoneGrids } from './plan';
import { gridRoadLengths } from './road-length';
import { lattice } from './test-grids';
import { checkMatterWeights, gridWorkloads, type WorkloadCase } from './workload';

const ZONE = 'Asia/Shanghai';
const at = (text: string): number => centreInstant(text, ZONE) ?? NaN;
const squares = lattice(2, 1);
// Round figures: 1 km² each, 2 km of road in the west grid.
const grids = zoneGrids(
  squares.map((geometry, i) => ({ code: `g${i}`, geometry, areaM2: 1e6 })),
  { roadLengthM: [2000, 0] },
);
const kase = (
  gridCode: string,
  reported: string,
  matterCode = 'CG-2',
  stage: LoopStage = 'closed',
): WorkloadCase => ({
  gridCode: gridCode as WorkloadCase['gridCode'],
  matterCode,
  reportedAt: at(reported),
  stage,
});
const cases: WorkloadCase[] = [
  kase('g0', '2026-11-02 09:00', 'CG-1'),
  kase('g0', '2026-11-03 15:59'),
  kase('g0', '2026-11-03 16:00'),
  kase('g0', '2026-11-02 10:00', 'CG-2', 'voided'),
  kase('g0', '2026-11-02 11:00', 'CG-2', 'merged'),
  kase('g0', '2026-11-02 12:00', 'CG-2', 'rejected'),
  kase('g0', '2026-11-01 12:00'),
  kase('g1', '2026-11-02 08:00', 'CG-1'),
  kase('gx', '2026-11-02 09:30'),
];
const window = { from: at('2026-11-02 00:00'), to: at('2026-11-04 00:00') };
const early = { id: 'early', name: '早班', start: '08:00', end: '16:00' };

describe('gridWorkloads', () => {
  it('counts the weighted cases in the shift’s hours per occurrence, and adds the patrol of ground and roads', () => {
    const w = gridWorkloads({
      grids,
      cases,
      ...window,
      shift: early,
      zone: ZONE,
      matterWeights: { 'CG-1': 2 },
    });
    expect(w.occurrences).toBe(2);
    // g0: CG-1 at 09:00 (2) + 15:59 (1) + the rejected case (1); not 16:00, not voided or merged, not before.
    expect([...w.cases]).toEqual([2, 1]);
    // 8 h × (1 km² × 0.05 + 2 km × 0.02) and 8 h × 1 km² × 0.05.
    expect(w.patrol[0]).toBeCloseTo(0.72, 12);
    expect(w.patrol[1]).toBeCloseTo(0.4, 12);
    expect(w.load[0]).toBeCloseTo(1.5 * 2 + 0.72, 12);
    expect(w.load[1]).toBeCloseTo(1.5 * 1 + 0.4, 12);
    expect(w.counted).toBe(4);
    expect(w.outsideGrids).toBe(1);
  });

  it('counts the whole day without a shift, and takes the centre’s own coefficients', () => {
    const w = gridWorkloads({
      grids,
      cases,
      ...window,
      shift: null,
      zone: ZONE,
      coefficients: { hoursPerCase: 1, patrolHoursPerKm2Hour: 0, patrolHoursPerRoadKmHour: 0.1 },
    });
    expect(w.occurrences).toBe(2);
    expect([...w.cases]).toEqual([2, 0.5]);
    expect(w.load[0]).toBeCloseTo(2 + 24 * 0.2, 12);
    expect(w.load[1]).toBeCloseTo(0.5, 12);
  });

  it('counts a night shift’s cases after midnight', () => {
    const night = { id: 'night', name: '夜班', start: '20:00', end: '08:00' };
    const w = gridWorkloads({
      grids,
      cases: [kase('g1', '2026-11-03 02:00'), kase('g1', '2026-11-03 08:00')],
      ...window,
      shift: night,
      zone: ZONE,
    });
    expect(w.occurrences).toBe(2);
    expect(w.cases[1]).toBe(0.5);
  });

  it('refuses a window that ends before it starts, and names a negative matter weight', () => {
    expect(() => gridWorkloads({ grids, cases, from: 2, to: 1, shift: null, zone: ZONE })).toThrow(
      RangeError,
    );
    expect(checkMatterWeights({ 'CG-1': 2, 'CG-2': -1, 'CG-3': Number.NaN })).toEqual([
      expect.objectContaining({
        field: 'CG-2',
        key: 'zones.workload.weight',
        params: { matter: 'CG-2', value: '-1' },
      }),
      expect.objectContaining({ field: 'CG-3', params: { matter: 'CG-3', value: 'NaN' } }),
    ]);
  });
});

describe('gridRoadLengths', () => {
  it('splits a road crossing a grid border between the two grids, and counts a road outside none', () => {
    const locator = new GridLocator(squares.map((geometry, i) => ({ code: `g${i}`, geometry })));
    const road = {
      id: 'r1',
      name: '镇中路',
      rank: 'main' as const,
      geometry: {
        type: 'LineString' as const,
        coordinates: [[120.005, 30.005] as const, [120.015, 30.005] as const],
      },
    };
    const away = {
      ...road,
      id: 'r2',
      geometry: { ...road.geometry, coordinates: [[121, 31] as const, [121.01, 31] as const] },
    };
    const lengths = gridRoadLengths(locator, [road, away]);
    const total = greatCircleM([120.005, 30.005], [120.015, 30.005]);
    expect(lengths[0]! + lengths[1]!).toBeCloseTo(total, 6);
    expect(Math.abs(lengths[0]! - total / 2)).toBeLessThanOrEqual(10);
    expect(Math.abs(lengths[1]! - total / 2)).toBeLessThanOrEqual(10);
  });
});
