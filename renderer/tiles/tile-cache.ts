/**
 * The tile cache (瓦片缓存): every network tile the map draws, kept in IndexedDB so the centre's map
 * stays up when its network goes down. Its own database, not the centre's: tiles belong to the PC and
 * the provider, are never backed up or restored with a centre, and clearing them loses no data.
 *
 * Rows are keyed `source/z/x/y`; `sizes` keeps each source's bytes and count, updated in the same
 * transaction as every write, so the cache page and the size cap never add up the tiles. When a write
 * takes the total over the cap, the least recently used tiles go (shared/tiles/cache-policy.ts), in that
 * transaction too. Reading a tile does not write: its last use is noted and written in one batch.
 *
 * Offline areas (shared/tiles/offline-area.ts) live here too, from version 2: an area's tiles are
 * written pinned (never evicted) in one transaction with the area's resume cursor, so a download that
 * stops anywhere (a restart, a full disk) goes on from exactly the tiles it kept.
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
  readonly lastUsed: number;
  /** How long the tile is fresh, ms. */
  readonly maxAgeMs: number;
  /** Fetched by an offline download: served without asking the network, whatever its age. */
  readonly pinned: boolean;
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

  constructor(name: string = TILE_CACHE_DB_NAME) {
    super(name);
    this.version(1).stores({ tiles: '&key, source, lastUsed', sizes: '&source' });
    // Offline areas; no rows change (a tile's `pinned` was written false from the start).
    this.version(2).stores({ areas: '&id' });
  }
}

export const tileKey = (source: string, tile: TileId): string => `${source}/${tile.z}/${tile.x}/${tile.y}`;

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
   * Stores a tile, updates its source's size and evicts past the cap; resolves to the bytes evicted. A
   * tile already pinned stays pinned.
   */
  put(tile: Omit<CachedTile, 'lastUsed'>): Promise<number>;
  /**
   * Stores tiles as {@link put} does, all in one transaction with `alongside` (which may read and write
   * the offline areas); nothing is kept if any write fails (a full disk: QuotaExceededError).
   */
  putBatch<T>(tiles: readonly Omit<CachedTile, 'lastUsed'>[], alongside: () => Promise<T>): Promise<T>;
  /** Marks tiles as no longer pinned (ordinary cached tiles again), in one transaction with `alongside`. */
  unpin(keys: readonly string[], alongside: () => Promise<void>): Promise<void>;
  sizes(): Promise<SourceSize[]>;
  /** Forgets every tile of one source, pinned or not, and the offline areas that downloaded it. */
  clear(source: string): Promise<void>;
  setCap(bytes: number): void;
  readonly cap: number;
  /** Writes the noted last uses now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

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
    await db.transaction('rw', db.tiles, async () => {
      for (const [key, lastUsed] of batch) await db.tiles.update(key, { lastUsed });
    });
  }

  async function evictPastCap(): Promise<number> {
    const sizes = await db.sizes.toArray();
    const total = sizes.reduce((n, s) => n + s.bytes, 0);
    if (total <= cap) return 0;
    // Walk the last-use index oldest first, a page at a time: eviction usually stops early.
    const entries: EvictionEntry[] = [];
    const sourceOf = new Map<string, string>();
    let freed = 0;
    let offset = 0;
    for (;;) {
      const page = await db.tiles.orderBy('lastUsed').offset(offset).limit(500).toArray();
      if (page.length === 0) break;
      offset += page.length;
      for (const t of page) {
        // An offline area's tiles stay until the area is removed.
        if (t.pinned) continue;
        entries.push({ key: t.key, bytes: t.bytes.byteLength, lastUsed: t.lastUsed });
        sourceOf.set(t.key, t.source);
        freed += t.bytes.byteLength;
      }
      if (total - freed <= cap * EVICT_TO) break;
    }
    const plan = evictionPlan(entries, total, cap);
    const bySource = new Map<string, { bytes: number; count: number }>();
    for (const entry of entries.slice(0, plan.keys.length)) {
      const source = sourceOf.get(entry.key) as string;
      const s = bySource.get(source) ?? { bytes: 0, count: 0 };
      s.bytes += entry.bytes;
      s.count += 1;
      bySource.set(source, s);
    }
    await db.tiles.bulkDelete(plan.keys);
    for (const [source, gone] of bySource) {
      const size = sizes.find((s) => s.source === source);
      if (size !== undefined)
        await db.sizes.put({ source, bytes: size.bytes - gone.bytes, count: size.count - gone.count });
    }
    return plan.freedBytes;
  }

  /** Writes tiles and their sources' sizes (inside the caller's transaction). */
  async function write(tiles: readonly Omit<CachedTile, 'lastUsed'>[]): Promise<void> {
    const olds = await db.tiles.bulkGet(tiles.map((t) => t.key));
    const delta = new Map<string, { bytes: number; count: number }>();
    await db.tiles.bulkPut(
      tiles.map((tile, i) => {
        const old = olds[i];
        const d = delta.get(tile.source) ?? { bytes: 0, count: 0 };
        d.bytes += tile.bytes.byteLength - (old?.bytes.byteLength ?? 0);
        d.count += old === undefined ? 1 : 0;
        delta.set(tile.source, d);
        return { ...tile, pinned: tile.pinned || old?.pinned === true, lastUsed: tile.fetchedAt };
      }),
    );
    for (const [source, d] of delta) {
      const size = (await db.sizes.get(source)) ?? { source, bytes: 0, count: 0 };
      await db.sizes.put({ source, bytes: size.bytes + d.bytes, count: size.count + d.count });
    }
  }

  return {
    get: (key) => db.tiles.get(key),
    touch(key, now) {
      touched.set(key, now);
      timer ??= setTimeout(() => void flush().catch(() => undefined), TOUCH_FLUSH_MS);
    },
    put: (tile) =>
      db.transaction('rw', db.tiles, db.sizes, async () => {
        await write([tile]);
        return evictPastCap();
      }),
    putBatch: (tiles, alongside) =>
      db.transaction('rw', db.tiles, db.sizes, db.areas, async () => {
        await write(tiles);
        const result = await alongside();
        await evictPastCap();
        return result;
      }),
    unpin: (keys, alongside) =>
      db.transaction('rw', db.tiles, db.sizes, db.areas, async () => {
        await db.tiles.bulkUpdate(keys.map((key) => ({ key, changes: { pinned: false } })));
        await alongside();
        await evictPastCap();
      }),
    sizes: () => db.sizes.toArray(),
    clear: (source) =>
      db.transaction('rw', db.tiles, db.sizes, db.areas, async () => {
        for (const key of [...touched.keys()]) if (key.startsWith(`${source}/`)) touched.delete(key);
        await db.tiles.where('source').equals(source).delete();
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
    async close() {
      await flush();
      db.close();
    },
  };
}
