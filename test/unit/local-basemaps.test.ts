/**
 * Local PMTiles and MBTiles basemaps as the page reads them: in Electron through the app:// protocol
 * handler (run here in Node, as main runs it) for files the leader picked, by byte range; in a browser
 * from the web server's `--basemap-dir`. Archives are written by the test (test/pmtiles-writer.ts), the
 * MBTiles with sql.js (real SQLite); a tile read back is the PNG of the colour it was written with.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../electron/app-protocol';
import { loadBasemapFileRegistry, type BasemapFileRegistry } from '../../electron/basemap-files';
import { createLocalTileServer, parseByteRange } from '../../electron/local-tiles';
import { startWebServer, type WebServer } from '../../scripts/web-server';
import type { LocalBasemapFile } from '../../shared/tiles/local-files';
import { LocalFileError, openLocalBasemap } from '../../renderer/tiles/local-basemap';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { PMTILES_TILE_TYPE, uniformPmtiles } from '../pmtiles-writer';
import { solidPng } from '../tile-server';
import { loadSqlJs } from './import/geo/sqlite';

/** The colour of a solid PNG's first pixel (filter 0 rows, as solidPng writes them). */
function firstPixel(png: ArrayBuffer): [number, number, number] {
  const bytes = Buffer.from(png);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const idat = bytes.indexOf('IDAT', 0, 'latin1');
  const length = bytes.readUInt32BE(idat - 4);
  const raw = inflateSync(bytes.subarray(idat + 4, idat + 4 + length));
  return [raw[1] as number, raw[2] as number, raw[3] as number];
}

let base: string;
let root: string;
let tilesDir: string;
let registry: BasemapFileRegistry;
const GREEN: [number, number, number] = [0, 200, 80];
const ORANGE: [number, number, number] = [255, 140, 0];

/** A vector tile with `building` polygons and `waterway` lines, as a file's tile would hold (one for every tile). */
function vectorTile(): Uint8Array {
  const layer = (geometry: GeoJSON.Geometry) =>
    new GeoJSONVT({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry }],
    }).getTile(0, 0, 0)!;
  return fromGeojsonVt(
    {
      building: layer({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [60, 0],
            [60, 40],
            [0, 0],
          ],
        ],
      }),
      waterway: layer({
        type: 'LineString',
        coordinates: [
          [-50, -20],
          [70, 30],
        ],
      }),
    },
    { version: 2, extent: 4096 },
  );
}

async function writeMbtiles(
  path: string,
  tile: Uint8Array,
  meta: Readonly<Record<string, string>> = { name: '县影像', format: 'png', minzoom: '0', maxzoom: '14' },
): Promise<void> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE metadata (name text, value text)');
  db.run('CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)');
  for (const [name, value] of Object.entries(meta))
    db.run('INSERT INTO metadata VALUES (?, ?)', [name, value]);
  // z12 x3421 y1663 (XYZ) is TMS row 4095 - 1663.
  db.run('INSERT INTO tiles VALUES (12, 3421, ?, ?)', [4095 - 1663, tile]);
  await writeFile(path, db.export());
  db.close();
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'griddesk-local-'));
  root = join(base, 'renderer');
  tilesDir = join(base, 'tiles');
  await mkdir(root);
  await mkdir(tilesDir);
  await writeFile(join(root, 'index.html'), '<!doctype html><title>GridDesk</title>');
  await writeFile(join(tilesDir, '县影像.pmtiles'), uniformPmtiles(solidPng(GREEN)));
  // A file that says it is PMTiles and is not one past its magic (a download cut short and patched).
  const broken = new Uint8Array(400).fill(7);
  broken.set(new TextEncoder().encode('PMTiles'), 0);
  broken[7] = 3;
  await writeFile(join(tilesDir, 'broken.pmtiles'), broken);
  await writeFile(join(tilesDir, 'notes.pmtiles'), 'not an archive at all');
  await writeFile(join(tilesDir, 'secret.txt'), 'not offered');
  await writeMbtiles(join(tilesDir, 'county.mbtiles'), solidPng(ORANGE));
  // Vector files: a PMTiles without `vector_layers` metadata, a gzipped MBTiles without its `json`
  // row, and one that lists its layers there.
  await writeFile(
    join(tilesDir, 'vector.pmtiles'),
    uniformPmtiles(vectorTile(), { maxZoom: 6, tileType: PMTILES_TILE_TYPE.mvt }),
  );
  const vectorMeta = { name: '县矢量', format: 'pbf', minzoom: '0', maxzoom: '14' };
  await writeMbtiles(join(tilesDir, 'vector.mbtiles'), gzipSync(vectorTile()), vectorMeta);
  await writeMbtiles(join(tilesDir, 'listed.mbtiles'), gzipSync(vectorTile()), {
    ...vectorMeta,
    json: JSON.stringify({
      vector_layers: [
        { id: 'landuse', fields: {} },
        { id: 'poi', fields: {} },
      ],
    }),
  });
  await writeFile(join(base, 'outside.pmtiles'), uniformPmtiles(solidPng(GREEN)));
  await symlink(join(base, 'outside.pmtiles'), join(tilesDir, 'link.pmtiles'));
  registry = await loadBasemapFileRegistry(join(base, 'userData', 'basemap-files.json'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('byte ranges', () => {
  it('reads a range, an open range and a suffix, cutting an end past the file', () => {
    expect(parseByteRange('bytes=0-16383', 500)).toEqual({ start: 0, end: 499 });
    expect(parseByteRange('bytes=100-', 500)).toEqual({ start: 100, end: 499 });
    expect(parseByteRange('bytes=-10', 500)).toEqual({ start: 490, end: 499 });
    expect(parseByteRange('bytes=600-700', 500)).toBe('unsatisfiable');
    expect(parseByteRange('items=0-1', 500)).toBeNull();
  });
});

describe('a PMTiles file the leader picked, in Electron (the app:// protocol)', () => {
  const handler = () =>
    createAppRequestHandler({
      root,
      localFiles: createLocalTileServer({
        resolve: (id) => registry.resolve(id),
        list: () => registry.list(),
        sqlite: loadSqlJs,
      }),
    });
  const appFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    handler()(new Request(input, init));

  it('answers a Range request with 206 and the bytes asked for', async () => {
    const added = await registry.add(join(tilesDir, '县影像.pmtiles'));
    if (!added.ok) throw new Error(added.refusal.key);
    expect(added.file).toMatchObject({ name: '县影像.pmtiles', format: 'pmtiles' });
    expect(added.file.id).toMatch(/^[0-9a-f]{16}$/);
    const response = await appFetch(`app://griddesk/basemap-files/${added.file.id}`, {
      headers: { Range: 'bytes=0-6' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toMatch(/^bytes 0-6\/\d+$/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toBe('PMTiles');
  });

  it('draws its tiles: a tile read through the PMTiles reader is the archive’s green PNG', async () => {
    const [file] = registry.list();
    const opened = await openLocalBasemap(file!, 'app://griddesk', appFetch);
    expect(opened).toMatchObject({ kind: 'raster', minZoom: 0, maxZoom: 15 });
    const tile = await opened.tile(12, 3421, 1663);
    expect(tile).not.toBeNull();
    expect(firstPixel(tile!)).toEqual(GREEN);
  });

  it('offers a picked file again after a restart, under the same id', async () => {
    const again = await loadBasemapFileRegistry(join(base, 'userData', 'basemap-files.json'));
    expect(again.list()).toEqual(registry.list());
  });

  it('serves only files picked on this PC, by id: no path the page writes is opened', async () => {
    for (const url of [
      'app://griddesk/basemap-files/0123456789abcdef',
      `app://griddesk/basemap-files/${encodeURIComponent(join(tilesDir, '县影像.pmtiles'))}`,
      'app://griddesk/basemap-files/..%2f..%2fsecret.txt',
      'app://griddesk/basemap-files/%2e%2e',
    ]) {
      // `%2e%2e` is normalised to the app's root by URL parsing itself (index.html): never a file.
      const response = await appFetch(url, { headers: { Range: 'bytes=0-6' } });
      expect(response.status, url).not.toBe(206);
      expect(await response.text(), url).not.toMatch(/PMTiles|not offered/);
    }
    const missing: LocalBasemapFile = {
      id: '0123456789abcdef',
      name: '别处的.pmtiles',
      format: 'pmtiles',
      bytes: 1,
    };
    await expect(openLocalBasemap(missing, 'app://griddesk', appFetch)).rejects.toMatchObject({
      problem: { key: 'basemap.local.notOffered', params: { file: '别处的.pmtiles' } },
    });
  });

  it('refuses to offer a file that is not PMTiles or MBTiles, by name or by its bytes', async () => {
    expect(await registry.add(join(tilesDir, 'secret.txt'))).toEqual({
      ok: false,
      refusal: { key: 'basemap.local.notTiles', params: { file: 'secret.txt' } },
    });
    expect(await registry.add(join(tilesDir, 'notes.pmtiles'))).toMatchObject({
      ok: false,
      refusal: { key: 'basemap.local.notTiles' },
    });
  });

  it('names a corrupt archive when it is opened', async () => {
    const added = await registry.add(join(tilesDir, 'broken.pmtiles'));
    if (!added.ok) throw new Error(added.refusal.key);
    const error = await openLocalBasemap(added.file, 'app://griddesk', appFetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalFileError);
    expect((error as LocalFileError).problem).toMatchObject({
      key: 'basemap.local.corrupt',
      params: { file: 'broken.pmtiles' },
    });
  });

  it('reads an MBTiles tile by its XYZ address, and has none where the file has none', async () => {
    const added = await registry.add(join(tilesDir, 'county.mbtiles'));
    if (!added.ok) throw new Error(added.refusal.key);
    const opened = await openLocalBasemap(added.file, 'app://griddesk', appFetch);
    expect(opened).toMatchObject({ kind: 'raster', minZoom: 0, maxZoom: 14 });
    expect(firstPixel((await opened.tile(12, 3421, 1663))!)).toEqual(ORANGE);
    expect(await opened.tile(12, 3421, 1664)).toBeNull();
  });
});

describe('vector tile files', () => {
  const appFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    createAppRequestHandler({
      root,
      localFiles: createLocalTileServer({
        resolve: (id) => registry.resolve(id),
        list: () => registry.list(),
        sqlite: loadSqlJs,
      }),
    })(new Request(input, init));
  const open = async (name: string) => {
    const added = await registry.add(join(tilesDir, name));
    if (!added.ok) throw new Error(added.refusal.key);
    return openLocalBasemap(added.file, 'app://griddesk', appFetch);
  };

  it('reads the source layers of a PMTiles whose metadata lists none from its centre tile', async () => {
    expect(await open('vector.pmtiles')).toMatchObject({
      kind: 'vector',
      maxZoom: 6,
      vectorLayers: ['building', 'waterway'],
    });
  });

  it("takes an MBTiles' layers from its json metadata, else from a tile, and unzips its tiles", async () => {
    expect(await open('listed.mbtiles')).toMatchObject({ kind: 'vector', vectorLayers: ['landuse', 'poi'] });
    const opened = await open('vector.mbtiles');
    expect(opened).toMatchObject({ kind: 'vector', vectorLayers: ['building', 'waterway'] });
    const tile = await opened.tile(12, 3421, 1663);
    expect(Buffer.from(tile!).equals(Buffer.from(vectorTile()))).toBe(true);
  });
});

describe('an MBTiles past the size sql.js can hold', () => {
  it('is refused with its size and the limit', async () => {
    const server = createLocalTileServer({
      resolve: () => ({ path: join(tilesDir, 'county.mbtiles'), format: 'mbtiles', name: 'county.mbtiles' }),
      list: () => [],
      sqlite: loadSqlJs,
      mbtilesMaxBytes: 1024,
    });
    const answer = await server.answer('GET', 'x/metadata.json', null);
    expect(answer.status).toBe(413);
    expect(new TextDecoder().decode(answer.body!)).toMatch(/^county\.mbtiles is \d+ bytes, over 1024$/);
    const file: LocalBasemapFile = { id: 'x', name: 'county.mbtiles', format: 'mbtiles', bytes: 0 };
    const fetchImpl = async (input: string | URL | Request): Promise<Response> => {
      const a = await server.answer('GET', String(input).split('/basemap-files/')[1]!, null);
      return new Response(a.body === null ? null : new Uint8Array(a.body), { status: a.status });
    };
    await expect(openLocalBasemap(file, 'http://h', fetchImpl)).rejects.toMatchObject({
      problem: { key: 'basemap.local.tooLarge', params: { file: 'county.mbtiles' } },
    });
  });
});

describe('a folder of basemap files served by the web server (browser mode)', () => {
  let web: WebServer;
  beforeAll(async () => {
    web = await startWebServer({ root, basemapDir: tilesDir });
  });
  afterAll(async () => {
    await web.close();
  });
  const origin = (): string => web.url.replace(/\/$/, '');

  it('lists its PMTiles and MBTiles files, and nothing else', async () => {
    const listed = (await (await fetch(`${origin()}/basemap-files/index.json`)).json()) as LocalBasemapFile[];
    expect(listed.map((f) => f.name)).toEqual([
      'broken.pmtiles',
      'county.mbtiles',
      'listed.mbtiles',
      'notes.pmtiles',
      'vector.mbtiles',
      'vector.pmtiles',
      '县影像.pmtiles',
    ]);
  });

  it('serves an archive by byte ranges, and its tiles read as the green PNG', async () => {
    const response = await fetch(`${origin()}/basemap-files/${encodeURIComponent('县影像.pmtiles')}`, {
      headers: { Range: 'bytes=0-16383' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    const file: LocalBasemapFile = {
      id: '县影像.pmtiles',
      name: '县影像.pmtiles',
      format: 'pmtiles',
      bytes: 0,
    };
    const opened = await openLocalBasemap(file, origin());
    expect(firstPixel((await opened.tile(3, 6, 3))!)).toEqual(GREEN);
  });

  it('refuses traversal, links out of the folder and other files', async () => {
    for (const path of [
      '..%2fsecret.txt',
      '%2e%2e',
      'secret.txt',
      'link.pmtiles',
      '..%2F..%2Fetc%2Fpasswd',
    ]) {
      const response = await fetch(`${origin()}/basemap-files/${path}`, { headers: { Range: 'bytes=0-6' } });
      expect(response.status, path).not.toBe(206);
      expect(await response.text(), path).not.toMatch(/PMTiles|not offered/);
    }
  });

  it('names a corrupt archive and a file that is no archive at all', async () => {
    for (const name of ['broken.pmtiles', 'notes.pmtiles']) {
      const file: LocalBasemapFile = { id: name, name, format: 'pmtiles', bytes: 0 };
      await expect(openLocalBasemap(file, origin())).rejects.toMatchObject({
        problem: { key: 'basemap.local.corrupt', params: { file: name } },
      });
    }
  });

  it('says a server started without a folder offers no files', async () => {
    const bare = await startWebServer({ root });
    try {
      const response = await fetch(`${bare.url}basemap-files/index.json`);
      expect(response.status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
