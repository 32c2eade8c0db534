/**
 * The tile cache (瓦片缓存): every network tile the map draws, kept in IndexedDB so the centre's map
 * stays up when its network goes down. Its own database, not the centre's: tiles belong to the PC and
 * the provider, are never backed up or restored with a centre, and clearing them loses no data.
 *
 * Rows are keyed `source/z/x/y`; `sizes` keeps each source's bytes and count, updated in the same
 * transaction as every write, so the cache page and the size cap never add up the tiles. Beside each
 * tile, a small `usage` row keeps its size and last use. Reading a tile does not write: its last use is
 * noted and written, to the usage rows only, in one batch.
 *
 * When a write takes the total over the cap, the least recently used tiles go (shared/tiles/
 * cache-policy.ts) once it has been written, {@link EVICT_BATCH} at a time, each batch its own
 * transaction: the map's reads and writes of tiles wait for one batch at most, not for the whole
 * eviction. A batch finds its tiles by the usage index `[evict+size]` and its small rows, so eviction
 * never reads a tile's bytes.
 *
 * Offline areas (shared/tiles/offline-area.ts) live here too, from version 2: an area's tiles are
 * written pinned (never evicted: a pinned tile's usage has no `evict`, so the eviction index does not
 * hold it) in one transaction with the area's resume cursor, so a download that stops anywhere (a
 * restart, a full disk) goes on from exactly the tiles it kept.
 *
 * Version 3 added `usage` and rewrites no tile: rows kept by version 2 have no usage but a `lastUsed`
 * (which version 3 no longer writes, so its index holds only them). They are evicted first, by that
 * index, reading them as version 2 did: all of them were last used before the upgrade. Rewriting
 * every tile instead would have kept a full cache closed for a minute or more (4.5 s per 98 MiB).
 */
import Dexie, { type Table } from 'dexie';
import {
  DEFAULT_CACHE_CAP,
  EVICT_TO,
  evictionPlan,
  type EvictionEntry,
} from '../../shared/tiles/cache-policy';
import type { TileId } from '../../shared/tiles/tile-math';
import type { OfflineArea } from '../../shared/tiles/offline-area';

export const TILE_CACHE_DB_NAME = 'griddesk-basemap-tiles';

export interface CachedTile {
  /** `source/z/x/y` (see {@link tileKey}). */
  readonly key: string;
  readonly source: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
  readonly fetchedAt: number;
  /** How long the tile is fresh, ms. */
  readonly maxAgeMs: number;
  /** Fetched by an offline download: served without asking the network, whatever its age. */
  readonly pinned: boolean;
  /** Its last use, in rows kept by version 2 only (from version 3 it is in {@link TileUsage}). */
  readonly lastUsed?: number;
}

/** A tile to keep, as the loader and the offline download hand it over. */
export type TileToKeep = Omit<CachedTile, 'lastUsed'>;

/** What eviction knows of a tile (version 3), in a row of its own, so it never reads the tile. */
export interface TileUsage {
  /** The tile's key. */
  readonly key: string;
  /** Its bytes' length. */
  readonly size: number;
  /** When it was last drawn (or fetched), ms since the epoch. */
  readonly used: number;
  /** `used`, while the tile may be evicted; absent while it is pinned (the index `[evict+size]` leaves it out). */
  readonly evict?: number;
}

export interface SourceSize {
  readonly source: string;
  readonly bytes: number;
  readonly count: number;
}

export class TileCacheDb extends Dexie {
  tiles!: Table<CachedTile, string>;
  sizes!: Table<SourceSize, string>;
  areas!: Table<OfflineArea, string>;
  usage!: Table<TileUsage, string>;

  constructor(name: string = TILE_CACHE_DB_NAME) {
    super(name);
    this.version(1).stores({ tiles: '&key, source, lastUsed', sizes: '&source' });
    // Offline areas; no rows change (a tile's `pinned` was written false from the start).
    this.version(2).stores({ areas: '&id' });
    // Each tile's size and last use beside it, for eviction by index alone (no tile rewritten).
    this.version(3).stores({ usage: '&key, [evict+size]' });
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Tiles a batch of eviction deletes at most, in one transaction. */
export const EVICT_BATCH = 100;

export const tileKey = (source: string, tile: TileId): string => `${source}/${tile.z}/${tile.x}/${tile.y}`;

/** The source of a {@link tileKey} (source ids have no `/`). */
const sourceOfKey = (key: string): string => key.slice(0, key.indexOf('/'));

/** Whether an error is the browser's "no room left" for IndexedDB (Dexie names it, or wraps it). */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error; typeof e === 'object' && e !== null;) {
    if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/** How often noted last uses are written. */
const TOUCH_FLUSH_MS = 5000;

export interface TileCache {
  get(key: string): Promise<CachedTile | undefined>;
  /** Notes that a cached tile was drawn (written with others, see the module comment). */
  touch(key: string, now: number): void;
  /**
   * Stores a tile and updates its source's size; resolves once it is written. A tile already pinned
   * stays pinned. Past the cap, eviction follows in batches ({@link idle} waits for it).
   */
  put(tile: TileToKeep): Promise<void>;
  /**
   * Stores tiles as {@link put} does, all in one transaction with `alongside` (which may read and write
   * the offline areas); nothing is kept if any write fails (a full disk: QuotaExceededError).
   */
  putBatch<T>(tiles: readonly TileToKeep[], alongside: () => Promise<T>): Promise<T>;
  /** Marks tiles as no longer pinned (ordinary cached tiles again), in one transaction with `alongside`. */
  unpin(keys: readonly string[], alongside: () => Promise<void>): Promise<void>;
  sizes(): Promise<SourceSize[]>;
  /** Forgets every tile of one source, pinned or not, and the offline areas that downloaded it. */
  clear(source: string): Promise<void>;
  setCap(bytes: number): void;
  readonly cap: number;
  /** Writes the noted last uses now. */
  flush(): Promise<void>;
  /** Resolves once no eviction is running (tests, benchmarks, closing). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const totalOf = (sizes: readonly SourceSize[]): number => sizes.reduce((n, s) => n + s.bytes, 0);

export function createTileCache(db: TileCacheDb, options: { capBytes?: number } = {}): TileCache {
  let cap = options.capBytes ?? DEFAULT_CACHE_CAP;
  const touched = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function flush(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (touched.size === 0) return;
    const batch = [...touched];
    touched.clear();
    await db.transaction('rw', db.tiles, db.usage, async () => {
      const usage = await db.usage.bulkGet(batch.map(([key]) => key));
      const updated: TileUsage[] = [];
      for (const [i, [key, used]] of batch.entries()) {
        const u = usage[i];
        // A tile kept by version 2 (no usage row) keeps its last use where version 2 did.
        if (u === undefined) await db.tiles.update(key, { lastUsed: used });
        else updated.push(u.evict === undefined ? { ...u, used } : { ...u, used, evict: used });
      }
      await db.usage.bulkPut(updated);
    });
  }

  /**
   * The next batch's candidates, least recently used first: those of the usage index (its small rows,
   * read at once) and, while any is left, tiles kept by version 2 (read as version 2 did, from its `lastUsed` index,
   * which holds only them). A pinned tile of version 2 met on the way is given its usage row and leaves
   * that index, so no later batch reads it again.
   */
  async function oldestTiles(): Promise<EvictionEntry[]> {
    for (;;) {
      const legacy = await db.tiles.orderBy('lastUsed').limit(EVICT_BATCH).toArray();
      const pinned = legacy.filter((t) => t.pinned);
      if (pinned.length > 0) {
        await db.usage.bulkPut(
          pinned.map((t) => ({ key: t.key, size: t.bytes.byteLength, used: t.lastUsed ?? t.fetchedAt })),
        );
        await db.tiles.bulkPut(pinned.map(({ lastUsed: _, ...t }) => t));
      }
      const entries: EvictionEntry[] = legacy
        .filter((t) => !t.pinned)
        .map((t) => ({ key: t.key, bytes: t.bytes.byteLength, lastUsed: t.lastUsed ?? 0 }));
      // After a full read, version 2's tiles left unread are newer than the last one read: of the
      // usage index, only tiles no newer than it surely come before them.
      const full = legacy.length === EVICT_BATCH;
      const horizon = full ? ((legacy[legacy.length - 1] as CachedTile).lastUsed ?? 0) : Infinity;
      const next = await db.usage.orderBy('[evict+size]').limit(EVICT_BATCH).toArray();
      for (const u of next)
        if ((u.evict as number) <= horizon)
          entries.push({ key: u.key, bytes: u.size, lastUsed: u.evict as number });
      // A full read of pinned tiles only: read on (they have left the index).
      if (entries.length > 0 || !full)
        return entries.sort((a, b) => a.lastUsed - b.lastUsed).slice(0, EVICT_BATCH);
    }
  }

  /**
   * One batch of eviction, in its own transaction: up to {@link EVICT_BATCH} of the least recently
   * used tiles that may go. Resolves whether eviction should go on.
   */
  async function evictBatch(underWay: boolean): Promise<boolean> {
    return db.transaction('rw', db.tiles, db.sizes, db.usage, async () => {
      const sizes = await db.sizes.toArray();
      const total = totalOf(sizes);
      if (total <= (underWay ? cap * EVICT_TO : cap)) return false;
      const entries = await oldestTiles();
      const plan = evictionPlan(entries, total, cap, underWay);
      if (plan.keys.length === 0) return false; // nothing left that may go (pinned, or empty)
      const gone = new Map<string, { bytes: number; count: number }>();
      for (const entry of entries.slice(0, plan.keys.length)) {
        const source = sourceOfKey(entry.key);
        const g = gone.get(source) ?? { bytes: 0, count: 0 };
        g.bytes += entry.bytes;
        g.count += 1;
        gone.set(source, g);
      }
      await db.tiles.bulkDelete(plan.keys);
      await db.usage.bulkDelete(plan.keys);
      for (const [source, g] of gone) {
        const size = sizes.find((s) => s.source === source);
        if (size !== undefined)
          await db.sizes.put({ source, bytes: size.bytes - g.bytes, count: size.count - g.count });
      }
      return total - plan.freedBytes > cap * EVICT_TO;
    });
  }

  let evicting: Promise<void> | null = null;
  let again = false;
  /** Starts eviction after a write that took the cache over its cap (or joins the one running). */
  function evictSoon(): void {
    again = true;
    evicting ??= (async () => {
      try {
        while (again) {
          again = false;
          for (let underWay = false; await evictBatch(underWay); underWay = true);
        }
      } catch (error) {
        // A failed batch leaves the cache over its cap until the next write tries again.
        console.error('[tile cache] eviction', error);
      } finally {
        evicting = null;
      }
    })();
  }

  /**
   * Writes tiles, their usage and their sources' sizes (inside the caller's transaction); resolves to
   * the new total.
   */
  async function write(tiles: readonly TileToKeep[]): Promise<number> {
    const olds = await db.tiles.bulkGet(tiles.map((t) => t.key));
    const delta = new Map<string, { bytes: number; count: number }>();
    const rows: CachedTile[] = [];
    const usage: TileUsage[] = [];
    for (const [i, tile] of tiles.entries()) {
      const old = olds[i];
      const d = delta.get(tile.source) ?? { bytes: 0, count: 0 };
      d.bytes += tile.bytes.byteLength - (old?.bytes.byteLength ?? 0);
      d.count += old === undefined ? 1 : 0;
      delta.set(tile.source, d);
      const pinned = tile.pinned || old?.pinned === true;
      // No `lastUsed`: a tile written now is no longer one of version 2's.
      rows.push({ ...tile, pinned });
      const size = tile.bytes.byteLength;
      const used = tile.fetchedAt;
      usage.push(pinned ? { key: tile.key, size, used } : { key: tile.key, size, used, evict: used });
    }
    await db.tiles.bulkPut(rows);
    await db.usage.bulkPut(usage);
    for (const [source, d] of delta) {
      const size = (await db.sizes.get(source)) ?? { source, bytes: 0, count: 0 };
      await db.sizes.put({ source, bytes: size.bytes + d.bytes, count: size.count + d.count });
    }
    return totalOf(await db.sizes.toArray());
  }

  const idle = async (): Promise<void> => {
    while (evicting !== null) await evicting;
  };

  return {
    get: (key) => db.tiles.get(key),
    touch(key, now) {
      touched.set(key, now);
      timer ??= setTimeout(() => void flush().catch(() => undefined), TOUCH_FLUSH_MS);
    },
    async put(tile) {
      const total = await db.transaction('rw', db.tiles, db.sizes, db.usage, () => write([tile]));
      if (total > cap) evictSoon();
    },
    async putBatch(tiles, alongside) {
      let total = 0;
      const result = await db.transaction('rw', db.tiles, db.sizes, db.usage, db.areas, async () => {
        total = await write(tiles);
        return alongside();
      });
      if (total > cap) evictSoon();
      return result;
    },
    async unpin(keys, alongside) {
      await db.transaction('rw', db.tiles, db.sizes, db.usage, db.areas, async () => {
        await db.tiles.bulkUpdate(keys.map((key) => ({ key, changes: { pinned: false } })));
        await db.usage
          .where(':id')
          .anyOf([...keys])
          .modify((u: Mutable<TileUsage>) => {
            u.evict = u.used;
          });
        await alongside();
      });
      // Tiles that may go again: the cache may be over its cap with them.
      evictSoon();
    },
    sizes: () => db.sizes.toArray(),
    clear: (source) =>
      db.transaction('rw', db.tiles, db.sizes, db.usage, db.areas, async () => {
        for (const key of [...touched.keys()]) if (key.startsWith(`${source}/`)) touched.delete(key);
        await db.tiles.where('source').equals(source).delete();
        await db.usage.where(':id').startsWith(`${source}/`).delete();
        await db.sizes.delete(source);
        await db.areas.filter((a) => a.sources.includes(source)).delete();
      }),
    setCap(bytes) {
      cap = bytes;
    },
    get cap() {
      return cap;
    },
    flush,
    idle,
    async close() {
      await flush();
      await idle();
      db.close();
    },
  };
}
