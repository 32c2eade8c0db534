import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, distance, pointOnFeature } from '@turf/turf';
import { makeFixtureDataset } from '../schema/test-fixture';
import { asGeoJson } from '../model/geo';
import { applyPositionReports, parsePositionReports } from './reports';
import { seededRandom, simulatePatrolStep } from './patrol-simulator';

const dataset = makeFixtureDataset();
const T = Date.UTC(2026, 10, 23, 2, 0);

describe('position reports', () => {
  it('names the report and field that is wrong, and keeps the good ones', () => {
    const { reports, issues } = parsePositionReports(
      [
        { officerId: 'off-1', position: [118.3, 34.3], at: T },
        { officerId: 'off-2', position: [118.3, 134.3], at: T },
        { officerId: '', position: [118.3, 34.3], at: T },
      ],
      'gateway',
    );
    expect(reports).toEqual([{ officerId: 'off-1', position: [118.3, 34.3], at: T }]);
    expect(issues.map((i) => [i.index, i.field, i.key])).toEqual([
      [1, 'position.1', 'position.invalid'],
      [2, 'officerId', 'position.invalid'],
    ]);
  });

  it('keeps the newest report per officer, ignores stale ones and refuses unknown officers', () => {
    const officers = dataset.officers.map((o) => ({ ...o, position: [118.3, 34.3] as const, positionAt: T }));
    const {
      officers: next,
      changed,
      issues,
    } = applyPositionReports(officers, [
      { officerId: 'off-1', position: [118.31, 34.31], at: T + 60_000 },
      { officerId: 'off-1', position: [118.32, 34.32], at: T + 30_000 },
      { officerId: 'off-2', position: [118.4, 34.4], at: T - 60_000 },
      { officerId: 'ghost', position: [118.4, 34.4], at: T + 60_000 },
    ]);
    expect(changed).toBe(1);
    expect(next.find((o) => o.id === 'off-1')).toMatchObject({
      position: [118.31, 34.31],
      positionAt: T + 60_000,
    });
    expect(next.find((o) => o.id === 'off-2')).toMatchObject({ position: [118.3, 34.3], positionAt: T });
    expect(issues).toEqual([
      {
        index: 3,
        field: 'officerId',
        key: 'position.unknownOfficer',
        params: { index: 3, officerId: 'ghost' },
      },
    ]);
  });
});

describe('the sample patrol simulator', () => {
  it('moves each officer on duty 30–120 m, inside their team’s patrol areas, and reports the time', () => {
    const area = dataset.patrolAreas[0]!;
    const [x, y] = pointOnFeature(asGeoJson(area.geometry) as GeoJSON.Polygon).geometry.coordinates as [
      number,
      number,
    ];
    const start = dataset.officers.map((o) => ({
      ...o,
      teamId: area.teamId,
      position: [x, y] as const,
      positionAt: T,
    }));
    const reports = simulatePatrolStep(start, dataset.patrolAreas, T + 15_000, seededRandom(7));
    const onDuty = start.filter((o) => o.status !== 'off-duty');
    expect(reports.map((r) => r.officerId)).toEqual(onDuty.map((o) => o.id));
    for (const r of reports) {
      expect(r.at).toBe(T + 15_000);
      const moved = distance([x, y], [r.position[0], r.position[1]], { units: 'meters' });
      if (moved > 0) {
        expect(moved).toBeGreaterThanOrEqual(29.5);
        expect(moved).toBeLessThanOrEqual(120.5);
      }
      expect(
        booleanPointInPolygon([r.position[0], r.position[1]], asGeoJson(area.geometry) as GeoJSON.Polygon),
      ).toBe(true);
    }
  });
});
