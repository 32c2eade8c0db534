// CSV and XLSX tables with a WKT column or coordinate columns, made by ogr2ogr (scripts/make-geo-fixtures.sh),
// read as the import wizard will.
import { describe, expect, it } from 'vitest';
import { MAX_ROW_PROBLEMS, WGS84, checkGeometries, readGeoFile } from '../../../../shared/import/geo';
import {
  GRID_NAMES,
  expectOk,
  expectSameAsOgr,
  expectSameGeometriesAsOgr,
  fixture,
  ogrExpectation,
} from './fixtures';

const text = (value: string) => new TextEncoder().encode(value);
const names = (features: readonly { properties: Readonly<Record<string, unknown>> }[]) =>
  features.map((f) => f.properties.name);

describe('a CSV with a WKT column', () => {
  it('as ogr2ogr writes it (GEOMETRY=AS_WKT): lon/lat assumed with a warning, where ogr2ogr puts it', () => {
    const result = expectOk(readGeoFile('grids-wkt.csv', fixture('grids-wkt.csv')));
    expect(result.layer).toBe('grids-wkt');
    expect(result.crs).toEqual({ source: 'guessed', detected: WGS84 });
    expect(result.warnings).toEqual([
      { key: 'geoImport.crs.assumedLonLatNoCrs', params: { file: 'grids-wkt.csv' } },
    ]);
    expect(result.encoding).toMatchObject({ name: 'utf-8', guessed: false });
    // The WKT column is the geometry, not an attribute.
    expect(Object.keys(result.features[0]!.properties)).toEqual(['code', 'name', 'team']);
    expectSameAsOgr(result.features, ogrExpectation('csv-wkt'));
    expect(checkGeometries(result.features, 'grids-wkt.csv')).toEqual([]);
  });

  it('in zone 40 and GBK, the column named 几何: names zone 40, then reads it where ogr2ogr puts it', () => {
    const bytes = fixture('grids-wkt-gk40-gbk.csv');
    const refused = readGeoFile('网格.csv', bytes);
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.errors[0]).toMatchObject({
      key: 'geoImport.crs.projectedWithoutCrs',
      params: { file: '网格.csv', zones: 'EPSG:4528 (3°/40, 120°E)' },
    });
    const crs = refused.crsCandidates![0]!.crs;
    const result = expectOk(readGeoFile('网格.csv', bytes, { crs }));
    expect(names(result.features)).toEqual(GRID_NAMES);
    expect(result.encoding).toMatchObject({ name: 'gb18030', guessed: true });
    expect(result.encoding?.sample).toContain('梅村街道第一网格');
    expectSameAsOgr(result.features, ogrExpectation('csv-wkt-gk40'));
  });

  it('as QGIS exports it (wkt_geom, MultiPolygonZ) and as PostGIS prints EWKT (SRID=4490;…)', () => {
    const qgis = expectOk(
      readGeoFile(
        'qgis.csv',
        text(
          'wkt_geom,name\n"PointZ (120.001 31.501 12.5)",办事处\n"MultiPolygonZ (((120 31.5 1, 120.01 31.5 1, 120.01 31.51 1, 120 31.5 1)))",片区\n',
        ),
      ),
    );
    expect(qgis.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [120.001, 31.501, 12.5] },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [120, 31.5, 1],
              [120.01, 31.5, 1],
              [120.01, 31.51, 1],
              [120, 31.5, 1],
            ],
          ],
        ],
      },
    ]);
    const ewkt = expectOk(
      readGeoFile('postgis.csv', text('geom,名称\n"SRID=4490;POINT(120.001 31.501)",办事处\n')),
    );
    expect(ewkt.crs).toEqual({ source: 'wkt', detected: { kind: 'cgcs2000', epsg: 4490 } });
    expect(ewkt.warnings).toEqual([]);
    expect(ewkt.features[0]!.properties).toEqual({ 名称: '办事处' });
  });

  it('with a WKT column under another name: found by its content, not by a name that starts like a type', () => {
    expect(readGeoFile('a.csv', text('名称,说明\n岗亭,Pointe du Raz\n'))).toMatchObject({
      ok: false,
      errors: [{ key: 'geoImport.table.noGeometryColumns' }],
    });
    const result = expectOk(readGeoFile('a.csv', text('名称,范围\n办事处,POINT (120.001 31.501)\n')));
    expect(result.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [120.001, 31.501] },
        properties: { 名称: '办事处' },
      },
    ]);
  });
});

describe('XLSX with coordinate columns', () => {
  it('经度/纬度 in ogr2ogr’s XLSX: points where ogr2ogr puts them, Chinese attributes intact', () => {
    const result = expectOk(readGeoFile('场所.xlsx', fixture('places.xlsx')));
    expect(result.crs.source).toBe('guessed');
    expect(result.warnings.map((w) => w.key)).toEqual(['geoImport.crs.assumedLonLatNoCrs']);
    expect(result.encoding).toBeUndefined();
    expectSameGeometriesAsOgr(result.features, ogrExpectation('places'));
  });

  it('X坐标/Y坐标 written the surveying way (X the northing) in zone 40: read the other way round, and said so', () => {
    const bytes = fixture('places-gk40-survey.xlsx');
    const refused = readGeoFile('场所.xlsx', bytes);
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.errors[0]!.key).toBe('geoImport.crs.projectedWithoutCrs');
    const crs = refused.crsCandidates![0]!.crs;
    expect(crs.epsg).toBe(4528);
    const result = expectOk(readGeoFile('场所.xlsx', bytes, { crs }));
    expect(result.warnings).toEqual([
      { key: 'geoImport.table.axesSwapped', params: { file: '场所.xlsx', x: 'X坐标', y: 'Y坐标' } },
    ]);
    expectSameGeometriesAsOgr(result.features, ogrExpectation('places'), 1e-8);
  });

  it('lon/lat, Longitude/Latitude and X/Y in degrees: each pair found; the other columns kept as read', () => {
    for (const [header, row] of [
      ['id,lon,lat', '7,120.001,31.501'],
      ['id,Longitude,Latitude', '7,120.001,31.501'],
      ['id,X,Y', '7,120.001,31.501'],
      ['id,经度(°),纬度(°)', '7,120.001°,31.501°'],
      // Latitude in X, longitude in Y: the surveying order again, in degrees.
      ['id,x,y', '7,31.501,120.001'],
    ] as const) {
      const result = expectOk(readGeoFile('p.csv', text(`${header}\n${row}\n`)));
      expect(result.features, header).toEqual([
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [120.001, 31.501] },
          properties: { id: '7' },
        },
      ]);
    }
  });
});

describe('tables refused with a named error', () => {
  it('bad WKT, a row without geometry, a curve: each row and column named, with where the WKT stops', () => {
    expect(readGeoFile('网格.csv', fixture('broken/bad-wkt.csv'))).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.table.badWkt',
          params: {
            file: '网格.csv',
            row: 3,
            column: 'WKT',
            at: 39,
            value: 'POLYGON ((120.0 31.495,120.012 31.495,120.012',
          },
        },
        { key: 'geoImport.table.missingGeometry', params: { file: '网格.csv', row: 4, column: 'WKT' } },
        {
          key: 'geoImport.table.badWkt',
          params: {
            file: '网格.csv',
            row: 5,
            column: 'WKT',
            at: 1,
            value: 'CIRCULARSTRING (120 31.5,120.01 31.51,120.02 31.5)',
          },
        },
      ],
    });
  });

  it('an empty coordinate and one that is not a number', () => {
    expect(readGeoFile('场所.csv', fixture('broken/missing-coordinates.csv'))).toEqual({
      ok: false,
      errors: [
        { key: 'geoImport.table.missingGeometry', params: { file: '场所.csv', row: 3, column: '经度' } },
        {
          key: 'geoImport.table.badCoordinate',
          params: { file: '场所.csv', row: 4, column: '纬度', value: '北纬31度' },
        },
      ],
    });
  });

  it('lists the first problems and counts the rest', () => {
    const rows = Array.from({ length: MAX_ROW_PROBLEMS + 5 }, (_, k) => `点${k},,31.5`).join('\n');
    const result = readGeoFile('p.csv', text(`名称,经度,纬度\n${rows}\n`));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors).toHaveLength(MAX_ROW_PROBLEMS + 1);
    expect(result.errors.at(-1)).toEqual({
      key: 'geoImport.table.moreProblems',
      params: { file: 'p.csv', count: 5 },
    });
  });

  it('a table with neither WKT nor coordinates, one with only a header, an empty file, a bad workbook', () => {
    expect(readGeoFile('人员.csv', text('姓名,执法证号\n张伟,32021400123\n'))).toEqual({
      ok: false,
      errors: [
        { key: 'geoImport.table.noGeometryColumns', params: { file: '人员.csv', columns: '姓名, 执法证号' } },
      ],
    });
    expect(readGeoFile('p.csv', text('名称,经度,纬度\n'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.table.noRows', params: { file: 'p.csv' } }],
    });
    expect(readGeoFile('p.xlsx', new Uint8Array(0))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.file.empty', params: { file: 'p.xlsx' } }],
    });
    // A zip that holds no workbook: the shared table reader's refusal.
    expect(readGeoFile('p.xlsx', fixture('gk40-gbk.zip'))).toEqual({
      ok: false,
      errors: [{ key: 'import.notXlsx', params: { file: 'p.xlsx' } }],
    });
  });

  it('EWKT in a system the import does not convert', () => {
    expect(readGeoFile('p.csv', text('geom\nSRID=4214;POINT(120 31.5)\n'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.crs.unsupported', params: { file: 'p.csv', name: 'SRID=4214' } }],
    });
  });
});
