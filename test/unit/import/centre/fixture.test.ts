// The committed GBK Shapefile in a CGCS2000 3° Gauss–Krüger zone (made by ogr2ogr from
// test/fixtures/geo/source/grids.geojson), read as the wizard reads it and built into grids.
import { describe, expect, it } from 'vitest';
import { buildGrids, guessMapping } from '../../../../shared/import/centre';
import type { GeoFeature } from '../../../../shared/import/geo';
import { readGeoFile } from '../../../../shared/import/geo';
import { createAppI18n } from '../../../../renderer/i18n';
import { expectOk, fixture } from '../geo/fixtures';
import { areaOf, rectArea } from './shapes';

const FILE = 'gk40-gbk.zip';
const CTX = { file: FILE, countyCode: '320214', townshipCode: '105' };
const features = (): readonly GeoFeature[] => expectOk(readGeoFile(FILE, fixture(FILE))).features;

describe('the GBK Gauss–Krüger grid file', () => {
  it('maps its fields code, name and team', () => {
    expect(guessMapping('grids', features())).toEqual({ code: 'code', name: 'name', team: 'team' });
  });

  it('refuses its 12-digit codes, naming file, feature and field, in words the operator reads', () => {
    const build = buildGrids(features(), guessMapping('grids', features()), CTX);
    expect(build.report.ok).toBe(false);
    expect(build.report.issues.map((i) => [i.key, i.features, i.params['field'], i.params['value']])).toEqual(
      [
        ['centreImport.code.length', [1], 'code', '320214001001'],
        ['centreImport.code.length', [2], 'code', '320214001002'],
        ['centreImport.code.length', [3], 'code', '320214001003'],
      ],
    );
    const { t } = createAppI18n('zh-CN').global;
    const first = build.report.issues[0]!;
    expect(t(first.key, first.params as Record<string, unknown>)).toBe(
      'gk40-gbk.zip 第 1 个要素：“code”的值“320214001001”有 12 位，网格编码应为 15 位数字',
    );
  });

  it('with 15-digit codes, builds three grids, two teams’ patrol areas, and names the hole as a gap', () => {
    // The same file as it would be with the township part in its codes (320214 + 105 + 001 + seq).
    const fixed = features().map((f) => ({
      ...f,
      properties: { ...f.properties, code: `320214105${String(f.properties['code']).slice(6)}` },
    }));
    const build = buildGrids(fixed, guessMapping('grids', fixed), CTX);
    expect(build.report.ok).toBe(true);
    expect(build.grids.map((g) => [g.code, g.name, g.patrolAreaId])).toEqual([
      ['320214105001001', '梅村街道第一网格', 'area-1'],
      ['320214105001002', '鸿山社区网格', 'area-2'],
      ['320214105001003', '新安村·荡口片', 'area-1'],
    ]);
    expect(build.teams.map((t) => t.name)).toEqual(['第一中队', '第二中队']);
    // Grids 1 and 3 touch along 119.995–120.0°E at 31.505°N: one polygon.
    const [first, second] = build.patrolAreas;
    expect(first?.geometry.type).toBe('Polygon');
    expect(areaOf(first!.geometry)).toBeCloseTo(build.grids[0]!.areaM2 + build.grids[2]!.areaM2, -1);
    expect(second?.name).toBe('第二中队');
    // Grid 2's hole (120.004–120.007°E, 31.498–31.501°N) is ground no grid covers.
    const gaps = build.report.issues.filter((i) => i.key === 'centreImport.grid.gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.features).toEqual([2]);
    expect(gaps[0]?.params['areaM2']).toBeCloseTo(rectArea(120.004, 31.498, 120.007, 31.501), -1);
  });
});
