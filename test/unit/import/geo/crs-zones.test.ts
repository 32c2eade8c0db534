// Every CGCS2000 Gauss–Krüger zone, built from the formula, against GDAL's own definition of its EPSG
// code (test/fixtures/geo/expected/gk-zones.json, written by scripts/make-geo-fixtures.sh).
import { describe, expect, it } from 'vitest';
import { crsFromPrj, gaussKrugerByEpsg, proj4Definition, toLonLat } from '../../../../shared/import/geo';
import { fixture } from './fixtures';

const zones = JSON.parse(new TextDecoder().decode(fixture('expected/gk-zones.json'))) as Record<
  string,
  { proj4: string; esri: string }
>;

describe('CGCS2000 Gauss–Krüger zones EPSG:4491–4554', () => {
  it('has all 64 of them in the GDAL list', () => {
    expect(Object.keys(zones)).toHaveLength(64);
  });

  for (const [code, gdal] of Object.entries(zones)) {
    it(`EPSG:${code} is GDAL’s zone, and its ArcGIS .prj is recognised as it`, () => {
      const crs = gaussKrugerByEpsg(Number(code));
      expect(crs).not.toBeNull();
      expect(proj4Definition(crs!)).toBe(gdal.proj4);
      expect(crsFromPrj(gdal.esri)).toEqual({ ok: true, crs });
    });
  }

  it('puts the central meridian’s false easting on the central meridian', () => {
    for (const code of Object.keys(zones)) {
      const crs = gaussKrugerByEpsg(Number(code))!;
      if (crs.kind !== 'gaussKruger') throw new Error('not a zone');
      const x = crs.withZoneNumber ? crs.zone * 1e6 + 500_000 : 500_000;
      const [lon, lat] = toLonLat(crs)([x, 0]);
      expect(lon).toBeCloseTo(crs.centralMeridian, 9);
      expect(lat).toBeCloseTo(0, 9);
    }
  });
});
