/**
 * 替换网格 planned on the sample township: its own grids as the surveying bureau's file (GBK Shapefile,
 * CGCS2000 Gauss-Kruger zone 40, written by GDAL) against its stored teams and open cases; then the
 * same file re-gridded in small ways (a grid renumbered, a grid missing, an unknown team).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGeoFile, type GeoFeature } from '../../../../shared/import/geo';
import { guessMapping } from '../../../../shared/import/centre';
import { planGridReplacement } from '../../../../shared/import/centre/replace-grids';
import { isOpenStage, type Case } from '../../../../shared/model/case';
import type { TownshipDataset } from '../../../../shared/model/dataset';

const file = 'chenghu-grids-gk40.zip';
const read = readGeoFile(
  file,
  new Uint8Array(readFileSync(new URL(`../../../fixtures/centre/${file}`, import.meta.url))),
);
if (!read.ok) throw new Error(JSON.stringify(read.errors));
const features = read.features;
const mapping = guessMapping('grids', features);
const sample = JSON.parse(
  readFileSync(new URL('../../../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;
const cases = JSON.parse(
  readFileSync(new URL('../../../../resources/sample/cases.json', import.meta.url), 'utf8'),
) as Case[];
const openCases = cases.filter((c) => isOpenStage(c.stage));
const INPUT = { file, mapping, countyCode: '321281', townshipCode: '118', applyRepairs: true };
const current = { dataset: sample, openCases };

/** The file's features with one changed by `edit` (properties only). */
function withFeature(code: string, edit: (f: GeoFeature) => GeoFeature | null): readonly GeoFeature[] {
  return features.flatMap((f) => {
    if (f.properties['WGBM'] !== code) return [f];
    const changed = edit(f);
    return changed === null ? [] : [changed];
  });
}

describe('replacing the grids of a working centre', () => {
  it('moves no case when the new grids are the ones it has', () => {
    expect(openCases.length).toBeGreaterThan(20);
    const plan = planGridReplacement(features, INPUT, current);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems.filter((p) => p.severity === 'error')));
    expect(plan.layer.grids.map((g) => g.code).sort()).toEqual(sample.grids.map((g) => g.code).sort());
    expect(plan.moves).toEqual([]);
    expect(plan.retired).toEqual([]);
    expect(plan.added).toEqual([]);
    // Patrol areas as the centre's teams hold them.
    const teamOf = new Map(plan.layer.patrolAreas.map((a) => [a.id, a.teamId]));
    const sampleTeamOf = new Map(sample.patrolAreas.map((a) => [a.id, a.teamId]));
    for (const grid of sample.grids) {
      const now = plan.layer.grids.find((g) => g.code === grid.code)!;
      expect(teamOf.get(now.patrolAreaId)).toBe(sampleTeamOf.get(grid.patrolAreaId));
    }
  });

  it('lists the open cases of a renumbered grid as moved to its new code, and the codes retired and added', () => {
    const busy = sample.grids.find((g) => openCases.some((c) => c.gridCode === g.code))!;
    const renumbered = `${busy.code.slice(0, 12)}999`;
    const plan = planGridReplacement(
      withFeature(busy.code, (f) => ({ ...f, properties: { ...f.properties, WGBM: renumbered } })),
      INPUT,
      current,
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems.filter((p) => p.severity === 'error')));
    const inGrid = openCases.filter((c) => c.gridCode === busy.code).map((c) => c.caseNo);
    expect(plan.moves.map((m) => m.caseNo).sort()).toEqual(inGrid.sort());
    for (const move of plan.moves) expect(move.to.gridCode).toBe(renumbered);
    expect(plan.retired).toEqual([busy.code]);
    expect(plan.added).toEqual([renumbered]);
  });

  it('refuses new grids that leave an open case in no grid, naming the case', () => {
    const busy = sample.grids.find((g) => openCases.some((c) => c.gridCode === g.code))!;
    const stranded = openCases.filter((c) => {
      const [lon, lat] = c.location;
      return c.gridCode === busy.code && Number.isFinite(lon + lat);
    });
    const plan = planGridReplacement(
      withFeature(busy.code, () => null),
      INPUT,
      current,
    );
    expect(plan.ok).toBe(false);
    const outside = plan.problems.filter((p) => p.key === 'replaceGrids.caseOutside');
    expect(outside.map((p) => p.params['caseNo']).sort()).toEqual(stranded.map((c) => c.caseNo).sort());
    expect(outside[0]?.params).toMatchObject({ file, grid: busy.code });
  });

  it('refuses a team the centre does not have, naming it', () => {
    const grid = sample.grids[0]!;
    const plan = planGridReplacement(
      withFeature(grid.code, (f) => ({
        ...f,
        properties: { ...f.properties, PQMC: '新片区', ZD: '第九中队' },
      })),
      INPUT,
      current,
    );
    expect(plan.ok).toBe(false);
    expect(plan.problems).toContainEqual({
      severity: 'error',
      key: 'centreImport.team.unknown',
      params: { file, feature: 1, field: 'ZD', value: '第九中队' },
    });
  });

  it('folds one warning repeated across the file into one line, with its count and first features', () => {
    // Every outer ring clockwise, as GDAL writes a GeoJSON from a Shapefile: each is rewound on import.
    const reverse = (rings: GeoJSON.Position[][]): GeoJSON.Position[][] => rings.map((r) => [...r].reverse());
    const clockwise = features.map((f): GeoFeature => {
      const g = f.geometry;
      if (g?.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: reverse(g.coordinates) } };
      if (g?.type === 'MultiPolygon')
        return { ...f, geometry: { ...g, coordinates: g.coordinates.map(reverse) } };
      return f;
    });
    const plan = planGridReplacement(clockwise, INPUT, current);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems.filter((p) => p.severity === 'error')));
    const rewound = plan.problems.filter((p) => p.key === 'geoImport.geometry.wrongOrientation');
    expect(rewound).toHaveLength(1);
    expect(rewound[0]?.repeats).toEqual({ count: features.length, features: [1, 2, 3, 4, 5] });
  });
});
