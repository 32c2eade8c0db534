// What the operator reads for each file of the broken corpus: every problem a reader or the geometry
// check names renders in both languages with all its values filled in.
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGeometries, readGeoFile, type GeoIssue } from '../../../../shared/import/geo';
import { createAppI18n } from '../../../../renderer/i18n';
import { fixture } from './fixtures';
import { loadSqlJs } from './sqlite';

const CORPUS = [
  'broken/truncated.zip',
  'broken/missing-shx.zip',
  'broken/empty.zip',
  'broken/empty.geojson',
  'broken/bad.geojson',
  'broken/projected-noprj.zip',
  'broken/projected-nocrs.geojson',
  'broken/nan.zip',
  'broken/bowtie.zip',
  'broken/two-point-ring.geojson',
  'broken/unclosed-ring.geojson',
  'broken/clockwise-ring.geojson',
  'broken/infinite-coordinate.geojson',
  'broken/gbk-cpg-says-utf8.zip',
  'gk40-gbk-nocpg.zip',
  'grids.kml',
  'broken/truncated.gpkg',
  'broken/not-geopackage.gpkg',
  'township.gpkg',
  'broken/bad-wkt.csv',
  'broken/missing-coordinates.csv',
  'grids-wkt-gk40-gbk.csv',
  'grids-wkt.csv',
];

let sqlite: SqlJsStatic;
beforeAll(async () => {
  sqlite = await loadSqlJs();
});

function issuesOf(path: string): GeoIssue[] {
  const name = path.replace('broken/', '');
  const result = readGeoFile(name, fixture(path), { sqlite });
  if (!result.ok) return [...result.errors];
  return [...result.warnings, ...checkGeometries(result.features, name)];
}

describe('the broken corpus on screen', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`names the file and fills every value (${locale})`, () => {
      const { t, te } = createAppI18n(locale).global;
      for (const path of CORPUS) {
        const issues = issuesOf(path);
        expect(issues.length, path).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(te(issue.key), issue.key).toBe(true);
          const text = t(issue.key, issue.params as Record<string, unknown>);
          expect(text, issue.key).toContain(path.replace('broken/', ''));
          expect(text, issue.key).not.toMatch(/[{}]/);
        }
      }
    });
  }

  it('reads as the operator would see it, in Chinese', () => {
    const { t } = createAppI18n('zh-CN').global;
    const [missing] = issuesOf('broken/missing-shx.zip');
    expect(t(missing!.key, missing!.params as Record<string, unknown>)).toBe(
      'missing-shx.zip 中的图层“grids”缺少 grids.shx：Shapefile 须包含 .shp、.shx 和 .dbf，请一起压缩',
    );
    const [, notNumber] = issuesOf('broken/missing-coordinates.csv');
    expect(t(notNumber!.key, notNumber!.params as Record<string, unknown>)).toBe(
      'missing-coordinates.csv 第 4 行：“纬度”的值“北纬31度”不是有效坐标',
    );
    const [projected] = issuesOf('broken/projected-noprj.zip');
    expect(t(projected!.key, projected!.params as Record<string, unknown>)).toMatch(
      /^projected-noprj\.zip 没有坐标系说明（\.prj），坐标是投影坐标（X 404990\d\d\.\d+～40501\d+\.\d+，Y .*可能的有：EPSG:4528 \(3°\/40, 120°E\)$/,
    );
  });
});
