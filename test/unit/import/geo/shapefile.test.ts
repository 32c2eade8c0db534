// Zipped Shapefiles made by ogr2ogr (scripts/make-geo-fixtures.sh), read as the import wizard will.
// Lives under test/unit because it reads the committed fixture files with node:fs.
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkGeometries, readGeoFile, readShapefileZip } from '../../../../shared/import/geo';
import { GRID_NAMES, expectOk, expectSameAsOgr, fixture, ogrExpectation } from './fixtures';

const names = (features: readonly { properties: Readonly<Record<string, unknown>> }[]) =>
  features.map((f) => f.properties.name);

describe('a GBK Shapefile in CGCS2000 3° Gauss–Krüger zone 40 (EPSG:4528)', () => {
  it('reads the Chinese names through the ArcGIS-style .cpg "936"', () => {
    const result = expectOk(readShapefileZip(fixture('gk40-gbk.zip'), 'gk40-gbk.zip'));
    expect(names(result.features)).toEqual(GRID_NAMES);
    expect(result.features[1]!.properties.team).toBe('第二中队');
    expect(result.encoding).toMatchObject({ name: 'gbk', guessed: false, cpg: '936' });
    expect(result.warnings).toEqual([]);
  });

  it('detects zone 40 with the zone number from the .prj and lands where ogr2ogr puts it', () => {
    const result = expectOk(readShapefileZip(fixture('gk40-gbk.zip'), 'gk40-gbk.zip'));
    expect(result.crs).toEqual({
      source: 'prj',
      detected: {
        kind: 'gaussKruger',
        epsg: 4528,
        zoneWidth: 3,
        zone: 40,
        centralMeridian: 120,
        withZoneNumber: true,
      },
    });
    expectSameAsOgr(result.features, ogrExpectation('gk40-gbk'));
  });

  it('gives polygons RFC 7946 winding, so the geometry checks find nothing wrong', () => {
    const result = expectOk(readShapefileZip(fixture('gk40-gbk.zip'), 'gk40-gbk.zip'));
    expect(checkGeometries(result.features, 'gk40-gbk.zip')).toEqual([]);
  });

  it('without a .cpg, detects GBK and shows a sample of the names for the operator to confirm', () => {
    const result = expectOk(readShapefileZip(fixture('gk40-gbk-nocpg.zip'), '网格.zip'));
    expect(names(result.features)).toEqual(GRID_NAMES);
    expect(result.encoding).toEqual({
      name: 'gb18030',
      guessed: true,
      sample: [...GRID_NAMES, '第一中队', '第二中队'],
    });
    expect(result.warnings).toEqual([
      {
        key: 'geoImport.encoding.guessed',
        params: {
          file: '网格.zip',
          layer: 'grids',
          encoding: 'GB18030',
          cpg: '',
          sample: '梅村街道第一网格、鸿山社区网格、新安村·荡口片、第一中队、第二中队',
        },
      },
    ]);
  });

  it('reads GBK when the .cpg wrongly says UTF-8, and says so', () => {
    const result = expectOk(readShapefileZip(fixture('broken/gbk-cpg-says-utf8.zip'), 'x.zip'));
    expect(names(result.features)).toEqual(GRID_NAMES);
    expect(result.encoding).toMatchObject({ name: 'gb18030', guessed: true, cpg: 'UTF-8' });
    expect(result.warnings.map((w) => w.key)).toEqual(['geoImport.encoding.cpgWrong']);
  });

  it('reads the operator’s encoding when told, even against the .cpg', () => {
    const result = expectOk(readShapefileZip(fixture('gk40-gbk.zip'), 'x.zip', { encoding: 'utf-8' }));
    // GBK bytes read as UTF-8: the garbling the operator would see and reject in the sample.
    expect(result.features[0]!.properties.name).not.toBe(GRID_NAMES[0]);
    expect(result.features[0]!.properties.name).toContain('\uFFFD');
  });
});

describe('other Shapefiles', () => {
  it('reads UTF-8 attributes in CGCS2000 geographic (EPSG:4490)', () => {
    const result = expectOk(readGeoFile('cgcs2000-utf8.zip', fixture('cgcs2000-utf8.zip')));
    expect(names(result.features)).toEqual(GRID_NAMES);
    expect(result.encoding).toMatchObject({ name: 'utf-8', guessed: false, cpg: 'UTF-8' });
    expect(result.crs).toEqual({ source: 'prj', detected: { kind: 'cgcs2000', epsg: 4490 } });
    expectSameAsOgr(result.features, ogrExpectation('cgcs2000-utf8'));
  });

  it('reads zone 120°E without the zone number (EPSG:4549) from a folder inside the zip, .cpg "ANSI 936"', () => {
    const result = expectOk(readGeoFile('cm120-4549.zip', fixture('cm120-4549.zip')));
    expect(result.layer).toBe('grids');
    expect(names(result.features)).toEqual(GRID_NAMES);
    expect(result.encoding).toMatchObject({ name: 'gbk', guessed: false, cpg: 'ANSI 936' });
    expect(result.crs.detected).toMatchObject({
      kind: 'gaussKruger',
      epsg: 4549,
      zone: 40,
      withZoneNumber: false,
    });
    expectSameAsOgr(result.features, ogrExpectation('cm120'));
  });

  it('reads Web Mercator (EPSG:3857) from an ArcGIS-style .prj', () => {
    const result = expectOk(readGeoFile('web-mercator.zip', fixture('web-mercator.zip')));
    expect(result.crs).toEqual({ source: 'prj', detected: { kind: 'webMercator', epsg: 3857 } });
    expectSameAsOgr(result.features, ogrExpectation('mercator'));
  });
});

describe('broken Shapefiles, each refused with a named error', () => {
  it('a truncated zip', () => {
    expect(readGeoFile('网格.zip', fixture('broken/truncated.zip'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.file.notZip', params: { file: '网格.zip' } }],
    });
  });

  it('a zip without the .shx', () => {
    expect(readGeoFile('网格.zip', fixture('broken/missing-shx.zip'))).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.shp.missingPart',
          params: { file: '网格.zip', layer: 'grids', parts: 'grids.shx' },
        },
      ],
    });
  });

  it('an empty file', () => {
    expect(readGeoFile('网格.zip', fixture('broken/empty.zip'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.file.empty', params: { file: '网格.zip' } }],
    });
  });

  it('projected coordinates without a .prj: the ranges, and zone 40 as the one candidate', () => {
    const result = readGeoFile('网格.zip', fixture('broken/projected-noprj.zip'));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.key).toBe('geoImport.crs.projectedWithoutPrj');
    expect(result.errors[0]!.params).toMatchObject({ file: '网格.zip', zones: 'EPSG:4528 (3°/40, 120°E)' });
    expect(result.errors[0]!.params.minX).toBeGreaterThan(40_499_000);
    expect(result.errors[0]!.params.maxY).toBeLessThan(3_489_000);
    expect(result.crsCandidates?.map((c) => c.crs.epsg)).toEqual([4528]);
  });

  it('projected coordinates without a .prj read right once the operator picks the zone', () => {
    const picked = readGeoFile('网格.zip', fixture('broken/projected-noprj.zip'));
    if (picked.ok) throw new Error('expected a refusal');
    const crs = picked.crsCandidates![0]!.crs;
    const result = expectOk(readGeoFile('网格.zip', fixture('broken/projected-noprj.zip'), { crs }));
    expect(result.crs.source).toBe('chosen');
    expectSameAsOgr(result.features, ogrExpectation('gk40-gbk'));
  });

  it('a NaN coordinate reads, and the geometry check names the feature', () => {
    const result = expectOk(readGeoFile('网格.zip', fixture('broken/nan.zip')));
    expect(checkGeometries(result.features, '网格.zip')).toEqual([
      { key: 'geoImport.geometry.nonFinite', params: { file: '网格.zip', feature: 1 }, index: 0 },
    ]);
  });

  it('a bow-tie polygon reads, and the geometry check names the crossing', () => {
    const result = expectOk(readGeoFile('网格.zip', fixture('broken/bowtie.zip')));
    expect(checkGeometries(result.features, '网格.zip')).toEqual([
      {
        key: 'geoImport.geometry.selfIntersects',
        params: { file: '网格.zip', feature: 1, lon: 119.995, lat: 31.5 },
        index: 0,
      },
    ]);
  });
});

describe('Shapefile zips put together differently', () => {
  it('zipped on Chinese Windows (GBK entry names, no UTF-8 flag): the layer keeps its Chinese name', () => {
    const result = expectOk(readShapefileZip(fixture('gk40-gbk-windows-names.zip'), '网格.zip'));
    expect(result.layer).toBe('网格');
    expect(names(result.features)).toEqual(GRID_NAMES);
    expectSameAsOgr(result.features, ogrExpectation('gk40-gbk'));
  });

  // The parts of the GBK zone-40 fixture, re-zipped with fflate as a test needs them.
  const parts = unzipSync(fixture('gk40-gbk.zip'));
  const rezip = (files: Record<string, Uint8Array>) => zipSync(files);

  it('with two layers: names both, and reads the one the operator picks', () => {
    const zip = rezip({
      '网格.shp': parts['grids.shp']!,
      '网格.shx': parts['grids.shx']!,
      '网格.dbf': parts['grids.dbf']!,
      '网格.prj': parts['grids.prj']!,
      '网格.cpg': parts['grids.cpg']!,
      'boundary.SHP': parts['grids.shp']!,
      'boundary.SHX': parts['grids.shx']!,
      'boundary.DBF': parts['grids.dbf']!,
    });
    const result = readShapefileZip(zip, 'township.zip');
    expect(result).toEqual({
      ok: false,
      errors: [
        { key: 'geoImport.shp.severalLayers', params: { file: 'township.zip', layers: '网格, boundary' } },
      ],
      layers: ['网格', 'boundary'],
    });
    const grids = expectOk(readShapefileZip(zip, 'township.zip', { layer: '网格' }));
    expect(grids.layer).toBe('网格');
    expect(names(grids.features)).toEqual(GRID_NAMES);
  });

  it('with the .shp cut short inside a sound zip: the parts disagree on the record count', () => {
    const shp = parts['grids.shp']!;
    const zip = rezip({ ...parts, 'grids.shp': shp.subarray(0, shp.length - 40) });
    expect(readShapefileZip(zip, '网格.zip')).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.shp.recordCountMismatch',
          params: { file: '网格.zip', layer: 'grids', shp: 2, shx: 3, dbf: 3 },
        },
      ],
    });
  });

  it('with a .shp of an unknown shape type, or only a header: a damaged part, named', () => {
    const shp = parts['grids.shp']!.slice();
    new DataView(shp.buffer).setInt32(32, 99, true);
    expect(readShapefileZip(rezip({ ...parts, 'grids.shp': shp }), '网格.zip')).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.shp.badFile', params: { file: '网格.zip', part: 'grids.shp' } }],
    });
    expect(readShapefileZip(rezip({ ...parts, 'grids.dbf': new Uint8Array(10) }), '网格.zip')).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.shp.badFile', params: { file: '网格.zip', part: 'grids.dbf' } }],
    });
  });

  it('with only a table: says the .shp and .shx are missing', () => {
    expect(readShapefileZip(rezip({ 'grids.dbf': parts['grids.dbf']! }), '网格.zip')).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.shp.missingPart',
          params: { file: '网格.zip', layer: 'grids', parts: 'grids.shp, grids.shx' },
        },
      ],
    });
  });

  it('with a Xi’an 1980 .prj: refuses it by name', () => {
    const prj = new TextEncoder().encode(
      'PROJCS["Xian_1980_3_Degree_GK_Zone_40",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    );
    expect(readShapefileZip(rezip({ ...parts, 'grids.prj': prj }), '网格.zip')).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.crs.unsupported',
          params: { file: '网格.zip', name: 'Xian_1980_3_Degree_GK_Zone_40' },
        },
      ],
    });
  });
});
