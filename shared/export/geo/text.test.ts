import { describe, expect, it } from 'vitest';
import { toWkt, writeCsv } from './csv';
import { writeGeoJson } from './geojson';
import type { ExportFeature } from './result';

const clockwiseSquare: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 31],
      [120, 31.01],
      [120.0100000049, 31.01],
      [120.01, 31],
      [120, 31],
    ],
  ],
};
const features: ExportFeature[] = [
  { geometry: clockwiseSquare, properties: { code: '321281118001001', name: '梅村,东片', n: 2 } },
  { geometry: null, properties: { code: '321281118001002', name: '说 "北" 片' } },
];
const columns = [
  { key: 'code', name: '网格编码' },
  { key: 'name', name: '网格名称' },
  { key: 'n', name: 'n' },
];
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

describe('GeoJSON', () => {
  it('is RFC 7946: counter-clockwise outer rings, 7 decimals, properties under the column names', () => {
    const json = JSON.parse(utf8.decode(writeGeoJson(features, columns))) as GeoJSON.FeatureCollection;
    expect(json.features[0]).toEqual({
      type: 'Feature',
      properties: { 网格编码: '321281118001001', 网格名称: '梅村,东片', n: 2 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [120, 31],
            [120.01, 31],
            [120.01, 31.01],
            [120, 31.01],
            [120, 31],
          ],
        ],
      },
    });
    expect(json.features[1]).toMatchObject({ geometry: null, properties: { n: null } });
  });
});

describe('CSV', () => {
  it('starts with a BOM, quotes what needs quoting, and writes polygons as WKT', () => {
    const bytes = writeCsv(features, columns, { form: 'wkt', headers: ['WKT'] });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.decode(bytes)).toBe(
      '\uFEFF网格编码,网格名称,n,WKT\r\n' +
        '321281118001001,"梅村,东片",2,"POLYGON ((120 31, 120.01 31, 120.01 31.01, 120 31.01, 120 31))"\r\n' +
        '321281118001002,"说 ""北"" 片",,\r\n',
    );
  });

  it('writes points as lon/lat columns', () => {
    const point: ExportFeature = {
      geometry: { type: 'Point', coordinates: [120.123456789, 31.5] },
      properties: { code: 'A' },
    };
    const text = utf8.decode(writeCsv([point], [columns[0]!], { form: 'lonLat', headers: ['经度', '纬度'] }));
    expect(text).toBe('\uFEFF网格编码,经度,纬度\r\nA,120.1234568,31.5\r\n');
  });

  it('writes holes and several polygons in WKT', () => {
    expect(
      toWkt({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [2, 2],
              [3, 2],
              [3, 3],
              [2, 2],
            ],
          ],
        ],
      }),
    ).toBe('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))');
  });
});
