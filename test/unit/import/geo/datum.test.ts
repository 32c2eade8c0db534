// The datum option (坐标偏移) of the geographic import, on KML/KMZ files written by GDAL's LIBKML driver
// with 奥维互动地图 as the document's author (scripts/make-geo-fixtures.sh, scripts/make-centre-fixtures.sh):
// their numbers are read as GCJ-02 or BD-09 when the operator says so, and only then.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bd09ToWgs84, gcj02ToWgs84 } from '../../../../shared/geo/china-offsets';
import type { LonLat } from '../../../../shared/model/geo';
import { WGS84, readGeoFile } from '../../../../shared/import/geo';
import { grantSession } from '../../../../renderer/db/sessions';
import { builtChenghu, centreFixture, newChenghuCentre, SET_UP_NOW } from './set-up-fixtures';
import { expectOk, fixture, rings } from './fixtures';

/** The numbers ogr2ogr wrote into grids-ovital.kml: those of its source, test/fixtures/geo/source. */
const written = (
  JSON.parse(new TextDecoder().decode(fixture('source/grids.geojson'))) as {
    features: { geometry: GeoJSON.Polygon }[];
  }
).features.map((f) => f.geometry.coordinates);

/** Metres between two lon/lat points (equirectangular; fine for a few hundred metres). */
function metres(a: GeoJSON.Position, b: GeoJSON.Position): number {
  const k = Math.cos((a[1]! * Math.PI) / 180);
  return Math.hypot((a[0]! - b[0]!) * 111_320 * k, (a[1]! - b[1]!) * 110_574);
}

const at = (p: readonly number[]): LonLat => [p[0]!, p[1]!];

describe('a KML from 奥维, read with a datum', () => {
  it('proposes GCJ-02 from the author 奥维互动地图 but reads the numbers as they are until told', () => {
    const result = expectOk(readGeoFile('网格.kml', fixture('grids-ovital.kml')));
    expect(result.datumHint).toEqual({
      datum: 'gcj02',
      reason: { key: 'geoImport.datum.hintKml', params: { file: '网格.kml', evidence: '奥维互动地图' } },
    });
    expect(result.crs).toEqual({ detected: WGS84, source: 'assumedWgs84ForKml' });
    expect(result.warnings.map((w) => w.key)).toEqual(['geoImport.crs.assumedWgs84ForKml']);
    result.features.forEach((f, i) =>
      expect(rings(f).map((r) => r.map(at))).toEqual(written[i]!.map((r) => r.map(at))),
    );
  });

  it('with GCJ-02 gives each vertex as gcj02ToWgs84 of the file’s, a few hundred metres west', () => {
    const result = expectOk(readGeoFile('网格.kml', fixture('grids-ovital.kml'), { datum: 'gcj02' }));
    expect(result.crs).toEqual({ detected: WGS84, source: 'assumedWgs84ForKml', datum: 'gcj02' });
    // No longer "taken as WGS84, choose GCJ-02 if drawn on Amap": the operator did.
    expect(result.warnings).toEqual([]);
    expect(result.features.map((f) => f.properties.name)).toEqual([
      '梅村街道第一网格',
      '鸿山社区网格',
      '新安村·荡口片',
    ]);
    result.features.forEach((f, i) => {
      const got = rings(f);
      expect(got.map((r) => r.length)).toEqual(written[i]!.map((r) => r.length));
      got.forEach((ring, r) =>
        ring.forEach((p, k) => {
          const file = written[i]![r]![k]!;
          expect(at(p)).toEqual(gcj02ToWgs84(at(file)));
          const moved = metres(p, file);
          expect(moved).toBeGreaterThan(100);
          expect(moved).toBeLessThan(700);
          expect(p[0]!).toBeLessThan(file[0]!);
        }),
      );
    });
  });

  it('with BD-09 gives each vertex as bd09ToWgs84 of the file’s', () => {
    const result = expectOk(readGeoFile('网格.kml', fixture('grids-ovital.kml'), { datum: 'bd09' }));
    expect(result.crs.datum).toBe('bd09');
    result.features.forEach((f, i) =>
      rings(f).forEach((ring, r) =>
        ring.forEach((p, k) => expect(at(p)).toEqual(bd09ToWgs84(at(written[i]![r]![k]!)))),
      ),
    );
  });

  it('reports the conversion as the converting phase, from 0 to the feature count', () => {
    const heard: string[] = [];
    readGeoFile('网格.kml', fixture('grids-ovital.kml'), { datum: 'gcj02' }, (p) =>
      heard.push(`${p.phase} ${p.done}/${p.total}`),
    );
    expect(heard).toEqual(['converting 0/3', 'converting 3/3']);
  });

  it('with WGS84 is the read without a datum', () => {
    expect(readGeoFile('网格.kml', fixture('grids-ovital.kml'), { datum: 'wgs84' })).toEqual(
      readGeoFile('网格.kml', fixture('grids-ovital.kml')),
    );
  });

  it('proposes nothing for the KML ogr2ogr writes without an author', () => {
    expect(expectOk(readGeoFile('网格.kml', fixture('grids.kml'))).datumHint).toBeUndefined();
  });

  it('refuses a datum for a Shapefile in a Gauss–Krüger zone, naming the file and the datum', () => {
    expect(readGeoFile('网格.zip', fixture('gk40-gbk.zip'), { datum: 'gcj02' })).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.datum.notLonLat', params: { file: '网格.zip', datum: 'gcj02' } }],
    });
  });

  it('applies to a CGCS2000 lon/lat Shapefile as to WGS84', () => {
    const plain = expectOk(readGeoFile('网格.zip', fixture('cgcs2000-utf8.zip')));
    const offset = expectOk(readGeoFile('网格.zip', fixture('cgcs2000-utf8.zip'), { datum: 'gcj02' }));
    expect(offset.crs).toMatchObject({ detected: { kind: 'cgcs2000' }, source: 'prj', datum: 'gcj02' });
    expect(rings(offset.features[0]!)[0]![0]).toEqual([
      ...gcj02ToWgs84(at(rings(plain.features[0]!)[0]![0]!)),
    ]);
  });
});

describe('a township set up from an 奥维 KMZ of GCJ-02 grids, in the import worker’s service', () => {
  // LIBKML writes a height with every position (lon,lat,0): the grids keep lon/lat only.
  it('stores grids whose vertices are the GCJ-02 → WGS84 conversion of the file’s', async () => {
    const fileGrids = expectOk(readGeoFile('澄湖镇网格.kmz', centreFixture('chenghu-grids-ovital.kmz')));
    expect(fileGrids.datumHint?.datum).toBe('gcj02');
    const { service, built } = await builtChenghu(
      'chenghu-grids-ovital.kmz',
      { datum: 'gcj02' },
      '澄湖镇网格.kmz',
    );
    if (!built.ok) throw new Error(JSON.stringify(built.problems.filter((p) => p.severity === 'error')));
    const { db, leader, drop } = await newChenghuCentre();
    try {
      const granted = await grantSession(db, leader);
      if (!granted.ok) throw new Error(granted.refusal.key);
      expect((await service.commitCentre(db.name, granted.grant, [], SET_UP_NOW)).ok).toBe(true);
      const grids = await db.grids.toArray();
      const fileByCode = new Map(fileGrids.features.map((f) => [String(f.properties.WGBM), f]));
      expect(grids).toHaveLength(fileByCode.size);
      for (const grid of grids) {
        const file = fileByCode.get(grid.code);
        if (file === undefined) throw new Error(`no grid ${grid.code} in the file`);
        expect(grid.geometry.type).toBe('Polygon');
        const got = grid.geometry.coordinates as readonly (readonly LonLat[])[];
        const want = rings(file).map((ring) => ring.map((p) => gcj02ToWgs84(at(p))));
        expect(got.map((ring) => ring.map(at))).toEqual(want);
      }
    } finally {
      await drop();
    }
  });
});
