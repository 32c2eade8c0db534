/**
 * The one way a network tile reaches the map: MapLibre asks our protocol for `griddesk-basemap://source/z/x/y`
 * (renderer/tiles/tile-protocol.ts registers it), and this loader answers from the tile cache or the
 * provider. A fresh cached tile is drawn without asking anyone; otherwise the provider is asked through
 * the host (tiles:fetch, or the web server's proxy), its tile kept, and if it cannot be reached the
 * cached copy is drawn however old (the map stays up offline). What happened is reported as events, from
 * which the status bar says 离线 and the layer panel names a refused 天地图 key.
 */
import type { TileFetchOutcome } from '../../shared/ipc/contract';
import { routeOf } from '../../shared/tiles/cache-policy';
import { servesZoom, tileAnswer, tileUrl, type TileEndpoint } from '../../shared/tiles/endpoint';
import type { TileEvent } from '../../shared/tiles/basemap-status';
import type { TileFormat } from '../../shared/tiles/basemaps';
import type { TileId } from '../../shared/tiles/tile-math';
import { gunzipIfGzip, isImage } from '../../shared/tiles/vector-tile';
import { isQuotaError, tileKey, type CachedTile, type TileCache } from './tile-cache';

export const TILE_PROTOCOL = 'griddesk-basemap';

/** One basemap layer the loader serves. */
export interface TileSourceDef {
  readonly id: string;
  readonly endpoint: TileEndpoint;
  readonly provider: 'tianditu' | 'other';
  readonly maxAgeMs: number;
  /** Absent is `raster`. */
  readonly format?: TileFormat;
}

/** What the loader reports of each tile (shared/tiles/basemap-status.ts turns it into what the map says). */
export type { TileEvent };

/** The source and tile a `griddesk-basemap://` URL names, or null for anything else. */
export function parseTileUrl(url: string): { source: string; tile: TileId } | null {
  const m = /^griddesk-basemap:\/\/([A-Za-z0-9_-]+)\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})$/.exec(url);
  if (m === null) return null;
  const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (x >= 2 ** z || y >= 2 ** z) return null;
  return { source: m[1] as string, tile: { z, x, y } };
}

/** The tiles template of a source in a map style. */
export const tileTemplateOf = (source: string): string => `${TILE_PROTOCOL}://${source}/{z}/{x}/{y}`;

export interface TileLoaderDeps {
  readonly cache: TileCache;
  readonly fetchTile: (url: string) => Promise<TileFetchOutcome>;
  readonly source: (id: string) => TileSourceDef | undefined;
  readonly onEvent: (event: TileEvent) => void;
  /**
   * A tile with nothing on it, for one the provider does not have (outside its coverage or its zooms):
   * a transparent image, or an empty vector tile.
   */
  readonly emptyTile: (format: TileFormat) => Promise<ArrayBuffer>;
  readonly now?: () => number;
}

/** A tile image's or vector tile's bytes, as MapLibre takes them (its own copy). */
const dataOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

const looksLikeTile = (contentType: string): boolean =>
  contentType === '' ||
  /^(image\/|application\/(x-protobuf|vnd\.mapbox-vector-tile|octet-stream))/i.test(contentType);

export function createTileLoader(deps: TileLoaderDeps): (url: string) => Promise<ArrayBuffer> {
  const now = deps.now ?? Date.now;
  return async (url) => {
    const parsed = parseTileUrl(url);
    if (parsed === null) throw new Error(`not a tile address: ${url}`);
    const def = deps.source(parsed.source);
    if (def === undefined) throw new Error(`no basemap source "${parsed.source}"`);
    // What the provider answered is reported only while the source is still set as it was asked: a
    // request in flight when the settings changed (a 天地图 key corrected) says nothing of the new ones.
    const report = (event: TileEvent): void => {
      if (deps.source(def.id)?.endpoint.template === def.endpoint.template) deps.onEvent(event);
    };
    const format = def.format ?? 'raster';
    if (!servesZoom(def.endpoint, parsed.tile.z)) return deps.emptyTile(format);
    const key = tileKey(def.id, parsed.tile);
    const cached: CachedTile | undefined = await deps.cache.get(key);
    const at = now();
    if (routeOf(cached, at) === 'cache' && cached !== undefined) {
      deps.cache.touch(key, at);
      return dataOf(cached.bytes);
    }
    const outcome = await deps.fetchTile(tileUrl(def.endpoint, parsed.tile));
    if (outcome.kind === 'unreachable') {
      if (cached !== undefined) {
        report({ kind: 'stale', source: def.id });
        deps.cache.touch(key, at);
        return dataOf(cached.bytes);
      }
      report({ kind: 'missing', source: def.id });
      throw new Error(`${def.id}: provider unreachable (${outcome.reason})`);
    }
    if (outcome.kind === 'refused') throw new Error(`${def.id}: ${outcome.reason}`);
    const answer = tileAnswer(outcome.status, def.provider);
    if (answer.kind === 'refused') {
      report({ kind: 'refused', source: def.id, key: answer.key });
      if (cached !== undefined) return dataOf(cached.bytes);
      throw new Error(`${def.id}: HTTP ${outcome.status}`);
    }
    report({ kind: outcome.status === 404 ? 'notFound' : 'online', source: def.id });
    if (answer.kind === 'empty' || outcome.bytes.byteLength === 0) return deps.emptyTile(format);
    if (!looksLikeTile(outcome.contentType))
      throw new Error(`${def.id}: answered ${outcome.contentType}, not a tile`);
    // MapLibre reads vector tiles as they are: one a server kept gzipped (and sent without saying so)
    // is unzipped here, once, before it is kept.
    const bytes = format === 'vector' ? gunzipIfGzip(outcome.bytes) : outcome.bytes;
    if (format === 'vector' && isImage(bytes))
      throw new Error(`${def.id}: answered an image, not a vector tile`);
    try {
      await deps.cache.put({
        key,
        source: def.id,
        bytes,
        contentType: outcome.contentType,
        fetchedAt: at,
        maxAgeMs: def.maxAgeMs,
        pinned: false,
      });
    } catch (error) {
      // A full disk keeps the tile out of the cache, not off the map.
      if (!isQuotaError(error)) throw error;
      report({ kind: 'quota', source: def.id });
    }
    return dataOf(bytes);
  };
}
