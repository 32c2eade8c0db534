import { describe, expect, it } from 'vitest';
import { buildGrids, type CentreContext, type FieldMapping } from '../../../../shared/import/centre';
import type { GeoFeature } from '../../../../shared/import/geo';
import type { AreaGeometry } from '../../../../shared/model';
import { areaOf, code, COUNTY, rect, rectArea, square, TOWNSHIP } from './shapes';

const MAPPING: FieldMapping<'grids'> = {
  code: 'WGBM',
  name: 'MC',
  communityName: 'SQ',
  patrolArea: 'PQ',
  team: 'ZD',
  gridWorkerName: 'WGY',
  gridWorkerPhone: 'DH',
};
const CTX: CentreContext = { file: 'grids.shp.zip', countyCode: COUNTY, townshipCode: TOWNSHIP };

/** A 0.01° square grid of community 001 at column i, row j, in patrol area 东片区 of 第一中队. */
function cell(seq: number, i: number, j: number, extra: Record<string, unknown> = {}): GeoFeature {
  return square(
    {
      WGBM: code(1, seq),
      MC: `第${seq}网格`,
      SQ: '梅村社区',
      PQ: '东片区',
      ZD: '第一中队',
      WGY: `网格员${seq}`,
      DH: '13800000000',
      ...extra,
    },
    120 + i * 0.01,
    30 + j * 0.01,
    120.01 + i * 0.01,
    30.01 + j * 0.01,
  );
}

const box = (w: number, s: number, e: number, n: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [rect(w, s, e, n) as [number, number][]],
});

const errors = (b: ReturnType<typeof buildGrids>) => b.report.issues.filter((i) => i.severity === 'error');

describe('building grids from a file', () => {
  it('builds a clean 2×2 tiling into grids, a community, a dissolved patrol area and its team', () => {
    const build = buildGrids([cell(1, 0, 1), cell(2, 1, 1), cell(3, 0, 0), cell(4, 1, 0)], MAPPING, CTX);
    expect(build.report).toEqual({ ok: true, issues: [] });
    expect(build.grids.map((g) => [g.code, g.name, g.communityCode, g.patrolAreaId])).toEqual([
      [code(1, 1), '第1网格', '001', 'area-1'],
      [code(1, 2), '第2网格', '001', 'area-1'],
      [code(1, 3), '第3网格', '001', 'area-1'],
      [code(1, 4), '第4网格', '001', 'area-1'],
    ]);
    expect(build.grids[0]?.areaM2).toBeCloseTo(rectArea(120, 30.01, 120.01, 30.02), 1);
    expect(build.communities).toHaveLength(1);
    expect(build.communities[0]).toMatchObject({ code: '001', name: '梅村社区', kind: 'community' });
    expect(build.teams).toEqual([{ id: 'team-1', name: '第一中队', leaderId: '', phone: '' }]);
    const [areaRow] = build.patrolAreas;
    expect(areaRow).toMatchObject({ id: 'area-1', name: '东片区', teamId: 'team-1', color: '#e4572e' });
    // The four squares dissolve into one square ring.
    expect(areaRow?.geometry.type).toBe('Polygon');
    expect(areaOf(areaRow!.geometry)).toBeCloseTo(rectArea(120, 30, 120.02, 30.02), 0);
    expect(build.gridWorkers.map((w) => w.name)).toEqual(['网格员1', '网格员2', '网格员3', '网格员4']);
  });

  it('names two overlapping squares by feature and code, with the overlap area in m²', () => {
    // Feature 2 reaches 0.002° into feature 1.
    const a = square({ WGBM: code(1, 1), MC: 'a', PQ: 'x', ZD: 't' }, 120, 30, 120.01, 30.01);
    const b = square({ WGBM: code(1, 2), MC: 'b', PQ: 'x', ZD: 't' }, 120.008, 30, 120.02, 30.01);
    const build = buildGrids([a, b], MAPPING, CTX);
    const overlap = build.report.issues.find((i) => i.key === 'centreImport.grid.overlap');
    expect(overlap?.severity).toBe('error');
    expect(overlap?.features).toEqual([1, 2]);
    expect(overlap?.params).toMatchObject({
      file: 'grids.shp.zip',
      feature: 1,
      otherFeature: 2,
      code: code(1, 1),
    });
    expect(overlap?.params['areaM2']).toBeCloseTo(rectArea(120.008, 30, 120.01, 30.01), -1);
    expect(build.report.ok).toBe(false);
  });

  it('reports a gap between grids inside the boundary as a warning with its area', () => {
    const boundary = box(120, 30, 120.03, 30.01);
    const build = buildGrids([cell(1, 0, 0), cell(2, 2, 0)], MAPPING, { ...CTX, boundary });
    const gaps = build.report.issues.filter((i) => i.key === 'centreImport.grid.gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.severity).toBe('warning');
    expect(gaps[0]?.features).toEqual([1, 2]);
    expect(gaps[0]?.params['areaM2']).toBeCloseTo(rectArea(120.01, 30, 120.02, 30.01), -1);
    expect(build.report.ok).toBe(true);
  });

  it('refuses a code of another township and a duplicate code, naming field and first feature', () => {
    const other = cell(2, 1, 0, { WGBM: `${COUNTY}106001002` });
    const twin = cell(3, 0, 1, { WGBM: code(1, 1) });
    const short = cell(4, 1, 1, { WGBM: '320214001001' });
    const build = buildGrids([cell(1, 0, 0), other, twin, short], MAPPING, CTX);
    expect(errors(build).map((i) => [i.key, i.params])).toEqual([
      [
        'centreImport.code.otherTownship',
        {
          file: 'grids.shp.zip',
          feature: 2,
          field: 'WGBM',
          value: `${COUNTY}106001002`,
          actual: `${COUNTY}106`,
          expected: `${COUNTY}105`,
        },
      ],
      [
        'centreImport.code.duplicate',
        { file: 'grids.shp.zip', feature: 3, field: 'WGBM', value: code(1, 1), firstFeature: 1 },
      ],
      [
        'centreImport.code.length',
        { file: 'grids.shp.zip', feature: 4, field: 'WGBM', value: '320214001001', length: 12 },
      ],
    ]);
    expect(build.grids.map((g) => g.code)).toEqual([code(1, 1)]);
  });

  it('measures a grid half outside the boundary and refuses one wholly outside', () => {
    const boundary = box(120, 30, 120.015, 30.01);
    const build = buildGrids([cell(1, 0, 0), cell(2, 1, 0), cell(3, 3, 0)], MAPPING, { ...CTX, boundary });
    const partly = build.report.issues.find((i) => i.key === 'centreImport.grid.partlyOutside');
    expect(partly?.severity).toBe('warning');
    expect(partly?.features).toEqual([2]);
    expect(partly?.params['areaM2']).toBeCloseTo(rectArea(120.015, 30, 120.02, 30.01), -1);
    expect(partly?.params['percent']).toBeCloseTo(50, 0);
    const outside = build.report.issues.find((i) => i.key === 'centreImport.grid.outsideBoundary');
    expect(outside).toMatchObject({ severity: 'error', features: [3], params: { code: code(1, 3) } });
  });

  it('offers to close an unclosed ring and closes it when asked', () => {
    const open: GeoFeature = {
      ...cell(1, 0, 0),
      geometry: { type: 'Polygon', coordinates: [rect(120, 30, 120.01, 30.01).slice(0, 4)] },
    };
    const refused = buildGrids([open], MAPPING, CTX);
    expect(refused.report.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        key: 'geoImport.geometry.ringNotClosed',
        features: [1],
        repair: 'closeRings',
      }),
    ]);
    expect(refused.grids).toEqual([]);
    const repaired = buildGrids([open], MAPPING, { ...CTX, applyRepairs: true });
    expect(repaired.report.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        key: 'geoImport.geometry.ringNotClosed',
        repaired: true,
      }),
    ]);
    expect(repaired.grids[0]?.geometry.coordinates[0]).toHaveLength(5);
  });

  it('refuses a bow-tie and a point, naming the feature', () => {
    const bowtie: GeoFeature = {
      ...cell(1, 0, 0),
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [120, 30],
            [120.01, 30.01],
            [120.01, 30],
            [120, 30.01],
            [120, 30],
          ],
        ],
      },
    };
    const point: GeoFeature = { ...cell(2, 1, 0), geometry: { type: 'Point', coordinates: [120, 30] } };
    const build = buildGrids([bowtie, point], MAPPING, { ...CTX, applyRepairs: true });
    expect(errors(build).map((i) => [i.key, i.features])).toEqual([
      ['geoImport.geometry.selfIntersects', [1]],
      ['centreImport.geometry.notArea', [2]],
    ]);
  });

  it('derives one patrol area per team when the file has no patrol-area field', () => {
    const features = [
      cell(1, 0, 0, { ZD: '一中队' }),
      cell(2, 1, 0, { ZD: '二中队' }),
      cell(3, 2, 0, { ZD: '二中队' }),
    ];
    const { patrolArea: _unused, ...withoutArea } = MAPPING;
    const build = buildGrids(features, withoutArea, CTX);
    expect(build.patrolAreas.map((a) => [a.id, a.name, a.teamId])).toEqual([
      ['area-1', '一中队', 'team-1'],
      ['area-2', '二中队', 'team-2'],
    ]);
    expect(build.grids.map((g) => g.patrolAreaId)).toEqual(['area-1', 'area-2', 'area-2']);
    expect(areaOf(build.patrolAreas[1]!.geometry)).toBeCloseTo(rectArea(120.01, 30, 120.03, 30.01), 0);
  });

  it('places grids in known patrol areas by location, and names an unknown team', () => {
    const patrolAreas = [
      { id: 'W', name: '西片区', teamId: 't1', color: '#e4572e', geometry: box(120, 30, 120.01, 30.01) },
      { id: 'E', name: '东片区', teamId: 't2', color: '#2e86ab', geometry: box(120.01, 30, 120.02, 30.01) },
    ];
    const { patrolArea: _a, team: _t, ...plain } = MAPPING;
    const build = buildGrids([cell(1, 1, 0), cell(2, 0, 0), cell(3, 5, 0)], plain, { ...CTX, patrolAreas });
    expect(build.grids.map((g) => g.patrolAreaId)).toEqual(['E', 'W', '']);
    expect(errors(build)).toEqual([
      expect.objectContaining({ key: 'centreImport.grid.outsidePatrolAreas', features: [3] }),
    ]);

    const teams = [{ id: 'team-a', name: '第一中队', leaderId: 'o1', phone: '' }];
    const unknown = buildGrids([cell(1, 0, 0, { ZD: '第九中队' })], MAPPING, { ...CTX, teams });
    expect(errors(unknown)).toEqual([
      expect.objectContaining({
        key: 'centreImport.team.unknown',
        features: [1],
        params: expect.objectContaining({ field: 'ZD', value: '第九中队' }),
      }),
    ]);
  });

  it('gives grids without a grid worker a placeholder, counted in one warning, and names missing names', () => {
    const build = buildGrids(
      [cell(1, 0, 0, { WGY: '', MC: '' }), cell(2, 1, 0, { WGY: null })],
      MAPPING,
      CTX,
    );
    expect(build.gridWorkers.map((w) => w.id)).toEqual([
      `gw-vacant-${code(1, 1)}`,
      `gw-vacant-${code(1, 2)}`,
    ]);
    expect(build.grids[0]?.name).toBe(code(1, 1));
    expect(build.report.issues.map((i) => [i.severity, i.key, i.features])).toEqual([
      ['warning', 'centreImport.grid.nameMissing', [1]],
      ['warning', 'centreImport.grid.noGridWorker', []],
    ]);
    expect(build.report.issues[1]?.params['count']).toBe(2);
  });

  it('refuses a file whose code field is not chosen', () => {
    const build = buildGrids([cell(1, 0, 0)], {}, CTX);
    expect(build.report).toEqual({
      ok: false,
      issues: [
        {
          severity: 'error',
          key: 'centreImport.mapping.noCode',
          params: { file: 'grids.shp.zip' },
          features: [],
        },
      ],
    });
  });
});
