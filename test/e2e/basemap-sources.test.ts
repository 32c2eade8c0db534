/**
 * A county WMTS server and a local PMTiles file as the basemap, in the browser. A tile server on
 * 127.0.0.1 (test/tile-server.ts, solid orange tiles) answers GetCapabilities; the web server offers a
 * folder (`--basemap-dir`) holding a PMTiles archive written by the test (every tile solid blue) and a
 * corrupt one. A shift leader sets each up in 底图设置 and chooses it in the layer panel; the rendered
 * pixels show its tiles under the township. A corrupt archive is named and the township stays drawn.
 * With the WMTS server stopped and the app reloaded, its tiles are drawn from the tile cache.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dialogSettled,
  inputOf,
  openApp,
  renderedBasemapFeatures,
  renderedCounts,
  screenshot,
  signIn,
  type Session,
} from './driver';
import { solidPng, startTileServer, vectorBasemap, type TileServer } from '../tile-server';
import { PMTILES_TILE_TYPE, uniformPmtiles } from '../pmtiles-writer';
import { colourShare as pixelShare } from './map-pixels';

type Rgb = readonly [number, number, number];
const ORANGE: Rgb = [255, 140, 0];
const BLUE: Rgb = [30, 60, 255];

/** The share of the map's pixels near `rgb` (through the township's translucent fills). */
const colourShare = (s: Session, rgb: Rgb): Promise<number> => pixelShare(s.page, rgb, { sum: 119 }); // sum < 120

async function chooseBasemap(s: Session, choice: string): Promise<void> {
  await s.page.getByTestId('basemap-choice').click();
  await s.page.getByTestId(`basemap-choice-${choice}`).click();
}

async function openSettings(s: Session): Promise<void> {
  await s.page.getByTestId('basemap-settings').click();
  await s.page.getByTestId('basemap-dialog').waitFor();
}

async function save(s: Session): Promise<void> {
  await s.page.getByTestId('basemap-save').click();
  await s.page.getByTestId('basemap-dialog').waitFor({ state: 'hidden' });
}

async function pickLocalFile(s: Session, name: string): Promise<void> {
  await s.page.getByTestId('basemap-local-file').click();
  await s.page.getByTestId(`basemap-local-file-${name}`).click();
}

describe('a WMTS server and a local PMTiles file as the basemap', () => {
  let s: Session;
  let tiles: TileServer;
  let dir: string;
  beforeAll(async () => {
    tiles = await startTileServer(ORANGE);
    dir = await mkdtemp(join(tmpdir(), 'griddesk-basemaps-'));
    await writeFile(join(dir, '县影像.pmtiles'), uniformPmtiles(solidPng(BLUE)));
    const broken = new Uint8Array(300).fill(9);
    broken.set(new TextEncoder().encode('PMTiles'), 0);
    await writeFile(join(dir, 'broken.pmtiles'), broken);
    // Every tile the z14 tile over the township, written without `vector_layers` metadata.
    const vector = vectorBasemap()(14, 13652, 6572);
    await writeFile(
      join(dir, '县矢量.pmtiles'),
      uniformPmtiles(vector, { maxZoom: 15, tileType: PMTILES_TILE_TYPE.mvt }),
    );
    s = await openApp({ signIn: 'leader', basemapDir: dir });
  });
  afterAll(async () => {
    await s.close();
    await tiles.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('names a corrupt PMTiles file and keeps the township drawn', async () => {
    const page = s.page;
    expect(await colourShare(s, BLUE)).toBeLessThan(0.01);
    const grids = (await renderedCounts(page)).grids;
    expect(grids).toBeGreaterThan(0);
    await openSettings(s);
    await pickLocalFile(s, 'broken.pmtiles');
    await save(s);
    await chooseBasemap(s, 'local');
    await expect
      .poll(() => page.getByTestId('basemap-local-problem').textContent(), { timeout: 15_000 })
      .toContain('瓦片文件“broken.pmtiles”已损坏');
    expect((await renderedCounts(page)).grids).toBe(grids);
    expect(await colourShare(s, BLUE)).toBeLessThan(0.01);
  });

  it('draws a PMTiles file of the server’s folder, read by byte ranges', async () => {
    const page = s.page;
    await openSettings(s);
    await pickLocalFile(s, '县影像.pmtiles');
    await inputOf(page, 'basemap-local-name').fill('县影像（本地）');
    await dialogSettled(page);
    await screenshot(page, 'basemap-local-settings');
    await save(s);
    await expect.poll(() => colourShare(s, BLUE), { timeout: 30_000 }).toBeGreaterThan(0.2);
    expect(await page.getByTestId('basemap-local-problem').count()).toBe(0);
    expect((await renderedCounts(page)).grids).toBeGreaterThan(0);
    await screenshot(page, 'basemap-local-pmtiles');
  });

  it('draws a vector PMTiles file in the generic style, its layers read from a tile', async () => {
    const page = s.page;
    await openSettings(s);
    await pickLocalFile(s, '县矢量.pmtiles');
    await inputOf(page, 'basemap-local-name').fill('县矢量（本地）');
    await save(s);
    await expect
      .poll(async () => Object.keys(await renderedBasemapFeatures(page)).sort(), { timeout: 30_000 })
      .toEqual(['landuse', 'road']);
    expect(await colourShare(s, BLUE)).toBeLessThan(0.01);
    expect((await renderedCounts(page)).grids).toBeGreaterThan(0);
    await screenshot(page, 'basemap-local-vector');
  });

  it("reads a county server's vector tiles' layers, names an image server, and draws them", async () => {
    const page = s.page;
    await openSettings(s);
    await inputOf(page, 'basemap-custom-name').fill('县矢量服务');
    await inputOf(page, 'basemap-custom-template').fill(`${tiles.origin}/xyz/{z}/{x}/{y}.png`);
    await page.getByTestId('basemap-custom-format-vector').click();
    // Saving reads the layers first: an image server is named, and nothing is saved.
    await page.getByTestId('basemap-save').click();
    await expect
      .poll(() => page.getByTestId('basemap-custom-problem').textContent())
      .toContain('返回的是图片而不是矢量瓦片');
    expect(await page.getByTestId('basemap-dialog').isVisible()).toBe(true);
    await inputOf(page, 'basemap-custom-template').fill(`${tiles.origin}/mvt-gz/{z}/{x}/{y}.pbf`);
    await page.getByTestId('basemap-custom-read').click();
    await expect.poll(() => page.getByTestId('basemap-custom-layers').textContent()).toBe('landuse、road');
    expect(await page.getByTestId('basemap-custom-problem').count()).toBe(0);
    await dialogSettled(page);
    await screenshot(page, 'basemap-vector-settings');
    await save(s);
    const before = tiles.served.length;
    await chooseBasemap(s, 'custom');
    await expect
      .poll(async () => Object.keys(await renderedBasemapFeatures(page)).sort(), { timeout: 30_000 })
      .toEqual(['landuse', 'road']);
    const asked = tiles.served.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((p) => /^\/mvt-gz\/\d+\/\d+\/\d+\.pbf$/.test(p))).toBe(true);
    expect((await renderedCounts(page)).grids).toBeGreaterThan(0);
    await screenshot(page, 'basemap-vector-server');
  });

  it('refuses a WMTS address that is not a capabilities document or has no Web Mercator set', async () => {
    const page = s.page;
    await openSettings(s);
    await inputOf(page, 'basemap-wmts-url').fill(`${tiles.origin}/portal`);
    await page.getByTestId('basemap-wmts-read').click();
    await expect
      .poll(() => page.getByTestId('basemap-wmts-problem').textContent())
      .toMatch(/不是有效的 XML|不是 WMTS 服务能力文档/);
    await inputOf(page, 'basemap-wmts-url').fill(`${tiles.origin}/nowhere`);
    await page.getByTestId('basemap-wmts-read').click();
    await expect.poll(() => page.getByTestId('basemap-wmts-problem').textContent()).toContain('HTTP 404');
    await inputOf(page, 'basemap-wmts-url').fill(`${tiles.origin}/wmts-geographic`);
    await page.getByTestId('basemap-wmts-read').click();
    await expect
      .poll(() => page.getByTestId('basemap-wmts-problem').textContent())
      .toContain('没有 Web 墨卡托（EPSG:3857）切片方案');
  });

  it('lists the layers of a WMTS server, and draws the picked one', async () => {
    const page = s.page;
    await inputOf(page, 'basemap-wmts-url').fill(`${tiles.origin}/wmts`);
    await page.getByTestId('basemap-wmts-read').click();
    await page.getByTestId('basemap-wmts-layer').waitFor();
    expect(await page.getByTestId('basemap-wmts-problem').count()).toBe(0);
    expect(await page.getByTestId('basemap-wmts-layer').textContent()).toContain('测试影像 (img)');
    expect(await page.getByTestId('basemap-wmts-set').textContent()).toContain('GoogleMapsCompatible');
    expect(await inputOf(page, 'basemap-wmts-name').inputValue()).toBe('测试县影像服务');
    await dialogSettled(page);
    await screenshot(page, 'basemap-wmts-settings');
    await save(s);
    const before = tiles.served.length;
    await chooseBasemap(s, 'wmts');
    await expect.poll(() => colourShare(s, ORANGE), { timeout: 30_000 }).toBeGreaterThan(0.2);
    expect(await colourShare(s, BLUE)).toBeLessThan(0.01);
    const asked = tiles.served.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((p) => /^\/wmts\/img\/GoogleMapsCompatible\/\d+\/\d+\/\d+\.png$/.test(p))).toBe(true);
    expect(await page.getByTestId('status-basemap').textContent()).toContain('WMTS 服务');
    await screenshot(page, 'basemap-wmts');
  });

  it("draws the WMTS server's tiles from the cache once it is gone and the app reloaded", async () => {
    const page = s.page;
    await tiles.stop();
    const served = tiles.served.length;
    await page.reload();
    await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await signIn(page, 'leader');
    await expect.poll(() => page.getByTestId('basemap-choice').textContent()).toContain('WMTS 服务');
    await expect.poll(() => colourShare(s, ORANGE), { timeout: 30_000 }).toBeGreaterThan(0.2);
    expect(tiles.served.length).toBe(served);
    await screenshot(page, 'basemap-wmts-from-cache');
  });
});
