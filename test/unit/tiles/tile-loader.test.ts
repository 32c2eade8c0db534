/**
 * The tile loader and its cache against a tile server on 127.0.0.1 (test/tile-server.ts), fetched the
 * way the host fetches (shared/tiles/fetch-tile.ts): the network first, then the cache, offline and
 * refused; the size cap evicting the least recently used.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchTileOutcome } from '../../../shared/tiles/fetch-tile';
import { parseTemplate, tiandituEndpoint } from '../../../shared/tiles/endpoint';
import { TILE_KEY, solidPng, startTileServer, type TileServer } from '../../tile-server';
import { TileCacheDb, createTileCache, type TileCache } from '../../../renderer/tiles/tile-cache';
import {
  createTileLoader,
  parseTileUrl,
  type TileEvent,
  type TileSourceDef,
} from '../../../renderer/tiles/tile-loader';

let server: TileServer;
beforeAll(async () => {
  server = await startTileServer([255, 0, 255]);
});
afterAll(async () => {
  await server.stop().catch(() => undefined);
});

const DAY = 24 * 3600 * 1000;
const EMPTY = new ArrayBuffer(1);
let n = 0;
const opened: TileCache[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

function setUp(defs: (origin: string) => TileSourceDef[], capBytes?: number) {
  const cache = createTileCache(
    new TileCacheDb(`tiles-test-${(n += 1)}`),
    capBytes === undefined ? {} : { capBytes },
  );
  opened.push(cache);
  const events: TileEvent[] = [];
  let clock = 1000 * DAY;
  const load = createTileLoader({
    cache,
    fetchTile: (url) => fetchTileOutcome(url),
    source: (id) => defs(server.origin).find((d) => d.id === id),
    onEvent: (e) => events.push(e),
    emptyTile: async () => EMPTY,
    now: () => clock,
  });
  return { cache, events, load, advance: (ms: number) => void (clock += ms) };
}

const xyz = (origin: string, maxAgeMs = 30 * DAY): TileSourceDef => {
  const parsed = parseTemplate(`${origin}/xyz/{z}/{x}/{y}.png`);
  if (!parsed.ok) throw new Error(parsed.problem.key);
  return { id: 'county', endpoint: parsed.endpoint, provider: 'other', maxAgeMs };
};
const PNG = solidPng([255, 0, 255]);
const same = (a: ArrayBuffer, b: Uint8Array) => Buffer.from(a).equals(b);

describe('the tile loader', () => {
  it('reads only its own tile addresses', () => {
    expect(parseTileUrl('griddesk-basemap://county/12/3406/1642')).toEqual({
      source: 'county',
      tile: { z: 12, x: 3406, y: 1642 },
    });
    expect(parseTileUrl('griddesk-basemap://county/1/2/0')).toBeNull();
    expect(parseTileUrl('https://evil.example/1/0/0')).toBeNull();
    expect(parseTileUrl('griddesk-basemap://../1/0/0')).toBeNull();
  });

  it('fetches a tile once and draws it from the cache while it is fresh', async () => {
    const { load, cache, events } = setUp((o) => [xyz(o)]);
    const before = server.served.length;
    expect(same(await load('griddesk-basemap://county/12/3406/1642'), PNG)).toBe(true);
    expect(same(await load('griddesk-basemap://county/12/3406/1642'), PNG)).toBe(true);
    expect(server.served.slice(before)).toEqual(['/xyz/12/3406/1642.png']);
    expect(events).toEqual([{ kind: 'online', source: 'county' }]);
    expect(await cache.sizes()).toEqual([{ source: 'county', bytes: PNG.byteLength, count: 1 }]);
  });

  it("asks again for a tile past its source's expiry, and not for another source's still fresh", async () => {
    const imagery = (origin: string): TileSourceDef => {
      const parsed = parseTemplate(`${origin}/wmts/img/GoogleMapsCompatible/{z}/{y}/{x}.png`);
      if (!parsed.ok) throw new Error(parsed.problem.key);
      return { id: 'county-img', endpoint: parsed.endpoint, provider: 'other', maxAgeMs: 30 * DAY };
    };
    const { load, advance } = setUp((o) => [xyz(o, DAY), imagery(o)]);
    const before = server.served.length;
    for (let round = 0; round < 2; round += 1) {
      expect(same(await load('griddesk-basemap://county/12/3406/1642'), PNG)).toBe(true);
      expect(same(await load('griddesk-basemap://county-img/12/3406/1642'), PNG)).toBe(true);
      advance(2 * DAY);
    }
    expect(server.served.slice(before)).toEqual([
      '/xyz/12/3406/1642.png',
      '/wmts/img/GoogleMapsCompatible/12/1642/3406.png',
      '/xyz/12/3406/1642.png',
    ]);
  });

  it('draws the cached copy, however old, when the provider cannot be reached', async () => {
    const { load, events, advance } = setUp((o) => [xyz(o, DAY)]);
    await load('griddesk-basemap://county/10/851/410');
    advance(2 * DAY);
    await server.stop();
    try {
      expect(same(await load('griddesk-basemap://county/10/851/410'), PNG)).toBe(true);
      await expect(load('griddesk-basemap://county/10/852/410')).rejects.toThrow(/unreachable/);
    } finally {
      await server.start();
    }
    expect(events.slice(1)).toEqual([
      { kind: 'stale', source: 'county' },
      { kind: 'missing', source: 'county' },
    ]);
  });

  it("says a 天地图 key was refused, and draws nothing for a tile outside the provider's zooms", async () => {
    const tianditu = (origin: string, key: string): TileSourceDef => {
      const e = tiandituEndpoint('vec', key);
      // The same request, to the local server instead of t0–t7.tianditu.gov.cn.
      return {
        id: 'tdt',
        endpoint: {
          ...e,
          template: e.template.replace('https://t{s}.tianditu.gov.cn', `${origin}/tianditu`),
        },
        provider: 'tianditu',
        maxAgeMs: DAY,
      };
    };
    const wrong = setUp((o) => [tianditu(o, 'ffffffffffffffffffffffffffffffff')]);
    await expect(wrong.load('griddesk-basemap://tdt/5/26/12')).rejects.toThrow(/HTTP 418/);
    expect(wrong.events).toEqual([{ kind: 'refused', source: 'tdt', key: 'basemap.answer.tiandituKey' }]);
    const right = setUp((o) => [tianditu(o, TILE_KEY)]);
    expect(same(await right.load('griddesk-basemap://tdt/5/26/12'), PNG)).toBe(true);
    expect(await right.load('griddesk-basemap://tdt/0/0/0')).toBe(EMPTY);
    // The key corrected while a tile asked with the wrong one is on its way: its 418 is not reported.
    let key = 'ffffffffffffffffffffffffffffffff';
    const corrected = setUp((o) => [tianditu(o, key)]);
    const inFlight = corrected.load('griddesk-basemap://tdt/5/26/13');
    key = TILE_KEY;
    await expect(inFlight).rejects.toThrow(/HTTP 418/);
    expect(same(await corrected.load('griddesk-basemap://tdt/5/26/14'), PNG)).toBe(true);
    expect(corrected.events).toEqual([{ kind: 'online', source: 'tdt' }]);
  });

  it('keeps the cache under its cap by evicting the tiles used longest ago', async () => {
    // Room for three tiles; the fourth takes the cache over, and eviction goes down to 90 % of the cap
    // (2.7 tiles): the two used longest ago go, not 4/1/5, drawn again since.
    const { load, cache, advance } = setUp((o) => [xyz(o)], PNG.byteLength * 3);
    for (const x of [1, 2, 3]) {
      await load(`griddesk-basemap://county/4/${x}/5`);
      advance(1000);
    }
    await load('griddesk-basemap://county/4/1/5'); // drawn again from the cache: now the most recent
    await cache.flush();
    advance(1000);
    await load('griddesk-basemap://county/4/4/5');
    await cache.idle();
    const db = new TileCacheDb(`tiles-test-${n}`);
    const keys = (await db.tiles.toCollection().primaryKeys()).sort();
    db.close();
    expect(keys).toEqual(['county/4/1/5', 'county/4/4/5']);
    expect(await cache.sizes()).toEqual([{ source: 'county', bytes: PNG.byteLength * 2, count: 2 }]);
    await cache.clear('county');
    expect(await cache.sizes()).toEqual([]);
  });
});
