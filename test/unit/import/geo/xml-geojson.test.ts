// KML, KMZ, GPX and GeoJSON fixtures (made by ogr2ogr, or hand-written where broken on purpose).
// Lives under test/unit because it reads the committed fixture files with node:fs.
import { describe, expect, it } from 'vitest';
import { checkGeometries, readGeoFile, repairGeometry, WGS84 } from '../../../../shared/import/geo';
import { GRID_NAMES, expectOk, expectSameAsOgr, fixture, ogrExpectation, rings } from './fixtures';

const source = JSON.parse(new TextDecoder().decode(fixture('source/grids.geojson'))) as {
  features: { geometry: GeoJSON.Polygon }[];
};

describe('KML, KMZ and GPX', () => {
  it('reads a KML’s Chinese placemark names, attributes and rings as WGS84', () => {
    const result = expectOk(readGeoFile('网格.kml', fixture('grids.kml')));
    expect(result.features.map((f) => f.properties.name)).toEqual(GRID_NAMES);
    expect(result.features[0]!.properties.team).toBe('第一中队');
    expect(result.features[0]!.properties.description).toBe('320214001001');
    expect(result.crs).toEqual({ detected: WGS84, source: 'assumedWgs84ForKml' });
    expect(result.warnings.map((w) => w.key)).toEqual(['geoImport.crs.assumedWgs84ForKml']);
    result.features.forEach((f, i) => expect(rings(f)).toEqual(source.features[i]!.geometry.coordinates));
    expect(checkGeometries(result.features, '网格.kml')).toEqual([]);
  });

  it('reads the KML inside a KMZ', () => {
    const result = expectOk(readGeoFile('网格.kmz', fixture('grids.kmz')));
    expect(result.features.map((f) => f.properties.name)).toEqual(GRID_NAMES);
  });

  it('converts a KML from GCJ-02 when the operator says it was drawn on Amap', () => {
    const result = expectOk(readGeoFile('网格.kml', fixture('grids.kml'), { datum: 'gcj02' }));
    expect(result.crs).toEqual({ detected: WGS84, source: 'assumedWgs84ForKml', datum: 'gcj02' });
    const [lon, lat] = rings(result.features[0]!)[0]![0]!;
    // GCJ-02 is offset ≈ 500 m east-south-east of WGS84 in Jiangsu: undoing it moves west and north.
    expect(lon!).toBeLessThan(119.99 - 0.003);
    expect(lat!).toBeGreaterThan(31.495 + 0.001);
  });

  it('reads a GPX track with its Chinese name', () => {
    const result = expectOk(readGeoFile('巡查.gpx', fixture('patrol.gpx')));
    expect(result.features).toHaveLength(1);
    expect(result.features[0]!.properties.name).toBe('第一中队早班巡查');
    expect(result.features[0]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [119.992, 31.497],
        [119.998, 31.499],
        [120.003, 31.503],
        [120.009, 31.51],
      ],
    });
  });

  it('refuses a truncated KML and an empty KMZ by name', () => {
    const kml = fixture('grids.kml');
    expect(readGeoFile('网格.kml', kml.subarray(0, kml.length / 2))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.xml.bad', params: { file: '网格.kml' } }],
    });
    expect(readGeoFile('网格.kmz', new Uint8Array(0))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.file.empty', params: { file: '网格.kmz' } }],
    });
    expect(readGeoFile('网格.kmz', fixture('gk40-gbk.zip'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.kmz.noKml', params: { file: '网格.kmz' } }],
    });
  });
});

describe('GeoJSON', () => {
  it('reads GDAL’s GeoJSON in CGCS2000 6° zone 21 (its crs member) where ogr2ogr puts it', () => {
    const result = expectOk(readGeoFile('gk6.geojson', fixture('gk6-4499.geojson')));
    expect(result.crs).toEqual({
      source: 'geojson',
      detected: {
        kind: 'gaussKruger',
        epsg: 4499,
        zoneWidth: 6,
        zone: 21,
        centralMeridian: 123,
        withZoneNumber: true,
      },
    });
    expect(result.features.map((f) => f.properties.name)).toEqual(GRID_NAMES);
    expectSameAsOgr(result.features, ogrExpectation('gk6-4499'));
  });

  it('reads the old-style crs urn:ogc:def:crs:EPSG::4490 as CGCS2000', () => {
    const result = expectOk(readGeoFile('grids.geojson', fixture('source/grids-4490.geojson')));
    expect(result.crs).toEqual({ source: 'geojson', detected: { kind: 'cgcs2000', epsg: 4490 } });
  });

  it('reads GeoJSON without crs as RFC 7946 WGS84, a bare Feature and a bare geometry too', () => {
    const result = expectOk(readGeoFile('grids.geojson', fixture('source/grids.geojson')));
    expect(result.crs).toEqual({ source: 'rfc7946', detected: WGS84 });
    expect(result.layer).toBe('grids');
    const one = { type: 'Feature', properties: { name: '单个网格' }, geometry: source.features[0]!.geometry };
    const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    expect(expectOk(readGeoFile('one.json', bytes(one))).features[0]!.properties.name).toBe('单个网格');
    expect(expectOk(readGeoFile('g.json', bytes(one.geometry))).features[0]!.geometry).toEqual(one.geometry);
  });

  it('refuses projected coordinates without a crs, naming zone 21 of the 6° zones', () => {
    const result = readGeoFile('网格.geojson', fixture('broken/projected-nocrs.geojson'));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors[0]!.key).toBe('geoImport.crs.projectedWithoutCrs');
    expect(result.crsCandidates?.map((c) => c.crs.epsg)).toEqual([4499]);
  });

  it('refuses an empty file, bad JSON and JSON that is not GeoJSON by name', () => {
    expect(readGeoFile('a.geojson', fixture('broken/empty.geojson'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.file.empty', params: { file: 'a.geojson' } }],
    });
    expect(readGeoFile('a.geojson', fixture('broken/bad.geojson'))).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.json.bad', params: { file: 'a.geojson' } }],
    });
    const notFeature = new TextEncoder().encode(
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},{"type":"Point"}]}',
    );
    expect(readGeoFile('a.geojson', notFeature)).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.json.notGeoJson', params: { file: 'a.geojson', feature: 2 } }],
    });
    expect(readGeoFile('a.dwg', notFeature)).toMatchObject({
      ok: false,
      errors: [{ key: 'geoImport.file.unknownType' }],
    });
  });
});

describe('the broken geometries of the corpus', () => {
  const check = (name: string) => {
    const result = expectOk(readGeoFile(name, fixture(`broken/${name}`)));
    return { result, problems: checkGeometries(result.features, name) };
  };

  it('a coordinate that overflows to Infinity', () => {
    expect(check('infinite-coordinate.geojson').problems).toEqual([
      {
        key: 'geoImport.geometry.nonFinite',
        params: { file: 'infinite-coordinate.geojson', feature: 1 },
        index: 0,
      },
    ]);
  });

  it('a two-point ring, in the second feature only', () => {
    expect(check('two-point-ring.geojson').problems).toEqual([
      {
        key: 'geoImport.geometry.ringTooShort',
        params: { file: 'two-point-ring.geojson', feature: 2, ring: 1, count: 2 },
        index: 1,
      },
    ]);
  });

  it('an unclosed ring, which the offered repair closes', () => {
    const { result, problems } = check('unclosed-ring.geojson');
    expect(problems).toEqual([
      {
        key: 'geoImport.geometry.ringNotClosed',
        params: { file: 'unclosed-ring.geojson', feature: 1, ring: 1 },
        index: 0,
        repair: 'closeRings',
      },
    ]);
    const repaired = repairGeometry(result.features[0]!, 'closeRings');
    expect(rings(repaired)[0]).toHaveLength(5);
    expect(checkGeometries([repaired], 'unclosed-ring.geojson')).toEqual([]);
  });

  it('a bow-tie polygon', () => {
    expect(check('bowtie.geojson').problems.map((p) => p.key)).toEqual(['geoImport.geometry.selfIntersects']);
  });

  it('an outer ring wound clockwise, which the offered repair turns', () => {
    const { result, problems } = check('clockwise-ring.geojson');
    expect(problems).toEqual([
      {
        key: 'geoImport.geometry.wrongOrientation',
        params: { file: 'clockwise-ring.geojson', feature: 1, ring: 1, rings: 1 },
        index: 0,
        repair: 'rewind',
      },
    ]);
    const repaired = repairGeometry(result.features[0]!, 'rewind');
    expect(checkGeometries([repaired], 'clockwise-ring.geojson')).toEqual([]);
    // The input is left as it was.
    expect(checkGeometries(result.features, 'clockwise-ring.geojson')).toHaveLength(1);
  });
});
