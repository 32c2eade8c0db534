/**
 * The tile cache's rules, apart from where the tiles are kept: when a cached tile is served as it is,
 * when the network is asked first (and the cached copy served if the network fails: the centre's map
 * stays up when its line goes down), and which tiles go when the cache is over its size cap (least
 * recently used first, down to a low-water mark so that every new tile does not evict one).
 */

export const MiB = 1024 * 1024;
/** The cache's default size cap. */
export const DEFAULT_CACHE_CAP = 2048 * MiB;
/** How long a tile is fresh unless its source says otherwise: basemaps change over months. */
export const DEFAULT_TILE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** Eviction stops once the cache is this share of its cap. */
export const EVICT_TO = 0.9;

/** What the cache knows of a tile it holds. */
export interface CachedTileInfo {
  readonly fetchedAt: number;
  /** The source's expiry for its tiles, ms (offline downloads never expire: they were asked for). */
  readonly maxAgeMs: number;
  readonly pinned?: boolean;
}

/**
 * How to answer a tile request: `cache` serves the cached copy, `network` asks the provider and serves
 * the cached copy (marked stale) if that fails.
 */
export type TileRoute = 'cache' | 'network';

/** The route of one request: a fresh (or pinned) tile from the cache; anything else by the network. */
export function routeOf(cached: CachedTileInfo | undefined, now: number): TileRoute {
  if (cached === undefined) return 'network';
  if (cached.pinned === true) return 'cache';
  return now - cached.fetchedAt < cached.maxAgeMs ? 'cache' : 'network';
}

/** A cached tile as eviction sees it. */
export interface EvictionEntry {
  readonly key: string;
  readonly bytes: number;
  readonly lastUsed: number;
}

/**
 * The keys to delete, least recently used first, when `totalBytes` is over `capBytes`: as many as bring
 * it to {@link EVICT_TO} of the cap; none when it is within the cap. `oldestFirst` is the cache's
 * entries in order of last use, oldest first (an index walk, read lazily: eviction usually stops early).
 * An eviction done in batches is `underWay` after its first: it goes on while the cache is above
 * {@link EVICT_TO} of the cap, though no longer over the cap itself.
 */
export function evictionPlan(
  oldestFirst: Iterable<EvictionEntry>,
  totalBytes: number,
  capBytes: number,
  underWay = false,
): { readonly keys: string[]; readonly freedBytes: number } {
  const keys: string[] = [];
  let freedBytes = 0;
  if (!underWay && totalBytes <= capBytes) return { keys, freedBytes };
  const target = capBytes * EVICT_TO;
  for (const entry of oldestFirst) {
    if (totalBytes - freedBytes <= target) break;
    keys.push(entry.key);
    freedBytes += entry.bytes;
  }
  return { keys, freedBytes };
}

/** A planned offline download past this many tiles is refused (a 天地图 key allows about 10,000 a day). */
export const DOWNLOAD_MAX_TILES = 50_000;

/** What a planned download would fetch, before it starts. */
export interface DownloadEstimate {
  readonly tiles: number;
  readonly bytes: number;
  readonly refused: null | {
    readonly key: 'basemap.download.tooMany';
    readonly params: { max: number; tiles: number };
  };
}

/**
 * The size of a planned download from its tile count and the bytes of a typical tile of the source
 * (the mean of those already cached, or a guess: about 20 KB for a raster tile), refused past
 * {@link DOWNLOAD_MAX_TILES}.
 */
export function estimateDownload(tiles: number, meanTileBytes: number): DownloadEstimate {
  return {
    tiles,
    bytes: Math.round(tiles * meanTileBytes),
    refused:
      tiles > DOWNLOAD_MAX_TILES
        ? { key: 'basemap.download.tooMany', params: { max: DOWNLOAD_MAX_TILES, tiles } }
        : null,
  };
}
