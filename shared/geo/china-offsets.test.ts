import { describe, expect, it } from 'vitest';
import type { LonLat } from '../model/geo';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  convertGeometry,
  datumConverter,
  gcj02ToBd09,
  gcj02ToWgs84,
  outOfChina,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './china-offsets';

/** Great-circle distance in metres (mean Earth radius), to state tolerances as a user measures them. */
function metres(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** East and north components of the move from a to b, in metres, and its bearing (0° north, 90° east). */
function move(a: LonLat, b: LonLat): { east: number; north: number; bearing: number } {
  const east = metres(a, [b[0], a[1]]) * Math.sign(b[0] - a[0]);
  const north = metres(a, [a[0], b[1]]) * Math.sign(b[1] - a[1]);
  const bearing = ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
  return { east, north, bearing };
}

/** A grid over mainland China and Hainan, every 2° of longitude and 1.5° of latitude (31 × 24 points). */
const CHINA_GRID: LonLat[] = [];
for (let lon = 74; lon <= 134; lon += 2) {
  for (let lat = 18; lat <= 52.5; lat += 1.5) CHINA_GRID.push([lon, lat]);
}

describe('round trips across China come back within 5 cm', () => {
  const cases: [string, (p: LonLat) => LonLat, (p: LonLat) => LonLat][] = [
    ['WGS84 → GCJ-02 → WGS84', wgs84ToGcj02, gcj02ToWgs84],
    ['GCJ-02 → WGS84 → GCJ-02', gcj02ToWgs84, wgs84ToGcj02],
    ['GCJ-02 → BD-09 → GCJ-02', gcj02ToBd09, bd09ToGcj02],
    ['BD-09 → GCJ-02 → BD-09', bd09ToGcj02, gcj02ToBd09],
    ['WGS84 → BD-09 → WGS84', wgs84ToBd09, bd09ToWgs84],
  ];
  it.each(cases)('%s', (_, there, back) => {
    const worst = Math.max(...CHINA_GRID.map((p) => metres(back(there(p)), p)));
    expect(worst).toBeLessThan(0.05);
  });

  it('moves every grid point by the offset (the round trips are not of the identity)', () => {
    for (const p of CHINA_GRID) {
      expect(metres(wgs84ToGcj02(p), p)).toBeGreaterThan(1);
      expect(metres(gcj02ToBd09(p), p)).toBeGreaterThan(100);
    }
  });
});

describe('the GCJ-02 offset in three cities', () => {
  // The offset is a few hundred metres everywhere in eastern China, always eastward; north of the
  // offset's reference latitude (35°N) it also goes north, south of it south.
  const cities: [string, LonLat, 'north' | 'south'][] = [
    ['Beijing (Tiananmen)', [116.3975, 39.9087], 'north'],
    ['Shanghai (People’s Square)', [121.4737, 31.2304], 'south'],
    ['Guangzhou (Haizhu Square)', [113.2644, 23.1291], 'south'],
  ];
  it.each(cities)('%s moves 100–700 m east and %s', (_, wgs, northOrSouth) => {
    const gcj = wgs84ToGcj02(wgs);
    const distance = metres(wgs, gcj);
    expect(distance).toBeGreaterThan(100);
    expect(distance).toBeLessThan(700);
    const { east, north, bearing } = move(wgs, gcj);
    expect(east).toBeGreaterThan(300);
    if (northOrSouth === 'north') {
      expect(north).toBeGreaterThan(50);
      expect(bearing).toBeGreaterThan(45);
      expect(bearing).toBeLessThan(90);
    } else {
      expect(north).toBeLessThan(-50);
      expect(bearing).toBeGreaterThan(90);
      expect(bearing).toBeLessThan(135);
    }
  });
});

describe('published reference pairs', () => {
  // googollee/eviltransform, javascript/test.js (an implementation independent of this one, also
  // ported to C, Go and Python there): [wgsLat, wgsLng, gcjLat, gcjLng] for Shanghai, Shenzhen and
  // Beijing; that test compares the forward transform to 6 decimals.
  const pairs: [string, LonLat, LonLat][] = [
    ['Shanghai', [121.5272106, 31.1774276], [121.531541859215, 31.17530398364597]],
    ['Shenzhen', [113.912316, 22.543847], [113.9171764808363, 22.540796131694766]],
    ['Beijing', [116.377817, 39.911954], [116.38404722455657, 39.91334545536069]],
  ];
  it.each(pairs)('%s: WGS84 → GCJ-02 to 6 decimals, and back within 5 cm', (_, wgs, gcj) => {
    const forward = wgs84ToGcj02(wgs);
    expect(forward[0]).toBeCloseTo(gcj[0], 6);
    expect(forward[1]).toBeCloseTo(gcj[1], 6);
    expect(metres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.05);
  });

  it('Beijing: GCJ-02 → BD-09 as wandergis/coordtransform’s test (test/app.js) gives it', () => {
    const bd = gcj02ToBd09([116.404, 39.915]);
    expect(bd[0]).toBeCloseTo(116.41036949371029, 9);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 9);
  });
});

describe('outside China', () => {
  const abroad: [string, LonLat][] = [
    ['Paris', [2.3522, 48.8566]],
    ['Sydney', [151.2093, -33.8688]],
    ['Tokyo', [139.6917, 35.6895]],
    ['New York', [-74.006, 40.7128]],
    ['Ulan-Ude (north of the box)', [107.584, 56.1]],
  ];
  it.each(abroad)('%s passes every conversion unchanged', (_, p) => {
    expect(outOfChina(p[0], p[1])).toBe(true);
    for (const convert of [wgs84ToGcj02, gcj02ToWgs84, gcj02ToBd09, bd09ToGcj02, wgs84ToBd09, bd09ToWgs84]) {
      expect(convert(p)).toEqual(p);
    }
  });

  it('counts Beijing, Urumqi, Harbin and Sanya as inside', () => {
    for (const [lon, lat] of [
      [116.404, 39.915],
      [87.617, 43.826],
      [126.535, 45.803],
      [109.512, 18.252],
    ] as const) {
      expect(outOfChina(lon, lat)).toBe(false);
    }
  });
});

describe('datumConverter', () => {
  const p: LonLat = [119.99, 32.86];
  it('picks the conversion for each pair of datums', () => {
    expect(datumConverter('gcj02', 'wgs84')(p)).toEqual(gcj02ToWgs84(p));
    expect(datumConverter('bd09', 'wgs84')(p)).toEqual(bd09ToWgs84(p));
    expect(datumConverter('wgs84', 'gcj02')(p)).toEqual(wgs84ToGcj02(p));
    expect(datumConverter('wgs84', 'bd09')(p)).toEqual(wgs84ToBd09(p));
    expect(datumConverter('gcj02', 'bd09')(p)).toEqual(gcj02ToBd09(p));
    expect(datumConverter('bd09', 'gcj02')(p)).toEqual(bd09ToGcj02(p));
    for (const d of ['wgs84', 'gcj02', 'bd09'] as const) expect(datumConverter(d, d)(p)).toBe(p);
  });
});

describe('convertGeometry', () => {
  const toWgs = datumConverter('gcj02', 'wgs84');
  const ring: GeoJSON.Position[] = [
    [119.99, 32.86, 12],
    [120.0, 32.86, 12],
    [120.0, 32.87, 13],
    [119.99, 32.86, 12],
  ];

  it('converts every position of a polygon into a copy, keeping heights and leaving the input alone', () => {
    const input: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [ring],
      bbox: [119.99, 32.86, 120, 32.87],
    };
    const before = JSON.stringify(input);
    const out = convertGeometry(input, toWgs);
    expect(JSON.stringify(input)).toBe(before);
    expect(out.bbox).toBeUndefined();
    expect(out.coordinates[0]).toEqual(ring.map((q) => [...toWgs([q[0]!, q[1]!]), q[2]]));
    expect(metres(out.coordinates[0]![0] as unknown as LonLat, [119.99, 32.86])).toBeGreaterThan(100);
  });

  it('walks points, lines, multi-geometries and collections alike', () => {
    const collection: GeoJSON.GeometryCollection = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [119.99, 32.86] },
        { type: 'MultiPoint', coordinates: [[119.99, 32.86]] },
        { type: 'LineString', coordinates: [[119.99, 32.86]] },
        { type: 'MultiLineString', coordinates: [[[119.99, 32.86]]] },
        { type: 'MultiPolygon', coordinates: [[ring]] },
      ],
    };
    const out = convertGeometry(collection, toWgs);
    const expected = toWgs([119.99, 32.86]);
    expect(out.geometries.map((g) => g.type)).toEqual(collection.geometries.map((g) => g.type));
    expect(JSON.stringify(out)).toBe(
      JSON.stringify(collection)
        .split('[119.99,32.86,12]')
        .join(`[${expected[0]},${expected[1]},12]`)
        .split('[119.99,32.86]')
        .join(`[${expected[0]},${expected[1]}]`)
        .replace('[120,32.86,12]', `[${toWgs([120, 32.86]).join(',')},12]`)
        .replace('[120,32.87,13]', `[${toWgs([120, 32.87]).join(',')},13]`),
    );
  });

  it('copies a position that is not two finite numbers as it is, for the checks to name', () => {
    const out = convertGeometry({ type: 'LineString', coordinates: [[Number.NaN, 32.86]] }, toWgs);
    expect(out.coordinates).toEqual([[Number.NaN, 32.86]]);
  });
});
