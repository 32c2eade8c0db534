/**
 * The `tiles` bench's page side (test/bench/tiles.bench.ts), in the bench build only. Every figure is
 * taken through the app's own tile loader (renderer/tiles/tile-loader.ts) over a scratch tile cache
 * database (real IndexedDB): tiles fetched from the local tile server through the host's fetch (the web
 * server's /tile-proxy, as in browser mode) and kept, then the same tiles read back from the cache; one
 * at a time (latency) and {@link PARALLEL} at once (throughput, as MapLibre asks for a screenful). Then
 * eviction at the size cap: a cache filled to its cap, the cost of a write that takes it over (which
 * evicts down to 90 %) against a write that does not.
 */
import { Dexie } from 'dexie';
import { parseTemplate } from '../../shared/tiles/endpoint';
import { platform } from '../platform';
import { TileCacheDb, createTileCache, type CachedTile } from '../tiles/tile-cache';
import { createTileLoader, type TileSourceDef } from '../tiles/tile-loader';

/** Requests at once in the throughput runs (MapLibre's own limit per source is about this). */
const PARALLEL = 8;

export interface TilesBenchFigures {
  readonly tiles: number;
  readonly tileBytes: number;
  readonly fetchMedianMs: number;
  readonly hitMedianMs: number;
  readonly fetchPerSecond: number;
  readonly hitPerSecond: number;
  readonly cachedTiles: number;
  readonly cachedBytes: number;
  readonly putMedianMs: number;
  readonly evictingPutMs: number;
  readonly evictedTiles: number;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function tilesBench(origin: string, tiles: number, fill: number): Promise<TilesBenchFigures> {
  const name = `griddesk-bench-tiles-${Date.now()}`;
  const db = new TileCacheDb(name);
  const cache = createTileCache(db, { capBytes: 64 * 1024 ** 3 });
  const parsed = parseTemplate(`${origin}/xyz/{z}/{x}/{y}.png`);
  if (!parsed.ok) throw new Error(parsed.problem.key);
  const def: TileSourceDef = { id: 'bench', endpoint: parsed.endpoint, provider: 'other', maxAgeMs: 3.6e6 };
  const load = createTileLoader({
    cache,
    fetchTile: (url) => platform().tiles.fetch(url),
    source: (id) => (id === def.id ? def : undefined),
    onEvent: () => undefined,
    emptyTile: async () => new ArrayBuffer(0),
  });
  const url = (i: number, z: number): string =>
    `griddesk-basemap://bench/${z}/${i % 2 ** z}/${Math.floor(i / 2 ** z)}`;
  try {
    // One at a time: fetched (and kept), then read back from the cache.
    const fetchMs: number[] = [];
    const hitMs: number[] = [];
    let tileBytes = 0;
    for (let i = 0; i < tiles; i += 1) {
      const t0 = performance.now();
      tileBytes = (await load(url(i, 12))).byteLength;
      fetchMs.push(performance.now() - t0);
    }
    for (let i = 0; i < tiles; i += 1) {
      const t0 = performance.now();
      await load(url(i, 12));
      hitMs.push(performance.now() - t0);
    }
    // PARALLEL at once, other tiles (zoom 13).
    const rate = async (): Promise<number> => {
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < tiles) await load(url(next++, 13));
        }),
      );
      return tiles / ((performance.now() - t0) / 1000);
    };
    const fetchPerSecond = await rate();
    const hitPerSecond = await rate();
    await cache.flush();

    // Eviction at the cap: `fill` tiles of 20 KB (a typical raster tile) in batches, the cap set at what
    // they hold; then puts under a large cap, and one put with the cap at the total.
    const bytes = new Uint8Array(20 * 1024);
    crypto.getRandomValues(bytes);
    const now = Date.now();
    const tile = (i: number): Omit<CachedTile, 'lastUsed'> => ({
      key: `fill/16/${i}/0`,
      source: 'fill',
      bytes,
      contentType: 'image/png',
      fetchedAt: now + i,
      maxAgeMs: 3.6e6,
      pinned: false,
    });
    for (let i = 0; i < fill; i += 500)
      await cache.putBatch(
        Array.from({ length: Math.min(500, fill - i) }, (_, j) => tile(i + j)),
        async () => undefined,
      );
    const putMs: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const t0 = performance.now();
      await cache.put(tile(fill + i));
      putMs.push(performance.now() - t0);
    }
    const total = (await cache.sizes()).reduce((n, s) => n + s.bytes, 0);
    const countBefore = await db.tiles.count();
    cache.setCap(total);
    const t0 = performance.now();
    await cache.put(tile(fill + 100));
    const evictingPutMs = performance.now() - t0;
    const countAfter = await db.tiles.count();
    return {
      tiles,
      tileBytes,
      fetchMedianMs: median(fetchMs),
      hitMedianMs: median(hitMs),
      fetchPerSecond,
      hitPerSecond,
      cachedTiles: countBefore,
      cachedBytes: total,
      putMedianMs: median(putMs),
      evictingPutMs,
      evictedTiles: countBefore + 1 - countAfter,
    };
  } finally {
    await cache.close();
    await Dexie.delete(name);
  }
}

export const tilesProbe = { tilesBench };
