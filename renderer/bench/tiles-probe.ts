/**
 * The `tiles` bench's page side (test/bench/tiles.bench.ts), in the bench build only. Every figure is
 * taken through the app's own tile loader (renderer/tiles/tile-loader.ts) over a scratch tile cache
 * database (real IndexedDB): tiles fetched from the local tile server through the host's fetch (the web
 * server's /tile-proxy, as in browser mode) and kept, then the same tiles read back from the cache; one
 * at a time (latency) and {@link PARALLEL} at once (throughput, as MapLibre asks for a screenful). Then
 * eviction at the size cap: a cache filled to its cap, the cost of a write that takes it over (and of
 * the eviction down to 90 % that follows it) against a write that does not, and what the page feels
 * meanwhile: the longest main-thread task and the longest gap between animation frames during the
 * eviction, and how long a cached tile, and one fetched from the server, that the map asks for while
 * it runs take. Last, the one-off upgrade of a version-2 cache of the same tiles to version 3.
 */
import { Dexie } from 'dexie';
import { parseTemplate } from '../../shared/tiles/endpoint';
import { platform } from '../platform';
import { TileCacheDb, createTileCache, type TileToKeep } from '../tiles/tile-cache';
import { createTileLoader, type TileSourceDef } from '../tiles/tile-loader';

/** Requests at once in the throughput runs (MapLibre's own limit per source is about this). */
const PARALLEL = 8;
/** Evicting writes measured, one after another (each from the cap down to 90 %). */
const EVICT_ROUNDS = 5;
/** How long after an evicting write starts the map asks for its tiles (ms; eviction takes longer). */
const ASK_AFTER_MS = 10;

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
  /** The write that takes the cache over its cap, until it resolves (the tile kept). */
  readonly evictingPutMs: number;
  /** From that write's start until the eviction it set off has ended. */
  readonly evictMs: number;
  readonly evictedTiles: number;
  /** The longest main-thread task overlapping the eviction (0 when none passed 50 ms). */
  readonly evictLongestTaskMs: number;
  /** The longest gap between animation frames while the eviction ran. */
  readonly evictFrameGapMs: number;
  /** A cached tile asked for while the eviction runs: how long it took to come back. */
  readonly hitDuringEvictMs: number;
  /** A tile not cached, asked for then: how long until it was fetched, kept and handed to the map. */
  readonly fetchDuringEvictMs: number;
  /** Evicting writes measured (each takes the cache from its cap to 90 %): median figures above. */
  readonly evictRounds: number;
  /** Opening a version-2 cache of `upgradeTiles` tiles (`upgradeBytes`) as version 3: its upgrade. */
  readonly upgradeMs: number;
  readonly upgradeTiles: number;
  readonly upgradeBytes: number;
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
    const tile = (i: number): TileToKeep => ({
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
    // The cached tiles the map asks for meanwhile: fetched now and marked just drawn, so eviction keeps them.
    for (let r = 0; r < EVICT_ROUNDS; r += 1) {
      await load(url(r, 14));
      cache.touch(`bench/14/${r}/0`, now + 1e9);
    }
    await cache.flush();
    const countBefore = await db.tiles.count();
    const cachedBytes = (await cache.sizes()).reduce((n, s) => n + s.bytes, 0);
    // Evicting writes: each sets the cap at what the cache holds, so the write takes it over and the
    // least recently used go down to 90 %. Meanwhile the map asks for a cached tile (one just drawn, so
    // not evicted) and one the cache does not hold, animation frames are counted and long tasks observed.
    const tasks: [number, number][] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.startTime + e.duration]);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const rounds: {
      ms: number;
      put: number;
      evicted: number;
      task: number;
      gap: number;
      hit: number;
      fetched: number;
    }[] = [];
    for (let r = 0; r < EVICT_ROUNDS; r += 1) {
      const total = (await cache.sizes()).reduce((n, s) => n + s.bytes, 0);
      const count = await db.tiles.count();
      cache.setCap(total);
      let frames = true;
      let last = performance.now();
      let gap = 0;
      const frame = (): void => {
        const t = performance.now();
        gap = Math.max(gap, t - last);
        last = t;
        if (frames) requestAnimationFrame(frame);
      };
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      last = performance.now();
      requestAnimationFrame(frame);
      const t0 = performance.now();
      const written = cache.put(tile(fill + 100 + r));
      const putDone = written.then(() => performance.now() - t0);
      const put = written.then(() => cache.idle()).then(() => performance.now() - t0);
      // Asked for once the write and its eviction are under way, as the map would.
      await new Promise<void>((resolve) => setTimeout(resolve, ASK_AFTER_MS));
      const asked = (u: string): Promise<number> => {
        const at = performance.now();
        return load(u).then(() => performance.now() - at);
      };
      const [ms, writeMs, hitMs, fetchedMs] = await Promise.all([
        put,
        putDone,
        asked(url(r, 14)),
        asked(url(100 + r, 14)),
      ]);
      await cache.idle();
      const t1 = t0 + ms;
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      frames = false;
      const task = Math.max(0, ...tasks.filter(([s, e]) => e > t0 && s < t1).map(([s, e]) => e - s));
      const evicted = count + 2 - (await db.tiles.count());
      rounds.push({ ms, put: writeMs, evicted, task, gap, hit: hitMs, fetched: fetchedMs });
    }
    observer.disconnect();
    const mid = (pick: (r: (typeof rounds)[number]) => number): number => median(rounds.map(pick));
    const upgrade = await upgradeFromVersion2(`${name}-v2`, fill, (i) => tile(i));
    return {
      tiles,
      tileBytes,
      fetchMedianMs: median(fetchMs),
      hitMedianMs: median(hitMs),
      fetchPerSecond,
      hitPerSecond,
      cachedTiles: countBefore,
      cachedBytes,
      putMedianMs: median(putMs),
      evictingPutMs: mid((r) => r.put),
      evictMs: mid((r) => r.ms),
      evictedTiles: mid((r) => r.evicted),
      evictLongestTaskMs: mid((r) => r.task),
      evictFrameGapMs: mid((r) => r.gap),
      hitDuringEvictMs: mid((r) => r.hit),
      fetchDuringEvictMs: mid((r) => r.fetched),
      evictRounds: rounds.length,
      ...upgrade,
    };
  } finally {
    await cache.close();
    await Dexie.delete(name);
  }
}

/**
 * A cache as version 2 kept it (a `lastUsed` in each tile and its index, no usage rows) of `count`
 * tiles, then opened by the app's TileCacheDb: how long opening it as version 3 takes.
 */
async function upgradeFromVersion2(
  name: string,
  count: number,
  tile: (i: number) => TileToKeep,
): Promise<{ upgradeMs: number; upgradeTiles: number; upgradeBytes: number }> {
  const old = new Dexie(name);
  old.version(1).stores({ tiles: '&key, source, lastUsed', sizes: '&source' });
  old.version(2).stores({ areas: '&id' });
  let bytes = 0;
  for (let i = 0; i < count; i += 500) {
    const rows = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
      const t = tile(i + j);
      bytes += t.bytes.byteLength;
      return { ...t, lastUsed: t.fetchedAt };
    });
    await old.table('tiles').bulkPut(rows);
  }
  old.close();
  const t0 = performance.now();
  const db = new TileCacheDb(name);
  await db.open();
  const upgradeMs = performance.now() - t0;
  const upgradeTiles = await db.tiles.count();
  db.close();
  await Dexie.delete(name);
  return { upgradeMs, upgradeTiles, upgradeBytes: bytes };
}

export const tilesProbe = { tilesBench };
