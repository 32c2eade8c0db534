// What the operator reads: every issue the centre steps give for a file full of mistakes renders in
// both languages with the file named and every value filled in.
import { describe, expect, it } from 'vitest';
import {
  assembleCentreDataset,
  boundaryFromGrids,
  buildBoundary,
  buildGrids,
  buildPatrolAreas,
  type CentreIssue,
} from '../../../../shared/import/centre';
import type { GeoFeature } from '../../../../shared/import/geo';
import { createAppI18n } from '../../../../renderer/i18n';
import { code, COUNTY, rect, square, TOWNSHIP } from './shapes';

const CTX = { file: 'bad.geojson', countyCode: COUNTY, townshipCode: TOWNSHIP };
const boundary = {
  type: 'Polygon' as const,
  coordinates: [rect(120, 30, 120.03, 30.01) as [number, number][]],
};

function issues(): CentreIssue[] {
  const grids: GeoFeature[] = [
    square({ C: code(1, 1), N: '', S: '甲村', P: '东', T: '一队' }, 120, 30, 120.01, 30.01),
    square({ C: code(1, 2), N: 'b', S: '乙村', P: '东', T: '二队', Q: '009' }, 120.008, 30, 120.02, 30.01),
    square({ C: code(1, 3), N: 'c', P: '', T: '一队' }, 120.025, 30, 120.04, 30.01),
    square({ C: '1234', N: 'd', P: '西', T: '一队' }, 121, 30, 121.01, 30.01),
    square({ C: `${COUNTY}106001001`, N: 'e', P: '西' }, 121, 30, 121.01, 30.01),
    square({ C: code(1, 2), N: 'f', P: '西' }, 121, 30, 121.01, 30.01),
    { type: 'Feature', properties: { C: code(1, 7) }, geometry: { type: 'Point', coordinates: [120, 30] } },
    { type: 'Feature', properties: { C: code(1, 8) }, geometry: null },
    square({ C: code(2, 1), N: 'g', P: '北', T: '三队' }, 125, 30, 125.01, 30.01),
  ];
  const mapping = {
    code: 'C',
    name: 'N',
    communityName: 'S',
    communityCode: 'Q',
    patrolArea: 'P',
    team: 'T',
  };
  const teams = [
    { id: 't1', name: '一队', leaderId: 'o', phone: '' },
    { id: 't2', name: '二队', leaderId: 'o', phone: '' },
  ];
  const all: CentreIssue[] = [...buildGrids(grids, mapping, { ...CTX, boundary, teams }).report.issues];
  all.push(...buildGrids(grids, {}, CTX).report.issues);
  const badCodes = [
    '',
    '32021410500100a',
    '990214105001001',
    '320200105001001',
    '320214000001001',
    '320214105000001',
    '320214105001000',
  ];
  all.push(
    ...buildGrids(
      badCodes.map((c, k) => square({ C: c }, 120 + k * 0.01, 30, 120.01 + k * 0.01, 30.01)),
      { code: 'C' },
      CTX,
    ).report.issues,
  );
  const { patrolArea: _p, team: _t, ...bare } = mapping;
  all.push(...buildGrids(grids.slice(0, 1), bare, CTX).report.issues);
  const known = [{ id: 'A', name: '东', teamId: 't1', color: '#000000', geometry: boundary }];
  const south = square({ C: code(3, 1), N: 'h', P: '南' }, 120.02, 30, 120.025, 30.01);
  all.push(
    ...buildGrids([...grids.slice(0, 3), south], mapping, { ...CTX, patrolAreas: known }).report.issues,
  );
  all.push(...boundaryFromGrids(buildGrids(grids.slice(0, 1), mapping, CTX).grids, CTX.file).report.issues);
  all.push(...buildGrids(grids.slice(8), bare, { ...CTX, patrolAreas: known }).report.issues);
  const areas = [
    square({ N: '东', T: '一队', K: 'blue' }, 120, 30, 120.01, 30.01),
    square({ N: '东', T: '九队' }, 121, 30, 121.01, 30.01),
    square({ N: '南', T: '一队' }, 120.005, 30, 120.015, 30.01),
    square({ I: 'X9', T: '' }, 122, 30, 122.01, 30.01),
    square({}, 123, 30, 123.01, 30.01),
  ];
  all.push(
    ...buildPatrolAreas(areas, { id: 'I', name: 'N', team: 'T', color: 'K' }, { ...CTX, teams }).report
      .issues,
  );
  all.push(...buildPatrolAreas(areas, {}, CTX).report.issues);
  all.push(...buildBoundary([], {}, CTX).report.issues);
  all.push(...buildBoundary(areas, { code: 'I' }, CTX).report.issues);
  return all;
}

describe('the centre report on screen', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`names the file and fills every value (${locale})`, () => {
      const { t, te } = createAppI18n(locale).global;
      const found = issues();
      expect(new Set(found.map((i) => i.key)).size).toBeGreaterThan(25);
      for (const issue of found) {
        expect(te(issue.key), issue.key).toBe(true);
        const text = t(issue.key, issue.params as Record<string, unknown>);
        expect(text, issue.key).toContain('bad.geojson');
        expect(text, `${issue.key}: ${text}`).not.toMatch(/[{}]|undefined/);
      }
    });
  }

  it('fills the assembly texts too', () => {
    const { t } = createAppI18n('en').global;
    const result = assembleCentreDataset({
      centreName: 'c',
      townshipName: 't',
      countyCode: COUNTY,
      townshipCode: TOWNSHIP,
      boundary,
      grids: [],
      communities: [],
      patrolAreas: [],
      teams: [{ id: 't1', name: 'First team', leaderId: '', phone: '' }],
      officers: [],
      gridWorkers: [],
      matters: [],
      createdAt: 0,
    });
    expect(result.issues.map((i) => t(i.key, i.params as Record<string, unknown>))).toEqual([
      'There are no grids yet: import the grids first',
      'There are no enforcement matters yet: import the list, or start from the built-in sample matters',
      'Team "First team" has no officers yet: every team needs at least one officer',
    ]);
  });
});
