import type { Feature, FeatureCollection } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

import { TILE_MAX_ZOOM } from './tile-zoom';

/**
 * MapLibre's tile extent and its GeoJSON source's defaults (maplibre-gl geojson_source.ts: buffer 128 px
 * and tolerance 0.375 px of a 512 px tile, max zoom {@link TILE_MAX_ZOOM}), so a tiled source is cut as
 * a GeoJSON source would be and draws the same.
 */
const EXTENT = 8192;
const PIXELS = EXTENT / 512;

/**
 * Vector tiles cut from a FeatureCollection, source by source: MapLibre asks for them by URL (the
 * map's tile protocol, tile-client.ts) instead of being handed the whole collection, which it would
 * copy on the UI thread (200,000 grids take seconds). The features arrive in chunks (`stage`), the
 * index is built once they are all there (`publish`); a tile asked for before that, or of a key not
 * published, is empty. The window runs it in the tile worker (tile.worker.ts); tests on their own
 * thread.
 */
export function createTileService() {
  const staged = new Map<string, Feature[]>();
  const published = new Map<string, { layer: string; index: GeoJSONVT }>();
  return {
    /** Adds features to the collection being built under `key` (a new key starts empty). */
    stage(key: string, features: readonly Feature[]): void {
      const list = staged.get(key) ?? [];
      for (const f of features) list.push(f);
      staged.set(key, list);
    },
    /**
     * Cuts the staged features of `key` into tiles of the vector layer `layer` and drops `replaces`
     * (the key this one takes over from, if any). Returns the features indexed.
     */
    publish(key: string, layer: string, replaces?: string): number {
      const features = staged.get(key) ?? [];
      staged.delete(key);
      const data: FeatureCollection = { type: 'FeatureCollection', features };
      const index = new GeoJSONVT(data, {
        maxZoom: TILE_MAX_ZOOM,
        extent: EXTENT,
        buffer: 128 * PIXELS,
        tolerance: 0.375 * PIXELS,
      });
      published.set(key, { layer, index });
      if (replaces !== undefined && replaces !== key) published.delete(replaces);
      return features.length;
    },
    /** The tile z/x/y of `key` as an uncompressed MVT; empty when it holds nothing there. */
    tile(key: string, z: number, x: number, y: number): Uint8Array {
      const set = published.get(key);
      const tile = set?.index.getTile(z, x, y);
      if (set === undefined || tile === null || tile === undefined) return new Uint8Array(0);
      return fromGeojsonVt({ [set.layer]: tile }, { version: 2, extent: EXTENT });
    },
    /** Forgets `key` (a map removed). */
    drop(key: string): void {
      staged.delete(key);
      published.delete(key);
    },
  };
}

export type TileService = ReturnType<typeof createTileService>;
