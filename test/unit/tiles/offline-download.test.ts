/**
 * 离线地图下载 against a tile server on 127.0.0.1 (test/tile-server.ts), fetched the way the host fetches
 * (shared/tiles/fetch-tile.ts), into the tile cache (fake-indexeddb): an area of two layers downloaded,
 * pinned and drawn with the server gone; paused and resumed by a new downloader (the app restarted);
 * the server going away pauses it, a refused key stops it; a full disk stops it cleanly and the map
 * still draws; removing an area unpins what no other area holds.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { fetchTileOutcome } from '../../../shared/tiles/fetch-tile';
import { parseTemplate, tiandituEndpoint } from '../../../shared/tiles/endpoint';
import type { BasemapLayer } from '../../../shared/tiles/basemaps';
import {
  DOWNLOAD_CONCURRENCY,
  DOWNLOAD_MAX_PER_SECOND,
  tileBoxOf,
  type OfflineArea,
} from '../../../shared/tiles/offline-area';
import { countTiles, tileAt, tileRange, tilesIn } from '../../../shared/tiles/tile-math';
import { wgs84ToGcj02 } from '../../../shared/geo/china-offsets';
import type { BBox } from '../../../shared/model/geo';
import { TILE_KEY, solidPng, startTileServer, type TileServer } from '../../tile-server';
import { TileCacheDb, createTileCache, tileKey, type TileCache } from '../../../renderer/tiles/tile-cache';
import { createOfflineDownloader, type OfflineDownloader } from '../../../renderer/tiles/offline-download';
import { createTileLoader, type TileEvent } from '../../../renderer/tiles/tile-loader';

let server: TileServer;
beforeAll(async () => {
  server = await startTileServer([0, 160, 255]);
});
afterAll(async () => {
  await server.stop().catch(() => undefined);
});

const PNG = solidPng([0, 160, 255]);
const DAY = 24 * 3600 * 1000;
const BOX: BBox = [119.9, 32.4, 120.3, 32.7];
const ZOOMS = [10, 12] as const;
const PLACES = countTiles(BOX, ...ZOOMS);

let n = 0;
const opened: TileCache[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

/** The county server's two layers (a base and an "annotation"), as a basemap's layers. */
function countyLayers(origin: string): BasemapLayer[] {
  return [`${origin}/xyz/{z}/{x}/{y}.png`, `${origin}/wmts/img/GoogleMapsCompatible/{z}/{y}/{x}.png`].map(
    (template, i) => {
      const parsed = parseTemplate(template);
      if (!parsed.ok) throw new Error(parsed.problem.key);
      return { id: `county${i}`, endpoint: parsed.endpoint, provider: 'other', maxAgeMs: DAY };
    },
  );
}

/**
 * A disk with `room` bytes left for tiles: a write of tiles past it fails as the browser fails it, with
 * a DOMException named QuotaExceededError (the outside world, simulated below Dexie).
 */
function fullDiskAfter(db: TileCacheDb, room: number): void {
  let used = 0;
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'tiles') return table;
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (req.type === 'put' || req.type === 'add') {
              const bytes = req.values.reduce(
                (sum: number, v: { bytes?: Uint8Array }) => sum + (v.bytes?.byteLength ?? 0),
                0,
              );
              if (used + bytes > room)
                return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              used += bytes;
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

function setUp(options: { capBytes?: number; room?: number; name?: string; perSecond?: number } = {}) {
  const name = options.name ?? `offline-test-${(n += 1)}`;
  const db = new TileCacheDb(name);
  if (options.room !== undefined) fullDiskAfter(db, options.room);
  const cache = createTileCache(db, options.capBytes === undefined ? {} : { capBytes: options.capBytes });
  opened.push(cache);
  const changes: OfflineArea[] = [];
  let layers: BasemapLayer[] = countyLayers(server.origin);
  const downloader: OfflineDownloader = createOfflineDownloader({
    db,
    cache,
    fetchTile: (url) => fetchTileOutcome(url),
    layersFor: () => layers,
    onChange: (a) => changes.push(a),
    pace: { concurrency: 3, perSecond: options.perSecond ?? 2000 },
  });
  const events: TileEvent[] = [];
  const load = createTileLoader({
    cache,
    fetchTile: (url) => fetchTileOutcome(url),
    source: (id) => layers.find((l) => l.id === id),
    onEvent: (e) => events.push(e),
    emptyTile: async () => new ArrayBuffer(1),
  });
  return {
    name,
    db,
    cache,
    downloader,
    changes,
    events,
    load,
    setLayers: (next: BasemapLayer[]) => void (layers = next),
  };
}

const area = (id: string, box: BBox = BOX, sources = ['county0', 'county1']) => ({
  id,
  name: id,
  bbox: box,
  minZoom: ZOOMS[0],
  maxZoom: ZOOMS[1],
  choice: 'custom' as const,
  sources,
  createdAt: Date.now(),
});

const served = (from: number) => server.served.slice(from);

describe('an offline download', () => {
  it('fetches every layer of every place once, pins the tiles, and the map draws them with the server gone', async () => {
    const { downloader, db, load, changes } = setUp();
    const before = server.served.length;
    expect(await downloader.start(area('a'))).toEqual({ ok: true });
    await downloader.idle();
    const [done] = await downloader.list();
    expect(done).toMatchObject({ status: 'done', done: PLACES, places: PLACES, tiles: PLACES * 2 });
    expect(done?.bytes).toBe(PLACES * 2 * PNG.byteLength);
    expect(served(before)).toHaveLength(PLACES * 2);
    expect(new Set(served(before)).size).toBe(PLACES * 2);
    const tiles = await db.tiles.toArray();
    expect(tiles.every((t) => t.pinned)).toBe(true);
    // Progress was reported as it went, batch by batch.
    expect(changes.filter((c) => c.status === 'running').length).toBeGreaterThan(1);

    await server.stop();
    try {
      const first = [...tilesIn(BOX, ...ZOOMS)][PLACES - 1];
      if (first === undefined) throw new Error('no tile');
      const data = await load(`griddesk-basemap://county1/${first.z}/${first.x}/${first.y}`);
      expect(Buffer.from(data).equals(PNG)).toBe(true);
    } finally {
      await server.start();
    }
  });

  it('keeps its tiles when the cache goes over its cap; the ordinary tiles go', async () => {
    const { downloader, db, load, cache } = setUp({ capBytes: PNG.byteLength * (PLACES * 2 + 1) });
    await load('griddesk-basemap://county0/5/26/12');
    await load('griddesk-basemap://county0/5/27/12');
    await downloader.start(area('a'));
    await downloader.idle();
    await cache.idle();
    const keys = await db.tiles.toCollection().primaryKeys();
    expect(keys).not.toContain('county0/5/26/12');
    expect(keys).toHaveLength(PLACES * 2 + 0);
    expect((await cache.sizes()).reduce((s, x) => s + x.count, 0)).toBe(PLACES * 2);
  });

  it('pauses, and a new downloader (the app restarted) resumes it from where it stopped, fetching nothing twice', async () => {
    const first = setUp({ perSecond: 100 });
    const before = server.served.length;
    await first.downloader.start(area('a'));
    // Pause once the first batch is written.
    await expect.poll(() => first.changes.some((c) => c.done > 0)).toBe(true);
    await first.downloader.pause('a');
    const [paused] = await first.downloader.list();
    expect(paused?.status).toBe('paused');
    expect(paused?.done).toBeGreaterThan(0);
    expect(paused?.done).toBeLessThan(PLACES);
    await first.cache.close();

    const again = setUp({ name: first.name, perSecond: 100 });
    const resumed = await again.downloader.resume('a');
    expect(resumed).toEqual({ ok: true });
    await again.downloader.idle();
    const [done] = await again.downloader.list();
    expect(done).toMatchObject({ status: 'done', done: PLACES, tiles: PLACES * 2 });
    // Every tile fetched once, but for those of places a pause left half-fetched (not kept: fetched again).
    const fetched = served(before);
    expect(new Set(fetched).size).toBe(PLACES * 2);
    expect(fetched.length - PLACES * 2).toBeLessThanOrEqual(3);
    expect(await again.db.tiles.count()).toBe(PLACES * 2);
  });

  it('goes on by itself after a restart in the middle of a download', async () => {
    const first = setUp({ perSecond: 100 });
    await first.downloader.start(area('a'));
    await expect.poll(() => first.changes.some((c) => c.done > 0)).toBe(true);
    await first.downloader.pause('a');
    await first.cache.close();
    // The app closed while downloading: the area was left "running" in the database.
    const again = setUp({ name: first.name });
    await again.db.areas.update('a', { status: 'running' });
    await again.downloader.resumeInterrupted();
    expect(again.downloader.running).toBe('a');
    await again.downloader.idle();
    expect((await again.downloader.list())[0]).toMatchObject({ status: 'done', done: PLACES });
  });

  it('pauses when the server cannot be reached, and names why', async () => {
    const { downloader } = setUp();
    await server.stop();
    try {
      await downloader.start(area('a'));
      await downloader.idle();
    } finally {
      await server.start();
    }
    const [stopped] = await downloader.list();
    expect(stopped).toMatchObject({ status: 'paused', done: 0 });
    expect(stopped?.reason?.key).toBe('offlineMap.stopped.unreachable');
    await downloader.resume('a');
    await downloader.idle();
    expect((await downloader.list())[0]?.status).toBe('done');
  });

  it('stops on a refused 天地图 key, naming it', async () => {
    const { downloader, setLayers } = setUp();
    const e = tiandituEndpoint('vec', 'ffffffffffffffffffffffffffffffff');
    setLayers([
      {
        id: 'tdt-vec',
        endpoint: {
          ...e,
          template: e.template.replace('https://t{s}.tianditu.gov.cn', `${server.origin}/tianditu`),
        },
        provider: 'tianditu',
        maxAgeMs: DAY,
      },
    ]);
    await downloader.start(area('a', BOX, ['tdt-vec']));
    await downloader.idle();
    expect((await downloader.list())[0]).toMatchObject({
      status: 'failed',
      done: 0,
      reason: { key: 'basemap.answer.tiandituKey' },
    });
    expect(TILE_KEY).not.toBe('ffffffffffffffffffffffffffffffff');
  });

  it('stops cleanly on a full disk: what was written is kept, the cursor matches it, and the map still draws', async () => {
    // Room for three batches of 8 places × 2 layers and half a tile.
    const room = PNG.byteLength * (3 * 16 + 0.5);
    const { downloader, db, load, events } = setUp({ room });
    await downloader.start(area('a'));
    await downloader.idle();
    const [stopped] = await downloader.list();
    expect(stopped).toMatchObject({ status: 'failed', reason: { key: 'offlineMap.stopped.quota' } });
    expect(stopped?.done).toBe(24);
    expect(stopped?.tiles).toBe(48);
    expect(await db.tiles.count()).toBe(48);
    // A tile the map asks for now is drawn although it cannot be kept; the operator is told why.
    const data = await load('griddesk-basemap://county0/3/6/3');
    expect(Buffer.from(data).equals(PNG)).toBe(true);
    expect(events).toContainEqual({ kind: 'quota', source: 'county0' });
    expect(await db.tiles.get('county0/3/6/3')).toBeUndefined();
  });

  it('over a GCJ-02 basemap, fetches the tiles where the basemap draws the box: the strip the shift uncovers too', async () => {
    const { downloader, db, setLayers } = setUp();
    setLayers(countyLayers(server.origin).map((l) => ({ ...l, datum: 'gcj02' as const })));
    const box: BBox = [120.0, 32.85, 120.01, 32.86];
    const before = server.served.length;
    await downloader.start({ ...area('gcj', box), minZoom: 17, maxZoom: 17 });
    await downloader.idle();
    // The box's north-east corner as the GCJ-02 basemap draws it, ~500 m east: past the box's own tiles.
    const [lon, lat] = wgs84ToGcj02([box[2], box[3]]);
    const edge = tileAt(lon, lat, 17);
    expect(edge.x).toBeGreaterThan(tileRange(box, 17).maxX);
    expect(served(before)).toContain(`/xyz/17/${edge.x}/${edge.y}.png`);
    expect((await db.tiles.get(tileKey('county0', edge)))?.pinned).toBe(true);
    expect((await db.tiles.get(tileKey('county1', edge)))?.pinned).toBe(true);
    // The area keeps its WGS84 box; it counts and holds the places of the box as drawn.
    const [kept] = await downloader.list();
    const places = countTiles(tileBoxOf(box, 'gcj02'), 17, 17);
    expect(kept).toMatchObject({ status: 'done', bbox: box, places, done: places });
  });

  it('asks the provider for at most 8 tiles a second and 3 at a time, by default', async () => {
    // The clock moves only when the downloader waits for its pace, so the test takes no real time; a
    // request starts when its wait ends (the clock when it began waiting, plus the wait).
    let clock = 0;
    const starts: number[] = [];
    let fetched = 0;
    let inFlight = 0;
    let most = 0;
    const db = new TileCacheDb(`offline-test-${(n += 1)}`);
    const cache = createTileCache(db);
    opened.push(cache);
    const downloader = createOfflineDownloader({
      db,
      cache,
      fetchTile: async (url) => {
        fetched += 1;
        most = Math.max(most, (inFlight += 1));
        try {
          return await fetchTileOutcome(url);
        } finally {
          inFlight -= 1;
        }
      },
      layersFor: () => countyLayers(server.origin),
      onChange: () => undefined,
      now: () => clock,
      sleep: async (ms) => {
        const until = clock + ms;
        starts.push(until);
        await Promise.resolve();
        clock = Math.max(clock, until);
      },
    });
    await downloader.start({ ...area('paced', [120.0, 32.46, 120.05, 32.5]), minZoom: 12, maxZoom: 13 });
    await downloader.idle();
    const asked = starts.length;
    expect(asked).toBe(countTiles([120.0, 32.46, 120.05, 32.5], 12, 13) * 2);
    expect(fetched).toBe(asked);
    expect(asked).toBeGreaterThan(8);
    expect(most).toBeLessThanOrEqual(DOWNLOAD_CONCURRENCY);
    // No second of the clock holds more than 8 starts, and the whole took as long as 8 a second take.
    for (const t of starts)
      expect(starts.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(8);
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(((asked - 1) * 1000) / DOWNLOAD_MAX_PER_SECOND - 1);
  });

  it('is one at a time', async () => {
    const { downloader } = setUp();
    await downloader.start(area('a'));
    expect(await downloader.start(area('b'))).toEqual({
      ok: false,
      reason: { key: 'offlineMap.refused.busy', params: {} },
    });
    await downloader.idle();
  });

  it('cancelled, or removed, unpins its tiles but those another area holds', async () => {
    const { downloader, db } = setUp();
    const small: BBox = [120.0, 32.46, 120.05, 32.5];
    await downloader.start(area('big'));
    await downloader.idle();
    await downloader.start(area('small', small));
    await downloader.idle();
    await downloader.remove('big');
    const pinned = (await db.tiles.toArray()).filter((t) => t.pinned).map((t) => t.key);
    const expected = [...tilesIn(small, ...ZOOMS)].flatMap((tile) => [
      tileKey('county0', tile),
      tileKey('county1', tile),
    ]);
    expect(pinned.sort()).toEqual(expected.sort());
    expect(await db.tiles.count()).toBe(PLACES * 2);
    expect((await downloader.list()).map((a) => a.id)).toEqual(['small']);
  });
});
