// Import → export → import: what the writers of shared/export/geo produce reads back through the
// import side (shared/import/geo) as the same features, attributes and codes.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  casesLayer,
  gridsLayer,
  officersLayer,
  patrolAreasLayer,
  writeGeoJson,
  writeShapefileZip,
  type ExportColumn,
  type ExportLayer,
} from '../../../../shared/export/geo';
import { readGeoFile, type GeoFeature } from '../../../../shared/import/geo';
import { generateTownship, SAMPLE_SEED } from '../../../../shared/sample';
import { expectOk, fixture, GRID_NAMES } from '../../import/geo/fixtures';
import { labels } from './support';

const columnsOf = (features: readonly GeoFeature[]): ExportColumn[] =>
  Object.keys(features[0]!.properties).map((key) => ({ key, name: key }));

const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
const zone = 'Asia/Shanghai';

function shapefileOf(layer: ExportLayer, encoding: 'gbk' | 'utf-8' = 'gbk') {
  const written = writeShapefileZip(layer.layer, layer.features, layer.columns, {
    date: '2026-12-02',
    encoding,
  });
  if (!written.ok) throw new Error(JSON.stringify(written.errors));
  return written;
}

/** The layer's attributes as the file names them (column headers), as the reader should give them back. */
const attributesOf = (layer: ExportLayer) =>
  layer.features.map((f) => Object.fromEntries(layer.columns.map((c) => [c.name, f.properties[c.key]])));

describe('a surveying bureau’s GBK Shapefile, imported and exported again', () => {
  const imported = expectOk(readGeoFile('gk40-gbk.zip', fixture('gk40-gbk.zip')));

  it('reads back with the same names, codes and geometry, in GBK from the .cpg, in CGCS2000 from the .prj', () => {
    const written = writeShapefileZip('grids', imported.features, columnsOf(imported.features), {
      date: '2026-12-02',
    });
    if (!written.ok) throw new Error('expected a zip');
    expect(written.notices).toEqual([]);
    const again = expectOk(readGeoFile('grids.zip', written.bytes));
    expect(again.features.map((f) => f.properties.name)).toEqual(GRID_NAMES);
    expect(again.features.map((f) => f.properties)).toEqual(imported.features.map((f) => f.properties));
    expect(again.features.map((f) => f.geometry)).toEqual(imported.features.map((f) => f.geometry));
    expect(again.encoding).toMatchObject({ name: 'gbk', guessed: false, cpg: '936' });
    expect(again.crs).toEqual({ detected: { kind: 'cgcs2000', epsg: 4490 }, source: 'prj' });
    expect(again.warnings).toEqual([]);
  });

  it('holds the five parts under the layer’s name', () => {
    const written = writeShapefileZip('grids', imported.features, columnsOf(imported.features), {
      date: '2026-12-02',
    });
    if (!written.ok) throw new Error('expected a zip');
    expect(Object.keys(unzipSync(written.bytes)).sort()).toEqual([
      'grids.cpg',
      'grids.dbf',
      'grids.prj',
      'grids.shp',
      'grids.shx',
    ]);
  });

  it('reads back in UTF-8 and under WGS 84 when asked so', () => {
    const written = writeShapefileZip('grids', imported.features, columnsOf(imported.features), {
      date: '2026-12-02',
      encoding: 'utf-8',
      crs: 'wgs84',
    });
    if (!written.ok) throw new Error('expected a zip');
    const again = expectOk(readGeoFile('grids.zip', written.bytes));
    expect(again.features.map((f) => f.properties)).toEqual(imported.features.map((f) => f.properties));
    expect(again.encoding).toMatchObject({ name: 'utf-8', guessed: false, cpg: 'UTF-8' });
    expect(again.crs.detected).toEqual({ kind: 'wgs84', epsg: 4326 });
  });

  it('reads back from GeoJSON with the same attributes and positions to 7 decimals', () => {
    const again = expectOk(
      readGeoFile('grids.geojson', writeGeoJson(imported.features, columnsOf(imported.features))),
    );
    expect(again.features.map((f) => f.properties)).toEqual(imported.features.map((f) => f.properties));
    again.features.forEach((f, i) => {
      const want = (imported.features[i]!.geometry as GeoJSON.Polygon).coordinates.flat();
      const got = (f.geometry as GeoJSON.Polygon).coordinates.flat();
      got.forEach((p, j) => {
        expect(Math.abs(p[0]! - want[j]![0]!)).toBeLessThanOrEqual(5e-8);
        expect(Math.abs(p[1]! - want[j]![1]!)).toBeLessThanOrEqual(5e-8);
      });
    });
  });
});

describe('the sample township exported', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`gives back every grid’s code, name, community, patrol area, team and area (${locale} headers)`, () => {
      const layer = gridsLayer(dataset, labels(locale));
      const written = shapefileOf(layer);
      // The headers fit 10 bytes in GBK, so none is renamed.
      expect(written.notices).toEqual([]);
      const again = expectOk(readGeoFile('grids.zip', written.bytes));
      expect(again.features.map((f) => f.properties)).toEqual(attributesOf(layer));
      expect(again.features.map((f) => f.geometry)).toEqual(dataset.grids.map((g) => g.geometry));
    });
  }

  it('names grids with their Chinese headers and the codes the dataset holds', () => {
    const layer = gridsLayer(dataset, labels('zh-CN'));
    const again = expectOk(readGeoFile('grids.zip', shapefileOf(layer).bytes));
    const first = again.features[0]!.properties;
    const grid = dataset.grids[0]!;
    const patrol = dataset.patrolAreas.find((p) => p.id === grid.patrolAreaId)!;
    expect(first).toEqual({
      网格编码: grid.code,
      网格名称: grid.name,
      所属社区: dataset.communities.find((c) => c.code === grid.communityCode)!.name,
      所属片区: patrol.name,
      责任中队: dataset.teams.find((t) => t.id === patrol.teamId)!.name,
      面积平方米: Math.round(grid.areaM2 * 100) / 100,
    });
  });

  it('gives back patrol areas and officers (with their team’s name; no position, no point)', () => {
    const areas = patrolAreasLayer(dataset, labels('zh-CN'));
    const areasAgain = expectOk(readGeoFile('patrol.zip', shapefileOf(areas).bytes));
    expect(areasAgain.features.map((f) => f.properties)).toEqual(attributesOf(areas));
    const officers = officersLayer(dataset, labels('zh-CN'));
    const officersAgain = expectOk(readGeoFile('officers.zip', shapefileOf(officers).bytes));
    // Empty text comes back empty: shpjs trims the padding.
    expect(officersAgain.features.map((f) => f.properties)).toEqual(attributesOf(officers));
    expect(officersAgain.features.map((f) => f.geometry)).toEqual(officers.features.map((f) => f.geometry));
    expect(officers.features[0]!.properties.team).toBe(
      dataset.teams.find((t) => t.id === dataset.officers[0]!.teamId)!.name,
    );
  });

  it('gives back the officers’ device ids (设备号), empty for an officer without one', () => {
    const withDevices = {
      ...dataset,
      officers: dataset.officers.map((o, k) => (k % 2 === 0 ? { ...o, deviceId: `86123405${1000 + k}` } : o)),
    };
    const officers = officersLayer(withDevices, labels('zh-CN'));
    const again = expectOk(readGeoFile('officers.zip', shapefileOf(officers).bytes));
    expect(again.features.slice(0, 3).map((f) => f.properties['终端编号'])).toEqual([
      '861234051000',
      '',
      '861234051002',
    ]);
  });

  it('gives back cases with stage, times in the centre’s zone, officers and location', () => {
    const layer = casesLayer(dataset.cases.slice(0, 400), dataset, labels('zh-CN'), zone);
    const written = shapefileOf(layer);
    const again = expectOk(readGeoFile('cases.zip', written.bytes));
    const truncated = new Set(
      written.notices.filter((n) => n.key === 'geoExport.dbf.valueTruncated').map((n) => n.params.feature),
    );
    const want = attributesOf(layer);
    again.features.forEach((f, i) => {
      if (!truncated.has(i + 1)) expect(f.properties).toEqual(want[i]);
      else expect(f.properties.案件编号).toBe(want[i]!.案件编号);
    });
    expect(again.features.map((f) => f.geometry)).toEqual(layer.features.map((f) => f.geometry));
    const dispatched = dataset.cases.slice(0, 400).findIndex((c) => (c.officerIds ?? []).length > 0);
    const c = dataset.cases[dispatched]!;
    const row = again.features[dispatched]!.properties;
    expect(row.阶段).toBe(labels('zh-CN').stage(c.stage));
    expect(row.上报时间).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // 8 hours ahead of UTC: the centre's clock, not the host's.
    expect(row.上报时间).toBe(
      new Date(c.reportedAt + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
    );
    expect(row.处置人员).toBe(
      c.officerIds!.map((id) => dataset.officers.find((o) => o.id === id)!.name).join('、'),
    );
  });
});

describe('what cannot go into a Shapefile is named, never garbled', () => {
  const square: GeoJSON.Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  };

  it('a character outside GBK, by feature and field', () => {
    const written = writeShapefileZip(
      'grids',
      [
        { geometry: square, properties: { name: '王家' } },
        { geometry: square, properties: { name: '𠀀家' } },
      ],
      [{ key: 'name', name: '名称' }],
      { date: '2026-12-02' },
    );
    expect(written).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoExport.dbf.notEncodable',
          params: { layer: 'grids', feature: 2, field: '名称', char: '𠀀' },
        },
      ],
    });
  });

  it('points and polygons in one layer', () => {
    const written = writeShapefileZip(
      'x',
      [
        { geometry: square, properties: {} },
        { geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} },
      ],
      [],
      { date: '2026-12-02' },
    );
    expect(written).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoExport.shp.mixedGeometry',
          params: { layer: 'x', feature: 2, type: 'Point', first: 'polygon' },
        },
      ],
    });
  });

  it('a long field name, renamed and said so', () => {
    const written = writeShapefileZip(
      'x',
      [{ geometry: square, properties: { a: '1', b: '2' } }],
      [
        { key: 'a', name: '行政区划名称一' },
        { key: 'b', name: '行政区划名称二' },
      ],
      { date: '2026-12-02' },
    );
    if (!written.ok) throw new Error('expected a zip');
    expect(written.notices).toEqual([
      { key: 'geoExport.dbf.fieldRenamed', params: { layer: 'x', from: '行政区划名称一', to: '行政区划名' } },
      { key: 'geoExport.dbf.fieldRenamed', params: { layer: 'x', from: '行政区划名称二', to: '行政区划_1' } },
    ]);
    expect(expectOk(readGeoFile('x.zip', written.bytes)).features[0]!.properties).toEqual({
      行政区划名: '1',
      行政区划_1: '2',
    });
  });
});
