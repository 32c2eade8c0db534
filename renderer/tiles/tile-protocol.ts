/**
 * The page's one tile service: the tile cache, the loader and MapLibre's `griddesk-basemap://` protocol, made
 * once, on first use. Basemap layers are handed in as the choice changes; the loader serves only those.
 */
import { addProtocol } from 'maplibre-gl';
import type { BasemapLayer, TileFormat } from '../../shared/tiles/basemaps';
import { platform } from '../platform';
import { TileCacheDb, createTileCache, type TileCache } from './tile-cache';
import { TILE_PROTOCOL, createTileLoader, type TileEvent, type TileSourceDef } from './tile-loader';

export interface TileService {
  readonly cache: TileCache;
  /** The cache's database (its offline areas: renderer/tiles/offline-download.ts). */
  readonly db: TileCacheDb;
  setSources(layers: readonly BasemapLayer[]): void;
  setCap(bytes: number): void;
}

let service: TileService | null = null;
let listener: (event: TileEvent) => void = () => undefined;

let empty: Promise<ArrayBuffer> | null = null;
/**
 * A tile with nothing on it, drawn where a provider has none: a transparent 1×1 PNG, or an empty
 * vector tile (no layers: zero bytes).
 */
export function emptyTile(format: TileFormat = 'raster'): Promise<ArrayBuffer> {
  if (format === 'vector') return Promise.resolve(new ArrayBuffer(0));
  empty ??= new OffscreenCanvas(1, 1).convertToBlob({ type: 'image/png' }).then((blob) => blob.arrayBuffer());
  return empty;
}

/**
 * The tile service, made on first use. `onEvent`, when given, is who hears what the loader reports from
 * now on (the basemap store); a caller that only reads the cache gives none and changes nothing.
 */
export function tileService(onEvent?: (event: TileEvent) => void): TileService {
  if (onEvent !== undefined) listener = onEvent;
  if (service !== null) return service;
  const db = new TileCacheDb();
  const cache = createTileCache(db);
  const sources = new Map<string, TileSourceDef>();
  const load = createTileLoader({
    cache,
    fetchTile: (url) => platform().tiles.fetch(url),
    source: (id) => sources.get(id),
    onEvent: (event) => listener(event),
    emptyTile,
  });
  addProtocol(TILE_PROTOCOL, async (params) => ({ data: await load(params.url) }));
  service = {
    cache,
    db,
    setSources(layers) {
      sources.clear();
      for (const layer of layers) sources.set(layer.id, layer);
    },
    setCap: (bytes) => cache.setCap(bytes),
  };
  return service;
}
