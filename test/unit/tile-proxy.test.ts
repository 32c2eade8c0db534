/**
 * Tiles fetched by the host (shared/tiles/fetch-tile.ts) and the web server's `/tile-proxy`, against a
 * tile server on 127.0.0.1 that answers as providers do.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTileOutcome } from '../../shared/tiles/fetch-tile';
import { startWebServer, type WebServer } from '../../scripts/web-server';
import { TILE_KEY, solidPng, startTileServer, type TileServer } from '../tile-server';

let tiles: TileServer;
let web: WebServer;
let root: string;

beforeAll(async () => {
  tiles = await startTileServer([255, 0, 255]);
  root = await mkdtemp(join(tmpdir(), 'griddesk-tiles-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>GridDesk</title>');
  web = await startWebServer({ root });
});

afterAll(async () => {
  await web.close();
  await tiles.stop().catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

describe('a tile fetched by the host', () => {
  it("passes the provider's answer on with its status", async () => {
    const ok = await fetchTileOutcome(`${tiles.origin}/xyz/3/6/3.png`);
    expect(ok).toMatchObject({ kind: 'answered', status: 200, contentType: 'image/png' });
    expect(ok.kind === 'answered' && Buffer.from(ok.bytes).equals(solidPng([255, 0, 255]))).toBe(true);
    expect(await fetchTileOutcome(`${tiles.origin}/tianditu/vec_w/wmts?tk=wrong`)).toMatchObject({
      status: 418,
    });
    expect(await fetchTileOutcome(`${tiles.origin}/tianditu/vec_w/wmts?tk=${TILE_KEY}`)).toMatchObject({
      status: 200,
    });
    expect(await fetchTileOutcome(`${tiles.origin}/xyz/3/6/3.jpg`)).toMatchObject({ status: 404 });
  });

  it('refuses what is not an http(s) tile address, and says when nothing answers', async () => {
    expect(await fetchTileOutcome('file:///etc/passwd')).toEqual({
      kind: 'refused',
      reason: 'tile URL refused: scheme file: is not http(s)',
    });
    expect((await fetchTileOutcome('http://user:pw@127.0.0.1/x.png')).kind).toBe('refused');
    // A port nothing listens on: the provider cannot be reached.
    const closed = await startTileServer();
    const url = `${closed.origin}/xyz/1/1/1.png`;
    await closed.stop();
    expect(await fetchTileOutcome(url)).toMatchObject({ kind: 'unreachable' });
  });
});

describe("the web server's tile proxy", () => {
  const proxied = (url: string) => fetch(`${web.url}tile-proxy?url=${encodeURIComponent(url)}`);

  it('serves the tile with its type, and says the provider answered', async () => {
    const res = await proxied(`${tiles.origin}/xyz/4/13/6.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-tile-upstream')).toBe('answered');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(Buffer.from(await res.arrayBuffer()).equals(solidPng([255, 0, 255]))).toBe(true);
  });

  it("passes a refusal on with its status, but never a provider's page as a page of ours", async () => {
    const res = await proxied(`${tiles.origin}/tianditu/img_w/wmts?tk=wrong`);
    expect(res.status).toBe(418);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('says when the provider cannot be reached, and refuses a URL that is not a tile address', async () => {
    const closed = await startTileServer();
    const url = `${closed.origin}/xyz/1/1/1.png`;
    await closed.stop();
    const down = await proxied(url);
    expect([down.status, down.headers.get('x-tile-upstream')]).toEqual([502, 'unreachable']);
    const file = await proxied('file:///etc/passwd');
    expect([file.status, file.headers.get('x-tile-upstream')]).toEqual([400, null]);
  });
});
