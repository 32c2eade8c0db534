// GeoPackages made by ogr2ogr (scripts/make-geo-fixtures.sh), read as the import wizard will, with sql.js
// loaded from node_modules.
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGeometries, readGeoFile, readGeoPackage } from '../../../../shared/import/geo';
import {
  GRID_NAMES,
  expectOk,
  expectSameAsOgr,
  expectSameGeometriesAsOgr,
  fixture,
  ogrExpectation,
} from './fixtures';
import { loadSqlJs } from './sqlite';

let sqlite: SqlJsStatic;
beforeAll(async () => {
  sqlite = await loadSqlJs();
});

const names = (features: readonly { properties: Readonly<Record<string, unknown>> }[]) =>
  features.map((f) => f.properties.name);

describe('a GeoPackage from ogr2ogr', () => {
  it('in CGCS2000 3° Gauss–Krüger zone 40 (EPSG:4528): lands where ogr2ogr puts it, Chinese names intact', () => {
    const result = expectOk(readGeoFile('网格.gpkg', fixture('grids-gk40.gpkg'), { sqlite }));
    expect(result.layer).toBe('网格');
    expect(names(result.features)).toEqual(GRID_NAMES);
    expect(result.features.map((f) => f.properties.team)).toEqual(['第一中队', '第二中队', '第一中队']);
    expect(result.crs).toEqual({
      source: 'gpkg',
      detected: {
        kind: 'gaussKruger',
        epsg: 4528,
        zoneWidth: 3,
        zone: 40,
        centralMeridian: 120,
        withZoneNumber: true,
      },
    });
    expect(result.warnings).toEqual([]);
    expectSameAsOgr(result.features, ogrExpectation('gpkg-gk40'));
    expect(checkGeometries(result.features, '网格.gpkg')).toEqual([]);
  });

  it('in CGCS2000 geographic (EPSG:4490), without a spatial index', () => {
    const result = expectOk(readGeoPackage(fixture('grids-4490.gpkg'), 'grids.gpkg', { sqlite }));
    expect(result.crs).toEqual({ source: 'gpkg', detected: { kind: 'cgcs2000', epsg: 4490 } });
    // The feature id (fid) is the row, not an attribute.
    expect(Object.keys(result.features[0]!.properties)).toEqual(['code', 'name', 'team']);
    expectSameAsOgr(result.features, ogrExpectation('gpkg-4490'));
  });

  it('with two feature layers: names both, and reads the one the operator picks', () => {
    const bytes = fixture('township.gpkg');
    expect(readGeoFile('township.gpkg', bytes, { sqlite })).toEqual({
      ok: false,
      errors: [
        { key: 'geoImport.gpkg.severalLayers', params: { file: 'township.gpkg', layers: '网格, 巡查路线' } },
      ],
      layers: ['网格', '巡查路线'],
    });
    const route = expectOk(readGeoFile('township.gpkg', bytes, { sqlite, layer: '巡查路线' }));
    expect(route.layer).toBe('巡查路线');
    expect(route.features.map((f) => [f.geometry?.type, f.properties.name])).toEqual([
      ['LineString', '第一中队早班巡查'],
    ]);
    expect(names(expectOk(readGeoFile('township.gpkg', bytes, { sqlite, layer: '网格' })).features)).toEqual(
      GRID_NAMES,
    );
    expect(readGeoFile('township.gpkg', bytes, { sqlite, layer: 'grids' })).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.gpkg.unknownLayer',
          params: { file: 'township.gpkg', layer: 'grids', layers: '网格, 巡查路线' },
        },
      ],
      layers: ['网格', '巡查路线'],
    });
  });
});

describe('GeoPackage geometries of every type and dimension', () => {
  const layers = ['pt_xyz', 'line_xym', 'area_xyzm', 'mixed'] as const;
  for (const file of ['shapes.gpkg', 'shapes-xdr.gpkg']) {
    for (const layer of layers) {
      it(`${file} ${layer}: as ogr2ogr reads them (heights kept, measures dropped)`, () => {
        const result = expectOk(readGeoFile(file, fixture(file), { sqlite, layer }));
        // The empty point: no geometry here, and in ogr2ogr's (which cannot reproject it).
        expectSameGeometriesAsOgr(result.features, ogrExpectation(`gpkg-${layer}`));
      });
    }
  }

  it('an empty point is a feature without geometry, which the check names', () => {
    const result = expectOk(
      readGeoFile('shapes.gpkg', fixture('shapes-xdr.gpkg'), { sqlite, layer: 'pt_xyz' }),
    );
    expect(result.features[2]).toEqual({
      type: 'Feature',
      geometry: null,
      properties: { name: '待定位的摊点' },
    });
    expect(checkGeometries(result.features, 'shapes.gpkg')).toEqual([
      { key: 'geoImport.geometry.missing', params: { file: 'shapes.gpkg', feature: 3 }, index: 2 },
    ]);
  });
});

/** A GeoPackage made in the test with sql.js, for cases GDAL will not write. */
function makeGeoPackage(
  build: (db: InstanceType<SqlJsStatic['Database']>) => void,
  srs: { id: number; organization: string; code: number; name: string; definition: string } = {
    id: 4490,
    organization: 'EPSG',
    code: 4490,
    name: 'China Geodetic Coordinate System 2000',
    definition: 'undefined',
  },
): Uint8Array {
  const db = new sqlite.Database();
  db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
    organization_coordsys_id INTEGER, definition TEXT, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, description TEXT,
    last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
    srs_id INTEGER, z TINYINT, m TINYINT);
    CREATE TABLE places (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT, open BOOLEAN, area REAL);
    INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('places', 'features', ${srs.id});
    INSERT INTO gpkg_geometry_columns VALUES ('places', 'geom', 'POINT', ${srs.id}, 0, 0);`);
  db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)', [
    srs.name,
    srs.id,
    srs.organization,
    srs.code,
    srs.definition,
  ]);
  build(db);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A GeoPackage point blob: little-endian header without envelope, then little-endian WKB. */
function pointBlob(srsId: number, x: number, y: number): Uint8Array {
  const blob = new Uint8Array(8 + 21);
  const view = new DataView(blob.buffer);
  blob.set([0x47, 0x50, 0, 0x01]);
  view.setInt32(4, srsId, true);
  view.setUint8(8, 1);
  view.setUint32(9, 1, true);
  view.setFloat64(13, x, true);
  view.setFloat64(21, y, true);
  return blob;
}

describe('GeoPackages put together differently', () => {
  it('reads booleans as booleans and keeps numbers and empty values', () => {
    const bytes = makeGeoPackage((db) =>
      db.run('INSERT INTO places VALUES (1, ?, ?, 1, 12.5), (2, NULL, NULL, 0, NULL)', [
        pointBlob(4490, 120.001, 31.501),
        '梅村街道办事处',
      ]),
    );
    const result = expectOk(readGeoFile('places.gpkg', bytes, { sqlite }));
    expect(result.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [120.001, 31.501] },
        properties: { name: '梅村街道办事处', open: true, area: 12.5 },
      },
      { type: 'Feature', geometry: null, properties: { name: null, open: false, area: null } },
    ]);
  });

  it('in the undefined Cartesian system with projected values: names the candidate zones', () => {
    const srs = {
      id: -1,
      organization: 'NONE',
      code: -1,
      name: 'Undefined Cartesian SRS',
      definition: 'undefined',
    };
    const bytes = makeGeoPackage(
      (db) => db.run('INSERT INTO places VALUES (1, ?, 1, 1, 1)', [pointBlob(-1, 40500095.0, 3486522.1)]),
      srs,
    );
    const result = readGeoFile('places.gpkg', bytes, { sqlite });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors[0]!.key).toBe('geoImport.crs.projectedWithoutCrs');
    expect(result.crsCandidates?.map((c) => c.crs.epsg)).toEqual([4528]);
  });

  it('in a system the import does not convert (Beijing 1954): refuses it by name', () => {
    const srs = {
      id: 4214,
      organization: 'EPSG',
      code: 4214,
      name: 'Beijing 1954',
      definition: 'GEOGCS["Beijing 1954"]',
    };
    const bytes = makeGeoPackage(
      (db) => db.run('INSERT INTO places VALUES (1, ?, 1, 1, 1)', [pointBlob(4214, 120, 31.5)]),
      srs,
    );
    expect(readGeoFile('places.gpkg', bytes, { sqlite })).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.crs.unsupported', params: { file: 'places.gpkg', name: 'Beijing 1954' } }],
    });
  });

  it('with a geometry that is not a GeoPackage geometry: names the layer, feature and column', () => {
    const broken = pointBlob(4490, 120, 31.5).subarray(0, 20);
    const bytes = makeGeoPackage((db) =>
      db.run('INSERT INTO places VALUES (1, ?, 1, 1, 1), (2, ?, 1, 1, 1)', [
        pointBlob(4490, 120, 31.5),
        broken,
      ]),
    );
    expect(readGeoFile('places.gpkg', bytes, { sqlite })).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.gpkg.badGeometry',
          params: { file: 'places.gpkg', layer: 'places', feature: 2, column: 'geom' },
        },
      ],
    });
  });

  it('with no feature table (tiles or attributes only): says so', () => {
    const bytes = makeGeoPackage((db) => db.run("UPDATE gpkg_contents SET data_type = 'attributes'"));
    expect(readGeoFile('places.gpkg', bytes, { sqlite })).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.gpkg.noFeatures', params: { file: 'places.gpkg' } }],
    });
  });
});

describe('files that are not a readable GeoPackage, each refused with a named error', () => {
  it('without the sql.js module', () => {
    expect(readGeoFile('网格.gpkg', fixture('grids-gk40.gpkg'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.gpkg.noSqlite', params: { file: '网格.gpkg' } }],
    });
  });

  it('an empty file, and a zip named .gpkg', () => {
    expect(readGeoFile('网格.gpkg', new Uint8Array(0), { sqlite })).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.file.empty', params: { file: '网格.gpkg' } }],
    });
    expect(readGeoFile('网格.gpkg', fixture('gk40-gbk.zip'), { sqlite })).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.gpkg.notSqlite', params: { file: '网格.gpkg' } }],
    });
  });

  it('a GeoPackage cut short', () => {
    expect(readGeoFile('网格.gpkg', fixture('broken/truncated.gpkg'), { sqlite })).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.gpkg.badFile', params: { file: '网格.gpkg' } }],
    });
  });

  it('an SQLite database without the GeoPackage tables, from sqlite3 and from sql.js', () => {
    const plain = new sqlite.Database();
    plain.run("CREATE TABLE officers (name TEXT); INSERT INTO officers VALUES ('张伟')");
    const made = plain.export();
    plain.close();
    for (const bytes of [fixture('broken/not-geopackage.gpkg'), made]) {
      expect(readGeoFile('人员.gpkg', bytes, { sqlite })).toEqual({
        ok: false,
        errors: [{ key: 'geoImport.gpkg.notGeoPackage', params: { file: '人员.gpkg' } }],
      });
    }
  });

  it('a GeoPackage with a damaged page inside: a named answer, never a library message', () => {
    const good = fixture('grids-gk40.gpkg');
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let trial = 0; trial < 40; trial++) {
      const damaged = good.slice();
      // Past the 100-byte file header: pages of the schema, the tables and the geometries.
      for (let b = 0; b < 8; b++) damaged[100 + (next() % (damaged.length - 100))] = next() % 256;
      const result = readGeoFile('网格.gpkg', damaged, { sqlite });
      if (!result.ok) {
        for (const error of result.errors) expect(error.params.file, `trial ${trial}`).toBe('网格.gpkg');
      }
    }
  });
});
