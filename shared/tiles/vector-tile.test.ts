import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { isImage, readVectorTile } from './vector-tile';

/** A vector tile with a `water` polygon and a `road` line at z0, as a server cuts one. */
function tile(): Uint8Array {
  const index = (geometry: GeoJSON.Geometry) =>
    new GeoJSONVT({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] });
  const water = index({
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 0],
      ],
    ],
  }).getTile(0, 0, 0);
  const road = index({
    type: 'LineString',
    coordinates: [
      [0, 0],
      [20, 20],
    ],
  }).getTile(0, 0, 0);
  if (water === null || road === null) throw new Error('no tile');
  return fromGeojsonVt({ water, road }, { version: 2, extent: 4096 });
}

const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('reading a vector tile', () => {
  it('names its source layers in order, gzipped or not', () => {
    expect(readVectorTile(tile())).toEqual({ kind: 'layers', names: ['water', 'road'] });
    expect(readVectorTile(gzipSync(tile()))).toEqual({
      kind: 'layers',
      names: ['water', 'road'],
    });
  });

  it('reads an empty tile as one without layers', () => {
    expect(readVectorTile(new Uint8Array(0))).toEqual({ kind: 'layers', names: [] });
  });

  it('tells an image from a vector tile, and rejects what is neither', () => {
    expect(isImage(PNG_HEAD)).toBe(true);
    expect(readVectorTile(PNG_HEAD)).toEqual({ kind: 'image' });
    expect(readVectorTile(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ kind: 'image' });
    const html = new TextEncoder().encode('<!doctype html><html><body>404 Not Found</body></html>');
    expect(readVectorTile(html)).toEqual({ kind: 'invalid' });
    // Gzip magic with a corrupt body.
    expect(readVectorTile(Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3]))).toEqual({ kind: 'invalid' });
  });
});
