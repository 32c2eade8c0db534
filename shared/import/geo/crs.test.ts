import { describe, expect, it } from 'vitest';
import {
  crsFromEpsg,
  crsFromPrj,
  epsgFromName,
  gaussKrugerZone,
  looksProjected,
  projectedCandidates,
  toLonLat,
} from './crs';

describe('coordinate system names and codes', () => {
  it('reads EPSG codes as files write them', () => {
    expect(epsgFromName('urn:ogc:def:crs:EPSG::4490')).toBe(4490);
    expect(epsgFromName('EPSG:4528')).toBe(4528);
    expect(epsgFromName('http://www.opengis.net/def/crs/EPSG/0/4326')).toBe(4326);
    expect(epsgFromName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe(4326);
    expect(epsgFromName('Xian 1980')).toBeNull();
  });

  it('knows WGS84, CGCS2000, Web Mercator and the zones, and nothing else', () => {
    expect(crsFromEpsg(4326)?.kind).toBe('wgs84');
    expect(crsFromEpsg(4490)?.kind).toBe('cgcs2000');
    expect(crsFromEpsg(3857)?.kind).toBe('webMercator');
    expect(crsFromEpsg(4513)).toMatchObject({
      zoneWidth: 3,
      zone: 25,
      centralMeridian: 75,
      withZoneNumber: true,
    });
    expect(crsFromEpsg(4554)).toMatchObject({
      zoneWidth: 3,
      zone: 45,
      centralMeridian: 135,
      withZoneNumber: false,
    });
    expect(crsFromEpsg(4501)).toMatchObject({
      zoneWidth: 6,
      zone: 23,
      centralMeridian: 135,
      withZoneNumber: true,
    });
    expect(crsFromEpsg(2385)).toBeNull(); // Xi'an 1980 / 3-degree GK CM 120E
    expect(crsFromEpsg(32650)).toBeNull(); // UTM 50N
  });

  it('tells 3° from 6° zones by the zone number in the false easting', () => {
    expect(gaussKrugerZone(117, 39_500_000, 3)).toMatchObject({ zoneWidth: 3, zone: 39 });
    expect(gaussKrugerZone(117, 20_500_000, 3)).toMatchObject({ zoneWidth: 6, zone: 20 });
    expect(gaussKrugerZone(117, 21_500_000, 3)).toBeNull();
    expect(gaussKrugerZone(118, 500_000, 3)).toBeNull();
  });
});

describe('.prj files', () => {
  const gdalWkt1 =
    'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],PARAMETER["false_easting",40500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","4528"]]';

  it('takes the outermost EPSG authority (not the datum’s or the base system’s)', () => {
    expect(crsFromPrj(gdalWkt1)).toMatchObject({ ok: true, crs: { epsg: 4528 } });
  });

  it('reads a geographic .prj as ArcGIS writes it', () => {
    const wkt =
      'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(crsFromPrj(wkt)).toEqual({ ok: true, crs: { kind: 'cgcs2000', epsg: 4490 } });
    expect(
      crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]'),
    ).toEqual({
      ok: true,
      crs: { kind: 'wgs84', epsg: 4326 },
    });
  });

  it('refuses Xi’an 1980 by name rather than treat it as CGCS2000', () => {
    const xian =
      'PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(xian)).toEqual({
      ok: false,
      reason: 'unsupported',
      name: 'Xian_1980_3_Degree_GK_CM_120E',
    });
    expect(crsFromPrj('not a prj')).toEqual({ ok: false, reason: 'bad' });
  });
});

describe('projected coordinates with no stated system', () => {
  it('are told apart from lon/lat by range', () => {
    expect(looksProjected([119.99, 31.49, 120.01, 31.52])).toBe(false);
    expect(looksProjected([40_499_000, 3_485_000, 40_501_000, 3_488_000])).toBe(true);
    expect(looksProjected([499_000, 3_485_000, 501_000, 3_488_000])).toBe(true);
  });

  it('without the zone number fit every central meridian; the one nearest the township comes first', () => {
    const [x, y] = [500_000, 3_486_000];
    const candidates = projectedCandidates([x - 1000, y - 1000, x + 1000, y + 1000], [120.0, 31.5]);
    const first = candidates[0]!;
    expect(first.crs).toMatchObject({ kind: 'gaussKruger', centralMeridian: 120, withZoneNumber: false });
    expect(first.distanceKm!).toBeLessThan(2);
    // 3° zones 25–45 (75°–135°E) and 6° zones 13–23: they all land in China at 31.5°N.
    expect(candidates.filter((c) => c.crs.kind === 'gaussKruger' && c.crs.zoneWidth === 3)).toHaveLength(21);
    expect(candidates.filter((c) => c.crs.kind === 'gaussKruger' && c.crs.zoneWidth === 6)).toHaveLength(11);
    for (const c of candidates) {
      const [lon] = toLonLat(c.crs)([x, y]);
      expect(c.lands[0]).toBeLessThanOrEqual(lon);
      expect(c.lands[2]).toBeGreaterThanOrEqual(lon);
    }
  });

  it('in Web Mercator are offered as Web Mercator, first when the township is near where it lands', () => {
    // 120°E 31.5°N in EPSG:3857 (gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3857). Its easting also reads as 6° zone 13 with the zone number, which would
    // put it at ≈ 73.5°E in the far west of Xinjiang: position alone cannot rule that out.
    const [x, y] = [13_358_338.8951928, 3_697_855.3303377];
    const extent = [x - 500, y - 500, x + 500, y + 500] as const;
    expect(projectedCandidates(extent).map((c) => c.crs.epsg)).toEqual([4491, 3857]);
    const near = projectedCandidates(extent, [120.1, 31.6]);
    expect(near.map((c) => c.crs.epsg)).toEqual([3857, 4491]);
    const [lon, lat] = toLonLat(near[0]!.crs)([x, y]);
    expect(Math.abs(lon - 120)).toBeLessThan(1e-7);
    expect(Math.abs(lat - 31.5)).toBeLessThan(1e-7);
  });

  it('that land nowhere in China offer nothing', () => {
    expect(projectedCandidates([5e7, 5e7, 5e7 + 10, 5e7 + 10])).toEqual([]);
  });
});
