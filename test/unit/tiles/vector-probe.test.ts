/**
 * Reading a vector tile server's layers, and drawing its tiles through the loader, against a tile
 * server on 127.0.0.1 (test/tile-server.ts) speaking plain and gzipped MVT, PNG and 404s.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTileOutcome } from '../../../shared/tiles/fetch-tile';
import { parseTemplate, type TileEndpoint } from '../../../shared/tiles/endpoint';
import { probeVectorLayers, probeZooms } from '../../../shared/tiles/vector-probe';
import { readVectorTile } from '../../../shared/tiles/vector-tile';
import { MVT_LAYERS, startTileServer, type TileServer } from '../../tile-server';
import { TileCacheDb, createTileCache } from '../../../renderer/tiles/tile-cache';
import { createTileLoader } from '../../../renderer/tiles/tile-loader';

let server: TileServer;
beforeAll(async () => {
  server = await startTileServer([255, 0, 255]);
});
afterAll(async () => {
  await server.stop().catch(() => undefined);
});

/** The sample township's middle. */
const AT = [119.985, 32.865] as const;

function endpoint(path: string, maxZoom = 16): TileEndpoint {
  const parsed = parseTemplate(`${server.origin}${path}`, { maxZoom });
  if (!parsed.ok) throw new Error(parsed.problem.key);
  return parsed.endpoint;
}
const fetchTile = (url: string) => fetchTileOutcome(url);

describe("reading a vector server's layers", () => {
  it('reads them from a tile over the township, gzipped or not', async () => {
    for (const path of ['/mvt/{z}/{x}/{y}.pbf', '/mvt-gz/{z}/{x}/{y}.pbf']) {
      const before = server.served.length;
      expect(await probeVectorLayers(endpoint(path), AT, fetchTile)).toEqual({
        ok: true,
        layers: [...MVT_LAYERS],
      });
      // One tile was enough: z14 over the township.
      expect(server.served.slice(before)).toHaveLength(1);
      expect(server.served[before]).toMatch(/^\/mvt(-gz)?\/14\/\d+\/\d+\.pbf$/);
    }
  });

  it('reads from a street zoom outwards, within the zooms the server has', () => {
    expect(probeZooms(endpoint('/mvt/{z}/{x}/{y}.pbf', 18))).toEqual([14, 11, 8, 5, 2]);
    expect(probeZooms(endpoint('/mvt/{z}/{x}/{y}.pbf', 9))).toEqual([9, 6, 3, 0]);
  });

  it('names an image server, a wrong address, a page that is not a tile and an unreachable server', async () => {
    expect(await probeVectorLayers(endpoint('/xyz/{z}/{x}/{y}.png'), AT, fetchTile)).toMatchObject({
      ok: false,
      key: 'basemap.vector.image',
    });
    const missing = await probeVectorLayers(endpoint('/nothing/{z}/{x}/{y}.pbf'), AT, fetchTile);
    expect(missing).toMatchObject({ ok: false, key: 'basemap.vector.httpStatus', params: { status: '404' } });
    expect(await probeVectorLayers(endpoint('/portal?z={z}&x={x}&y={y}'), AT, fetchTile)).toMatchObject({
      ok: false,
      key: 'basemap.vector.notTile',
      params: { type: 'text/html; charset=utf-8' },
    });
    const down = await startTileServer();
    const origin = down.origin;
    await down.stop();
    const parsed = parseTemplate(`${origin}/mvt/{z}/{x}/{y}.pbf`);
    if (!parsed.ok) throw new Error(parsed.problem.key);
    expect(await probeVectorLayers(parsed.endpoint, AT, fetchTile)).toMatchObject({
      ok: false,
      key: 'basemap.vector.unreachable',
    });
  });

  it('says so when no tile over the place has layers', async () => {
    // Far outside the served landuse and roads: every tile is empty of features.
    expect(await probeVectorLayers(endpoint('/mvt/{z}/{x}/{y}.pbf'), [-60, -30], fetchTile)).toMatchObject({
      ok: false,
      key: 'basemap.vector.empty',
    });
  });
});

describe('the tile loader with a vector server', () => {
  it('keeps and draws a gzipped tile unzipped, and an empty tile as no bytes', async () => {
    const cache = createTileCache(new TileCacheDb('tiles-vector-test'));
    const def = {
      id: 'county-mvt',
      endpoint: endpoint('/mvt-gz/{z}/{x}/{y}.pbf', 16),
      provider: 'other' as const,
      maxAgeMs: 1e9,
      format: 'vector' as const,
    };
    const load = createTileLoader({
      cache,
      fetchTile,
      source: () => def,
      onEvent: () => undefined,
      emptyTile: async (format) => (format === 'vector' ? new ArrayBuffer(0) : new ArrayBuffer(1)),
    });
    const data = await load('griddesk-basemap://county-mvt/14/13652/6572');
    expect(readVectorTile(new Uint8Array(data))).toEqual({ kind: 'layers', names: [...MVT_LAYERS] });
    const [size] = await cache.sizes();
    expect(size?.bytes).toBe(data.byteLength);
    // Above the server's zooms: nothing, as an empty vector tile.
    expect((await load('griddesk-basemap://county-mvt/18/0/0')).byteLength).toBe(0);
    await cache.close();
  });
});
