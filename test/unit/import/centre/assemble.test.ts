import { describe, expect, it } from 'vitest';
import {
  assembleCentreDataset,
  boundaryFromGrids,
  buildBoundary,
  buildGrids,
  buildPatrolAreas,
  type CentreParts,
} from '../../../../shared/import/centre';
import type { Officer } from '../../../../shared/model';
import { createRng, sampleMatterCatalogue } from '../../../../shared/sample';
import { generateDepartments } from '../../../../shared/sample/departments';
import { parseDataset } from '../../../../shared/schema';
import { areaOf, code, COUNTY, rectArea, square, TOWNSHIP } from './shapes';

const CTX = { countyCode: COUNTY, townshipCode: TOWNSHIP };

const gridFeatures = [0, 1, 2, 3].map((i) =>
  square(
    { 网格编码: code(1, i + 1), 网格名称: `第${i + 1}网格`, 社区: '梅村社区' },
    120 + i * 0.01,
    30,
    120.01 + i * 0.01,
    30.01,
  ),
);
const areaFeatures = [
  square({ 片区名称: '西片区', 中队: '第一中队' }, 120, 30, 120.02, 30.01),
  square({ 片区名称: '东片区', 中队: '第二中队', 颜色: 'red' }, 120.02, 30, 120.04, 30.01),
];

function officer(id: string, teamId: string): Officer {
  return {
    id,
    name: `执法员${id}`,
    teamId,
    phone: '',
    status: 'available',
    kind: 'certified',
    certificateNo: `C-${id}`,
  };
}

function parts(): CentreParts {
  const areas = buildPatrolAreas(
    areaFeatures,
    { name: '片区名称', team: '中队', color: '颜色' },
    { ...CTX, file: 'areas.kml' },
  );
  const grids = buildGrids(
    gridFeatures,
    { code: '网格编码', name: '网格名称', communityName: '社区' },
    { ...CTX, file: 'grids.zip', patrolAreas: areas.patrolAreas, teams: areas.teams },
  );
  expect(grids.report.ok).toBe(true);
  const boundary = boundaryFromGrids(grids.grids, 'grids.zip');
  return {
    centreName: '梅村街道综合行政执法指挥中心',
    townshipName: '梅村街道',
    countyCode: COUNTY,
    townshipCode: TOWNSHIP,
    boundary: boundary.boundary!,
    grids: grids.grids,
    communities: grids.communities,
    patrolAreas: areas.patrolAreas,
    teams: areas.teams,
    officers: [officer('o1', 'team-1'), officer('o2', 'team-2')],
    gridWorkers: grids.gridWorkers,
    matters: sampleMatterCatalogue().map((e) => e.matter),
    // The sample catalogue's county powers name the sample's departments.
    departments: generateDepartments(createRng(1)),
    createdAt: Date.parse('2026-12-02T09:00:00+08:00'),
  };
}

describe('patrol areas from their own file', () => {
  it('names teams, takes the file colour when it is one and the palette otherwise', () => {
    const build = buildPatrolAreas(
      areaFeatures,
      { name: '片区名称', team: '中队', color: '颜色' },
      { ...CTX, file: 'areas.kml' },
    );
    expect(build.patrolAreas.map((a) => [a.id, a.name, a.teamId, a.color])).toEqual([
      ['area-1', '西片区', 'team-1', '#e4572e'],
      ['area-2', '东片区', 'team-2', '#2e86ab'],
    ]);
    expect(build.report.issues.map((i) => [i.severity, i.key, i.features])).toEqual([
      ['warning', 'centreImport.patrolArea.badColor', [2]],
      ['warning', 'centreImport.patrolArea.colourAssigned', []],
    ]);
  });

  it('refuses an area without a team and a repeated name', () => {
    const features = [
      square({ 片区名称: '西片区' }, 120, 30, 120.01, 30.01),
      square({ 片区名称: '西片区', 中队: 'x' }, 121, 30, 121.01, 30.01),
    ];
    const build = buildPatrolAreas(
      features,
      { name: '片区名称', team: '中队' },
      { ...CTX, file: 'a.geojson' },
    );
    expect(build.report.issues.filter((i) => i.severity === 'error').map((i) => [i.key, i.features])).toEqual(
      [
        ['centreImport.team.missing', [1]],
        ['centreImport.patrolArea.duplicate', [2]],
      ],
    );
  });

  it('refuses two areas that overlap, with the overlap in m²', () => {
    const features = [
      square({ 片区名称: '西片区', 中队: 'a' }, 120, 30, 120.02, 30.01),
      square({ 片区名称: '东片区', 中队: 'b' }, 120.015, 30, 120.04, 30.01),
    ];
    const build = buildPatrolAreas(
      features,
      { name: '片区名称', team: '中队' },
      { ...CTX, file: 'a.geojson' },
    );
    const overlap = build.report.issues.find((i) => i.key === 'centreImport.patrolArea.overlap');
    expect(overlap).toMatchObject({
      severity: 'error',
      features: [1, 2],
      params: { name: '西片区', otherName: '东片区' },
    });
    expect(overlap?.params['areaM2']).toBeCloseTo(rectArea(120.015, 30, 120.02, 30.01), -1);
  });
});

describe('the township boundary', () => {
  it('dissolves several features into one and warns that it did', () => {
    const build = buildBoundary(
      [
        square({ MC: '梅村街道', DM: '320214105' }, 120, 30, 120.01, 30.01),
        square({}, 120.01, 30, 120.02, 30.01),
      ],
      { name: 'MC', code: 'DM' },
      { ...CTX, file: 'town.geojson' },
    );
    expect(build.name).toBe('梅村街道');
    expect(build.boundary?.type).toBe('Polygon');
    expect(build.areaM2).toBeCloseTo(rectArea(120, 30, 120.02, 30.01), 0);
    expect(build.report.issues.map((i) => i.key)).toEqual(['centreImport.boundary.dissolved']);
  });

  it('takes the chosen feature and warns about another township’s code', () => {
    const build = buildBoundary(
      [
        square({ DM: '320214105' }, 120, 30, 120.01, 30.01),
        square({ DM: '320214999' }, 121, 30, 121.01, 30.01),
      ],
      { code: 'DM' },
      { ...CTX, file: 'town.geojson' },
      { feature: 2 },
    );
    expect(areaOf(build.boundary!)).toBeCloseTo(rectArea(121, 30, 121.01, 30.01), 0);
    expect(build.report.issues).toEqual([
      expect.objectContaining({
        key: 'centreImport.boundary.codeMismatch',
        features: [2],
        severity: 'warning',
      }),
    ]);
  });
});

describe('assembling a centre', () => {
  it('gives a dataset that parseDataset accepts, with teams led by their first officer and no cases', () => {
    const result = assembleCentreDataset(parts());
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    expect(parseDataset(result.dataset, 'centre.json').ok).toBe(true);
    expect(result.dataset.teams.map((t) => [t.name, t.leaderId])).toEqual([
      ['第一中队', 'o1'],
      ['第二中队', 'o2'],
    ]);
    expect(result.dataset.grids.map((g) => g.patrolAreaId)).toEqual(['area-1', 'area-1', 'area-2', 'area-2']);
    expect(result.dataset.township).toMatchObject({
      name: '梅村街道',
      countyCode: COUNTY,
      townshipCode: TOWNSHIP,
    });
    expect(result.dataset.township.areaM2).toBeCloseTo(rectArea(120, 30, 120.04, 30.01), -1);
    expect(result.dataset.cases).toEqual([]);
    expect(result.dataset.meta).toMatchObject({ label: '梅村街道综合行政执法指挥中心', synthetic: false });
    expect(result.warnings).toEqual([]);
  });

  it('refuses a team without officers and a centre without matters', () => {
    const result = assembleCentreDataset({ ...parts(), officers: [officer('o1', 'team-1')], matters: [] });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.key, i.params['team'] ?? ''])).toEqual([
      ['centreImport.assemble.noMatters', ''],
      ['centreImport.assemble.teamWithoutOfficer', '第二中队'],
    ]);
  });

  it('passes on what parseDataset finds, such as a grid naming a missing patrol area', () => {
    const p = parts();
    const result = assembleCentreDataset({ ...p, patrolAreas: p.patrolAreas.slice(0, 1) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.key, e.collection, e.field])).toContainEqual([
      'dataset.missingReference',
      'grids',
      'patrolAreaId',
    ]);
  });
});
