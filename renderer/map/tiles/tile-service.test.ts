import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { wgs84ToGcj02 } from '../../../shared/geo/china-offsets';
import { createTileService, drawnFromZoom } from './tile-service';
import { parseTileUrl, tileUrl } from './tile-url';

/** A 0.01° square with its south-west corner at lon/lat `w`, `s`. */
function square(code: string, w: number, s: number): Feature {
  const e = w + 0.01;
  const n = s + 0.01;
  return {
    type: 'Feature',
    properties: { code, name: `网格${code}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

/** The tile of zoom `z` holding lon/lat (Web Mercator, as MapLibre numbers them). */
function tileAt(z: number, lon: number, lat: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [z, x, y];
}

function codesIn(bytes: Uint8Array, layer: string): string[] {
  const tile = new VectorTile(new PbfReader(bytes));
  const l = tile.layers[layer];
  if (l === undefined) return [];
  return Array.from({ length: l.length }, (_, i) => String(l.feature(i).properties.code)).sort();
}

describe('the map tile service', () => {
  it('cuts features staged in chunks into vector tiles of the named layer, with their properties', () => {
    const tiles = createTileService();
    tiles.stage('k1', [square('A', 120.0, 31.0), square('B', 120.01, 31.0)]);
    tiles.stage('k1', [square('C', 120.5, 31.5)]);
    expect(tiles.publish('k1', 'grids')).toEqual({ features: 3, minZoom: 10 });
    expect(codesIn(tiles.tile('k1', ...tileAt(14, 120.005, 31.005)), 'grids')).toEqual(['A', 'B']);
    expect(codesIn(tiles.tile('k1', ...tileAt(10, 120.505, 31.505)), 'grids')).toEqual(['C']);
    // 0.01° squares are 8 px across from zoom 10: none are drawn below.
    expect(tiles.tile('k1', ...tileAt(9, 120.005, 31.005))).toHaveLength(0);
  });

  it('answers an empty tile where there is nothing, for a key never published, and after a replacement', () => {
    const tiles = createTileService();
    tiles.stage('old', [square('A', 120.0, 31.0)]);
    tiles.publish('old', 'grids');
    expect(tiles.tile('old', ...tileAt(14, 10, 10))).toHaveLength(0);
    expect(tiles.tile('never', ...tileAt(14, 120.005, 31.005))).toHaveLength(0);
    tiles.stage('new', [square('D', 120.0, 31.0)]);
    tiles.publish('new', 'grids', 'old');
    expect(tiles.tile('old', ...tileAt(14, 120.005, 31.005))).toHaveLength(0);
    expect(codesIn(tiles.tile('new', ...tileAt(14, 120.005, 31.005)), 'grids')).toEqual(['D']);
  });

  it('draws small features only from the zoom at which they are a few pixels across', () => {
    const tiles = createTileService();
    // 0.0005° (about 50 m): 8 px across from zoom 14; above that they would be a blur.
    const small = Array.from({ length: 400 }, (_, i) => {
      const f = square(`S${i}`, 120 + (i % 20) * 0.0005, 31 + Math.floor(i / 20) * 0.0005);
      const ring = (f.geometry as Polygon).coordinates[0] ?? [];
      for (const p of ring) {
        p[0] = 120 + (i % 20) * 0.0005 + ((p[0] ?? 0) - 120 - (i % 20) * 0.0005) / 20;
        p[1] = 31 + Math.floor(i / 20) * 0.0005 + ((p[1] ?? 0) - 31 - Math.floor(i / 20) * 0.0005) / 20;
      }
      return f;
    });
    expect(drawnFromZoom(small)).toBe(14);
    tiles.stage('s', small);
    expect(tiles.publish('s', 'grids').minZoom).toBe(14);
    expect(tiles.tile('s', ...tileAt(13, 120.001, 31.001))).toHaveLength(0);
    expect(codesIn(tiles.tile('s', ...tileAt(14, 120.001, 31.001)), 'grids')).toContain('S0');
    expect(drawnFromZoom([])).toBe(0);
  });

  it('cuts stored WGS84 features where a GCJ-02 basemap draws them when staged for one', () => {
    const tiles = createTileService();
    /** A square of about 50 m at 120.0°E, 31.0°N. */
    const small = (code: string): Feature => {
      const f = square(code, 120.0, 31.0);
      for (const p of (f.geometry as Polygon).coordinates[0] ?? []) {
        p[0] = 120 + ((p[0] ?? 0) - 120) / 20;
        p[1] = 31 + ((p[1] ?? 0) - 31) / 20;
      }
      return f;
    };
    tiles.stage('wgs', [small('W')]);
    tiles.stage('gcj', [small('G')], 'gcj02');
    tiles.publish('wgs', 'grids');
    tiles.publish('gcj', 'grids');
    // Zoom 18 tiles are about 130 m across; the offset here is about 500 m, a few tiles away.
    const [lon, lat] = wgs84ToGcj02([120.0001, 31.0001]);
    expect(codesIn(tiles.tile('gcj', ...tileAt(18, lon, lat)), 'grids')).toEqual(['G']);
    expect(codesIn(tiles.tile('gcj', ...tileAt(18, 120.0001, 31.0001)), 'grids')).toEqual([]);
    expect(codesIn(tiles.tile('wgs', ...tileAt(18, 120.0001, 31.0001)), 'grids')).toEqual(['W']);
    expect(codesIn(tiles.tile('wgs', ...tileAt(18, lon, lat)), 'grids')).toEqual([]);
  });

  it('reads back the key and tile of its own tile URLs and nothing else', () => {
    const url = tileUrl('map1.grids.2').replace('{z}', '14').replace('{x}', '13').replace('{y}', '6');
    expect(parseTileUrl(url)).toEqual({ key: 'map1.grids.2', z: 14, x: 13, y: 6 });
    expect(parseTileUrl('https://example.com/14/13/6')).toBeNull();
  });
});
