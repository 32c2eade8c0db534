import type { Feature, FeatureCollection } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

import type { BasemapDatum } from '../../../shared/tiles/basemaps';
import { shownFeatures } from '../shown-datum';
import { TILE_MAX_ZOOM } from './tile-zoom';

/**
 * MapLibre's tile extent and its GeoJSON source's defaults (maplibre-gl geojson_source.ts: buffer 128 px
 * and tolerance 0.375 px of a 512 px tile, max zoom {@link TILE_MAX_ZOOM}), so a tiled source is cut as
 * a GeoJSON source would be and draws the same.
 */
const EXTENT = 8192;
const PIXELS = EXTENT / 512;

/**
 * A tiled source is drawn from the zoom at which its typical (median) feature is this many pixels
 * across: below it, a street office's 200,000 grids of 50 m would be a grey blur of a few million
 * vertices that the graphics card must take in (seconds per tile on a PC without one), and the
 * patrol areas give the overview. The sample's grids of about 1 km are drawn from zoom 9.
 */
export const MIN_FEATURE_PIXELS = 8;

/** Features measured for the median size: evenly spread over the collection. */
const SIZE_SAMPLE = 1_001;

/** The zoom (whole, 0 … TILE_MAX_ZOOM) from which `features` are drawn; 0 when they have no extent. */
export function drawnFromZoom(features: readonly Feature[]): number {
  const sizes: number[] = [];
  const step = Math.max(1, Math.floor(features.length / SIZE_SAMPLE));
  for (let i = 0; i < features.length; i += step) {
    const g = features[i]?.geometry;
    if (g === undefined || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    let w = Infinity;
    let e = -Infinity;
    let s = Infinity;
    let n = -Infinity;
    for (const ring of rings)
      for (const [x = 0, y = 0] of ring) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    if (e > w || n > s) sizes.push(Math.max(e - w, n - s));
  }
  if (sizes.length === 0) return 0;
  sizes.sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  // A feature `median` degrees across spans median / 360 × 512 × 2^z pixels at zoom z.
  const zoom = Math.ceil(Math.log2((MIN_FEATURE_PIXELS * 360) / (512 * median)));
  return Math.min(TILE_MAX_ZOOM, Math.max(0, zoom));
}

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
  const published = new Map<string, { layer: string; index: GeoJSONVT; minZoom: number }>();
  return {
    /**
     * Adds features (stored WGS84) to the collection being built under `key` (a new key starts empty),
     * shifted to where the map draws them over a basemap in `datum` (shown-datum.ts): here, off the UI
     * thread, for the 200,000 grids of a street office.
     */
    stage(key: string, features: readonly Feature[], datum: BasemapDatum = 'wgs84'): void {
      const list = staged.get(key) ?? [];
      for (const f of shownFeatures(features, datum)) list.push(f);
      staged.set(key, list);
    },
    /**
     * Cuts the staged features of `key` into tiles of the vector layer `layer` and drops `replaces`
     * (the key this one takes over from, if any). Returns the features indexed and the zoom they are
     * drawn from ({@link drawnFromZoom}: tiles of lower zooms are empty).
     */
    publish(key: string, layer: string, replaces?: string): { features: number; minZoom: number } {
      const features = staged.get(key) ?? [];
      staged.delete(key);
      const data: FeatureCollection = { type: 'FeatureCollection', features };
      const index = new GeoJSONVT(data, {
        maxZoom: TILE_MAX_ZOOM,
        extent: EXTENT,
        buffer: 128 * PIXELS,
        tolerance: 0.375 * PIXELS,
      });
      const minZoom = drawnFromZoom(features);
      published.set(key, { layer, index, minZoom });
      if (replaces !== undefined && replaces !== key) published.delete(replaces);
      return { features: features.length, minZoom };
    },
    /** The tile z/x/y of `key` as an uncompressed MVT; empty when it holds nothing there or z is below its features' zoom. */
    tile(key: string, z: number, x: number, y: number): Uint8Array {
      const set = published.get(key);
      const tile = set !== undefined && z >= set.minZoom ? set.index.getTile(z, x, y) : null;
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
