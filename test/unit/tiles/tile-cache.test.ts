/**
 * The tile cache's size cap (fake-indexeddb): past the cap the least recently used tiles go, down to
 * 90 %, after the write that took it over and in bounded batches, found by the usage index alone
 * (a tile's bytes are never read to evict it); pinned tiles stay until unpinned; a cache kept by
 * version 2 (no usage rows) opens without a tile rewritten and is evicted oldest first all the same.
 */
import 'fake-indexeddb/auto';
import {
  Dexie,
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreOpenCursorRequest,
  type DBCoreQueryRequest,
} from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EVICT_BATCH,
  TILE_CACHE_DB_NAME,
  TileCacheDb,
  createTileCache,
  type TileCache,
  type TileToKeep,
} from '../../../renderer/tiles/tile-cache';

let n = 0;
const opened: TileCache[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

const TILE = 100;
/** Tile i of `source`, fetched (and so last used) at time i. */
const tile = (i: number, source = 'county', pinned = false): TileToKeep => ({
  key: `${source}/16/${i}/0`,
  source,
  bytes: new Uint8Array(TILE),
  contentType: 'image/png',
  fetchedAt: i,
  maxAgeMs: 1e12,
  pinned,
});

/**
 * What reaches IndexedDB's tiles store: each delete request's size, the tiles read with their values
 * by queries, and the cursors opened on their values.
 */
function watch(db: TileCacheDb): { deletes: number[]; valuesRead: number } {
  const seen = { deletes: [] as number[], valuesRead: 0 };
  db.use({
    stack: 'dbcore',
    name: 'watch',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'tiles') return table;
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (req.type === 'delete') seen.deletes.push(req.keys.length);
            return table.mutate(req);
          },
          openCursor: (req: DBCoreOpenCursorRequest) => {
            if (req.values) seen.valuesRead += 1;
            return table.openCursor(req);
          },
          query: async (req: DBCoreQueryRequest) => {
            const answer = await table.query(req);
            if (req.values) seen.valuesRead += answer.result.length;
            return answer;
          },
        };
      },
    }),
  });
  return seen;
}

async function filled(count: number, pinnedBelow = 0) {
  const db = new TileCacheDb(`cache-test-${(n += 1)}`);
  const seen = watch(db);
  const cache = createTileCache(db, { capBytes: 1e12 });
  opened.push(cache);
  await cache.putBatch(
    Array.from({ length: count }, (_, i) => tile(i, 'county', i < pinnedBelow)),
    async () => undefined,
  );
  return { db, cache, seen };
}

const keysOf = async (db: TileCacheDb): Promise<string[]> =>
  (await db.tiles.toCollection().primaryKeys()).sort();
const heldBytes = async (cache: TileCache): Promise<number> =>
  (await cache.sizes()).reduce((sum, s) => sum + s.bytes, 0);

describe('the tile cache at its size cap', () => {
  it('evicts the least used tiles down to 90 % once the write is kept, a batch at a time, reading no tile', async () => {
    const { db, cache, seen } = await filled(1000);
    // Half the cache's bytes: eviction goes down to 45 % of what it holds, more than two batches.
    cache.setCap(500 * TILE);
    const before = seen.valuesRead;
    await cache.put(tile(5000));
    expect(await db.tiles.get('county/16/5000/0')).toBeDefined();
    await cache.idle();
    const left = await keysOf(db);
    // 1,001 tiles held, down to 450: the 551 used longest ago went (0–550), the newest stayed.
    expect(left).toHaveLength(450);
    expect(left).toEqual(
      [...Array.from({ length: 449 }, (_, i) => `county/16/${551 + i}/0`), 'county/16/5000/0'].sort(),
    );
    expect(await cache.sizes()).toEqual([{ source: 'county', bytes: 450 * TILE, count: 450 }]);
    expect(seen.deletes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...seen.deletes)).toBeLessThanOrEqual(EVICT_BATCH);
    expect(seen.valuesRead - before).toBe(0);
  });

  it('keeps pinned tiles, however old, and takes them like any other once unpinned', async () => {
    const { db, cache } = await filled(400, 100);
    cache.setCap(300 * TILE);
    await cache.put(tile(5000));
    await cache.idle();
    // 401 held, 100 pinned: down to 270, so the 131 oldest unpinned went (100–230).
    const left = await keysOf(db);
    expect(left).toHaveLength(270);
    expect(left).toContain('county/16/0/0');
    expect(left).not.toContain('county/16/230/0');
    expect(left).toContain('county/16/231/0');
    // Unpinned (their area removed), the old ones go first; drawn again since, one stays.
    cache.touch('county/16/7/0', 6000);
    await cache.flush();
    await cache.unpin(
      Array.from({ length: 100 }, (_, i) => `county/16/${i}/0`),
      async () => undefined,
    );
    await cache.idle();
    cache.setCap(200 * TILE);
    await cache.put(tile(5001));
    await cache.idle();
    const after = await keysOf(db);
    expect(after).toHaveLength(180);
    expect(after).toContain('county/16/7/0');
    expect(after).not.toContain('county/16/8/0');
    expect(await heldBytes(cache)).toBe(180 * TILE);
  });

  it('stops when nothing left may go: a cache of pinned tiles stays whole', async () => {
    const { db, cache } = await filled(50, 50);
    cache.setCap(10 * TILE);
    await cache.put(tile(5000, 'county', true));
    await cache.idle();
    expect(await db.tiles.count()).toBe(51);
  });
});

describe('a tile cache kept by version 2', () => {
  it('is opened as version 3 without a tile rewritten, and evicted oldest first, its pinned tiles kept', async () => {
    const name = `${TILE_CACHE_DB_NAME}-v2-${(n += 1)}`;
    // Version 2 exactly as it was shipped: a `lastUsed` in each tile and its index, no usage rows.
    const old = new Dexie(name);
    old.version(1).stores({ tiles: '&key, source, lastUsed', sizes: '&source' });
    old.version(2).stores({ areas: '&id' });
    // Tile i last used at 1000 − i: tile 299 used longest ago; the 20 oldest are an offline area's.
    await old.table('tiles').bulkPut(
      Array.from({ length: 300 }, (_, i) => ({
        ...tile(i, i % 2 === 0 ? 'even' : 'odd', i >= 280),
        lastUsed: 1000 - i,
      })),
    );
    await old.table('sizes').bulkPut([
      { source: 'even', bytes: 150 * TILE, count: 150 },
      { source: 'odd', bytes: 150 * TILE, count: 150 },
    ]);
    old.close();

    const db = new TileCacheDb(name);
    const cache = createTileCache(db, { capBytes: 200 * TILE });
    opened.push(cache);
    expect(await db.usage.count()).toBe(0);
    expect(await db.tiles.get('even/16/200/0')).toMatchObject({ lastUsed: 800, pinned: false });
    // Drawn again since the upgrade: used last of version 2's tiles.
    cache.touch('even/16/200/0', 3000);
    await cache.flush();
    await cache.put({ ...tile(5000, 'odd'), fetchedAt: 2000 });
    await cache.idle();
    // 301 held, down to 180: the 121 unpinned used longest ago (158–279 but 200) went.
    const left = await keysOf(db);
    expect(left).toHaveLength(180);
    expect(left).toContain('even/16/298/0');
    expect(left).toContain('even/16/200/0');
    expect(left).not.toContain('even/16/158/0');
    expect(left).toContain('odd/16/157/0');
    expect(left).toContain('odd/16/5000/0');
    const sizes = await cache.sizes();
    const count = (source: string) => left.filter((k) => k.startsWith(`${source}/`)).length;
    expect(sizes.sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      { source: 'even', bytes: count('even') * TILE, count: count('even') },
      { source: 'odd', bytes: count('odd') * TILE, count: count('odd') },
    ]);
    // Its pinned tiles met on the way have their usage now, out of eviction until unpinned.
    expect(await db.usage.get('even/16/298/0')).toEqual({ key: 'even/16/298/0', size: TILE, used: 702 });
    expect((await db.tiles.get('even/16/298/0'))?.lastUsed).toBeUndefined();
    await cache.unpin(['even/16/298/0'], async () => undefined);
    cache.setCap(180 * TILE - 1);
    await cache.put({ ...tile(5001, 'odd'), fetchedAt: 2001 });
    await cache.idle();
    expect(await db.tiles.get('even/16/298/0')).toBeUndefined();
  });
});
