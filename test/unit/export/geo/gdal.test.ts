// What GDAL, the library under QGIS, reads from the files GridDesk writes: its own .cpg mapping, its
// own .prj identification, its own Shapefile and CSV parsers. Skipped where ogr2ogr is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  csvGeometry,
  casesLayer,
  gridsLayer,
  officersLayer,
  writeCsv,
  writeShapefileZip,
  type ExportLayer,
} from '../../../../shared/export/geo';
import { readGeoFile } from '../../../../shared/import/geo';
import { generateTownship, SAMPLE_SEED } from '../../../../shared/sample';
import { expectOk, fixture, GRID_NAMES } from '../../import/geo/fixtures';
import { gdalTest, hasOgr, labels, ogrGeoJson, ogrinfo, withTempDir, withUnzipped } from './support';

const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });

function zipOf(layer: ExportLayer, encoding: 'gbk' | 'utf-8') {
  const written = writeShapefileZip(layer.layer, layer.features, layer.columns, {
    date: '2026-12-02',
    encoding,
  });
  if (!written.ok) throw new Error(JSON.stringify(written.errors));
  return written;
}

/**
 * The attributes as GDAL should give them: under the field names written (renamed ones as the
 * notices say), empty text as null (GDAL reads a blank field as unset).
 */
function attributesOf(layer: ExportLayer, renamed: readonly { params: Record<string, unknown> }[] = []) {
  const name = (n: string) => String(renamed.find((r) => r.params.from === n)?.params.to ?? n);
  return layer.features.map((f) =>
    Object.fromEntries(
      layer.columns.map((c) => [name(c.name), f.properties[c.key] === '' ? null : f.properties[c.key]]),
    ),
  );
}

/** Every position within 1e-9° of the dataset's (GDAL prints 15 significant digits). */
function expectSamePositions(got: GeoJSON.Geometry | null, want: GeoJSON.Geometry | null) {
  const flat = (g: GeoJSON.Geometry | null): number[] =>
    g === null
      ? []
      : (JSON.stringify((g as GeoJSON.Polygon).coordinates).match(/-?[\d.e-]+/g) ?? []).map(Number);
  const a = flat(got);
  const b = flat(want);
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-9));
}

describe('GDAL reading exported Shapefiles', () => {
  it.skipIf(!hasOgr)(gdalTest('maps the .cpg "936" to CP936 and identifies the .prj as EPSG:4490'), () => {
    const layer = gridsLayer(dataset, labels('zh-CN'));
    withUnzipped(zipOf(layer, 'gbk').bytes, (dir) => {
      const shp = join(dir, 'grids.shp');
      const meta = execFileSync('ogrinfo', ['-so', '-al', '-mdd', 'SHAPEFILE', shp], { encoding: 'utf-8' });
      expect(meta).toContain('CPG_VALUE=936');
      expect(meta).toContain('ENCODING_FROM_CPG=CP936');
      expect(meta).toContain('ID["EPSG",4490]');
      expect(meta).toContain(`Feature Count: ${dataset.grids.length}`);
      expect(meta).toMatch(/网格编码: String \(15\.0\)/);
      expect(meta).toMatch(/面积平方米: Real \(\d+\.2\)/);
      const info = ogrinfo(shp);
      expect(info).toContain(`网格名称 (String) = ${dataset.grids[0]!.name}`);
    });
  });

  for (const encoding of ['gbk', 'utf-8'] as const) {
    it.skipIf(!hasOgr)(
      gdalTest(`converts a ${encoding} export to GeoJSON with the same attributes and positions`),
      () => {
        const layer = gridsLayer(dataset, labels('zh-CN'));
        const written = zipOf(layer, encoding);
        // Four Chinese characters are 8 bytes in GBK but 12 in UTF-8: there the headers are shortened.
        expect(written.notices.length).toBe(encoding === 'gbk' ? 0 : layer.columns.length);
        withUnzipped(written.bytes, (dir) => {
          const json = ogrGeoJson(join(dir, 'grids.shp'), dir);
          expect(json.features.map((f) => f.properties)).toEqual(attributesOf(layer, written.notices));
          // ogr2ogr -lco RFC7946=YES rewinds to RFC 7946, as the dataset holds them.
          json.features.forEach((f, i) => expectSamePositions(f.geometry, layer.features[i]!.geometry));
        });
      },
    );
  }

  it.skipIf(!hasOgr)(
    gdalTest('reads officers as points, and those without a position as features without geometry'),
    () => {
      const layer = officersLayer(dataset, labels('en'));
      expect(layer.features.some((f) => f.geometry === null)).toBe(true);
      withUnzipped(zipOf(layer, 'gbk').bytes, (dir) => {
        const json = ogrGeoJson(join(dir, 'officers.shp'), dir);
        expect(json.features.map((f) => f.properties)).toEqual(attributesOf(layer));
        json.features.forEach((f, i) => expectSamePositions(f.geometry, layer.features[i]!.geometry));
      });
    },
  );
});

describe('GDAL reading a surveying bureau’s Shapefile after import and export', () => {
  it.skipIf(!hasOgr)(gdalTest('finds no fault and gives the same names, holes included'), () => {
    const imported = expectOk(readGeoFile('gk40-gbk.zip', fixture('gk40-gbk.zip')));
    const columns = Object.keys(imported.features[0]!.properties).map((key) => ({ key, name: key }));
    const written = writeShapefileZip('grids', imported.features, columns, { date: '2026-12-02' });
    if (!written.ok) throw new Error('expected a zip');
    withUnzipped(written.bytes, (dir) => {
      const shp = join(dir, 'grids.shp');
      // GDAL warns on stderr about a wrong length, index or ring order; it must have nothing to say.
      const run = spawnSync('ogrinfo', ['-al', '-q', shp], { encoding: 'utf-8' });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      const json = ogrGeoJson(shp, dir);
      expect(json.features.map((f) => f.properties?.name)).toEqual(GRID_NAMES);
      // The second grid has a hole: GDAL takes the counter-clockwise ring as the hole of the first.
      expect((json.features[1]!.geometry as GeoJSON.Polygon).coordinates).toHaveLength(2);
      json.features.forEach((f, i) => expectSamePositions(f.geometry, imported.features[i]!.geometry));
    });
  });
});

describe('GDAL reading exported CSV', () => {
  it.skipIf(!hasOgr)(
    gdalTest('takes the WKT column of grids as their polygons, with Chinese headers intact'),
    () => {
      const layer = gridsLayer(dataset, labels('zh-CN'));
      withTempDir((dir) => {
        const csv = join(dir, 'grids.csv');
        writeFileSync(csv, writeCsv(layer.features, layer.columns, csvGeometry(layer, labels('zh-CN'))));
        const json = ogrGeoJson(csv, dir, ['-s_srs', 'EPSG:4326']);
        expect(json.features).toHaveLength(dataset.grids.length);
        const first = json.features[0]!;
        expect(first.properties?.网格编码).toBe(dataset.grids[0]!.code);
        expect(first.properties?.网格名称).toBe(dataset.grids[0]!.name);
        expect(first.geometry.type).toMatch(/Polygon/);
      });
    },
  );

  it.skipIf(!hasOgr)(gdalTest('takes the 经度/纬度 columns of cases as their points'), () => {
    const cases = dataset.cases.slice(0, 50);
    const layer = casesLayer(cases, dataset, labels('zh-CN'), 'Asia/Shanghai');
    withTempDir((dir) => {
      const csv = join(dir, 'cases.csv');
      writeFileSync(csv, writeCsv(layer.features, layer.columns, csvGeometry(layer, labels('zh-CN'))));
      const json = ogrGeoJson(csv, dir, [
        '-s_srs',
        'EPSG:4326',
        '-oo',
        'X_POSSIBLE_NAMES=经度',
        '-oo',
        'Y_POSSIBLE_NAMES=纬度',
        '-oo',
        'AUTODETECT_TYPE=NO',
      ]);
      expect(json.features.map((f) => f.properties?.案件编号)).toEqual(cases.map((c) => c.caseNo));
      json.features.forEach((f, i) => {
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        expect(Math.abs(lon! - cases[i]!.location[0])).toBeLessThan(1e-7);
        expect(Math.abs(lat! - cases[i]!.location[1])).toBeLessThan(1e-7);
      });
      expect(json.features[0]!.properties?.问题描述).toBe(cases[0]!.description);
    });
  });
});
