/**
 * A GCJ-02 basemap (a centre's own server serving Amap or Tencent tiles) with the overlays shifted on
 * screen to match it: the local tile server (test/tile-server.ts) draws a green block on its tiles at
 * the GCJ-02 position of a grid's vertex, as a road crossing there would be drawn on an Amap tile. Marked
 * GCJ-02 in 底图设置, the map draws the grid's vertex on that block, a click and the cursor read back the
 * stored WGS84 position, and the wall draws the tiles dark; marked WGS84, the vertex is drawn ~500 m
 * away from the block, where it is stored.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TownshipDataset } from '../../shared/model/dataset';
import { wgs84ToGcj02 } from '../../shared/geo/china-offsets';
import {
  clickMapAt,
  gridWithInteriorPoint,
  inputOf,
  mapIdle,
  openApp,
  screenshot,
  signIn,
  toggleLayer,
  type Session,
} from './driver';
import { startTileServer, type TileServer } from '../tile-server';

const sampleFile = new URL('../../resources/sample/township.json', import.meta.url);
const township = JSON.parse(await readFile(sampleFile, 'utf8')) as TownshipDataset;
const { grid, p: inside } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 2));
const ring = grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : undefined;
const vertex = ring?.[0] as readonly [number, number];
const ZOOM = 16;

interface ProbeWindow {
  __griddeskMap: {
    idle(): Promise<void>;
    project(p: readonly [number, number]): { x: number; y: number };
    jumpTo(p: readonly [number, number], zoom: number): void;
    datum(): string;
    rasterPaint(): Record<string, Record<string, unknown>>;
    canvasRect(): { left: number; top: number; width: number; height: number };
  };
}

/**
 * Read from the map's rendered pixels: the centre of the tile server's green block (canvas CSS pixels,
 * null if none is drawn), where the map draws the grid's vertex, and how many pixels of the selected
 * grid's red outline lie within 5 px of the block's centre and of the drawn vertex.
 */
async function readMap(page: Page): Promise<{
  block: { x: number; y: number } | null;
  vertex: { x: number; y: number };
  redAtBlock: number;
  redAtVertex: number;
}> {
  await mapIdle(page);
  return page.evaluate((v) => {
    interface Canvas {
      width: number;
      height: number;
      clientWidth: number;
      getContext(kind: '2d'): {
        drawImage(source: Canvas, x: number, y: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      } | null;
    }
    const g = globalThis as unknown as ProbeWindow & {
      document: { querySelector(s: string): Canvas | null; createElement(tag: 'canvas'): Canvas };
    };
    const map = g.document.querySelector('[data-testid="map"] canvas');
    const projected = g.__griddeskMap.project(v);
    if (map === null) throw new Error('no map canvas');
    const copy = g.document.createElement('canvas');
    copy.width = map.width;
    copy.height = map.height;
    const ctx = copy.getContext('2d');
    if (ctx === null) throw new Error('no 2d context');
    ctx.drawImage(map, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    const scale = map.width / map.clientWidth;
    const at = (x: number, y: number): [number, number, number] => {
      const i = (y * copy.width + x) * 4;
      return [data[i] as number, data[i + 1] as number, data[i + 2] as number];
    };
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let y = 0; y < copy.height; y += 1)
      for (let x = 0; x < copy.width; x += 1) {
        const [r, gr, b] = at(x, y);
        if (gr > 150 && r < 120 && b < 110 && gr - r > 60) {
          sx += x;
          sy += y;
          n += 1;
        }
      }
    const block = n === 0 ? null : { x: sx / n / scale, y: sy / n / scale };
    const redNear = (p: { x: number; y: number }): number => {
      let red = 0;
      const r5 = Math.round(5 * scale);
      const cx = Math.round(p.x * scale);
      const cy = Math.round(p.y * scale);
      for (let y = cy - r5; y <= cy + r5; y += 1)
        for (let x = cx - r5; x <= cx + r5; x += 1) {
          const [r, gr, b] = at(x, y);
          if (r > 170 && gr < 100 && b < 100) red += 1;
        }
      return red;
    };
    return {
      block,
      vertex: projected,
      redAtBlock: block === null ? 0 : redNear(block),
      redAtVertex: redNear(projected),
    };
  }, vertex);
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number =>
  Math.hypot(a.x - b.x, a.y - b.y);

async function centreOnVertex(page: Page): Promise<void> {
  await page.evaluate(([v, z]) => (globalThis as unknown as ProbeWindow).__griddeskMap.jumpTo(v, z), [
    vertex,
    ZOOM,
  ] as const);
  // The pointer off the map, so no grid is lit by hovering.
  await page.mouse.move(2, 2);
}

async function setDatum(page: Page, datum: 'wgs84' | 'gcj02'): Promise<void> {
  await page.getByTestId('basemap-settings').click();
  await page.getByTestId('basemap-dialog').waitFor();
  await page.getByTestId(`basemap-custom-datum-${datum}`).click();
  await page.getByTestId('basemap-save').click();
  await page.getByTestId('basemap-dialog').waitFor({ state: 'hidden' });
  await page.waitForFunction(
    (d) => (globalThis as unknown as ProbeWindow).__griddeskMap.datum() === d,
    datum,
  );
}

describe('a GCJ-02 basemap with the overlays shifted to match it', () => {
  let s: Session;
  let tiles: TileServer;
  beforeAll(async () => {
    if (vertex === undefined) throw new Error('the sample grid has no polygon ring');
    tiles = await startTileServer([255, 0, 255], { marker: wgs84ToGcj02(vertex) });
    s = await openApp({ signIn: 'leader' });
  });
  afterAll(async () => {
    await s.close();
    await tiles.stop().catch(() => undefined);
  });

  it('draws a grid vertex on the pixel where the GCJ-02 basemap has it, once the server is marked GCJ-02', async () => {
    const page = s.page;
    await page.getByTestId('basemap-choice').click();
    await page.getByTestId('basemap-choice-custom').click();
    await page.getByTestId('basemap-dialog').waitFor();
    await inputOf(page, 'basemap-custom-name').fill('高德瓦片');
    await inputOf(page, 'basemap-custom-template').fill(`${tiles.origin}/marker/{z}/{x}/{y}.png`);
    await page.getByTestId('basemap-custom-datum-gcj02').click();
    await page.getByTestId('basemap-save').click();
    await page.getByTestId('basemap-dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('basemap-choice').click();
    await page.getByTestId('basemap-choice-custom').click();
    await page.waitForFunction(
      () => (globalThis as unknown as ProbeWindow).__griddeskMap.datum() === 'gcj02',
    );
    await toggleLayer(page, 'cases');
    await toggleLayer(page, 'officers');

    // A click inside the grid picks it (the red outline), where it is drawn.
    await centreOnVertex(page);
    await mapIdle(page);
    await clickMapAt(page, inside);
    await expect.poll(() => page.getByTestId('detail-grid-code').textContent()).toBe(grid.code);
    await centreOnVertex(page);
    const read = await readMap(page);
    expect(read.block).not.toBeNull();
    expect(distance(read.block!, read.vertex)).toBeLessThan(3);
    expect(read.redAtBlock).toBeGreaterThan(5);
    expect(read.redAtVertex).toBeGreaterThan(5);
    await screenshot(page, 'basemap-gcj02-vertex');
  });

  it('reads the stored WGS84 position back under the pointer and at a click', async () => {
    const page = s.page;
    const at = await page.evaluate((p) => {
      const probe = (globalThis as unknown as ProbeWindow).__griddeskMap;
      const px = probe.project(p);
      const rect = probe.canvasRect();
      return { x: rect.left + px.x, y: rect.top + px.y };
    }, inside);
    await page.mouse.move(at.x - 10, at.y);
    await page.mouse.move(at.x, at.y);
    const cursor = async (): Promise<number[]> => {
      const text = (await page.getByTestId('cursor-coords').textContent()) ?? '';
      const m = /([\d.]+)°E, ([\d.]+)°N/.exec(text);
      return m === null ? [] : [Number(m[1]), Number(m[2])];
    };
    await expect.poll(cursor).toHaveLength(2);
    const [cLon = 0, cLat = 0] = await cursor();
    // The pointer sits on a whole pixel, about 2 m (2e-5°) at zoom 16.
    expect(Math.abs(cLon - inside[0])).toBeLessThan(3e-5);
    expect(Math.abs(cLat - inside[1])).toBeLessThan(3e-5);

    await page.getByTestId('placement-start').click();
    await clickMapAt(page, inside);
    await expect.poll(() => page.getByTestId('placement-grid').textContent()).toBe(grid.code);
    const lon = Number(await page.getByTestId('placement-lon').inputValue());
    expect(Math.abs(lon - inside[0])).toBeLessThan(3e-5);
    await page.getByTestId('placement-panel').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('placement-panel').waitFor({ state: 'detached' });
  });

  it('draws the tiles dark on the wall, the overlays shifted there too', async () => {
    const [wall] = await Promise.all([s.page.waitForEvent('popup'), s.page.getByTestId('open-wall').click()]);
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await signIn(wall, 'viewer');
    await wall.getByTestId('wall').waitFor();
    await wall.waitForFunction(
      () => (globalThis as unknown as ProbeWindow).__griddeskMap?.datum() === 'gcj02',
      undefined,
      { timeout: 60_000 },
    );
    await mapIdle(wall);
    const paint = await wall.evaluate(() =>
      (globalThis as unknown as ProbeWindow).__griddeskMap.rasterPaint(),
    );
    const custom = Object.entries(paint).filter(([id]) => id.startsWith('netbase-custom-'));
    expect(custom).toHaveLength(1);
    const drawn = custom[0]![1];
    // Inverted (light ground dark, dark labels light) with the hue turned back.
    expect(Number(drawn['raster-brightness-max'])).toBeLessThan(Number(drawn['raster-brightness-min']));
    expect(drawn['raster-hue-rotate']).toBe(180);
    await wall.evaluate(([v, z]) => (globalThis as unknown as ProbeWindow).__griddeskMap.jumpTo(v, z), [
      vertex,
      14,
    ] as const);
    await mapIdle(wall);
    await screenshot(wall, 'basemap-gcj02-wall');
    await wall.close();
  });

  it('draws the vertex where it is stored, away from the block, once the server is marked WGS84', async () => {
    const page = s.page;
    await setDatum(page, 'wgs84');
    await centreOnVertex(page);
    await mapIdle(page);
    await clickMapAt(page, inside);
    await expect.poll(() => page.getByTestId('detail-grid-code').textContent()).toBe(grid.code);
    await centreOnVertex(page);
    const read = await readMap(page);
    expect(read.block).not.toBeNull();
    // About 500 m at zoom 16: some 250 px. The selected outline runs through the vertex, not the block.
    expect(distance(read.block!, read.vertex)).toBeGreaterThan(150);
    expect(read.redAtVertex).toBeGreaterThan(5);
    expect(read.redAtBlock).toBe(0);
    await screenshot(page, 'basemap-wgs84-vertex');
    // And back: the overlays are redrawn on the block again.
    await setDatum(page, 'gcj02');
    await centreOnVertex(page);
    const again = await readMap(page);
    expect(distance(again.block!, again.vertex)).toBeLessThan(3);
    expect(again.redAtBlock).toBeGreaterThan(5);
  });
});
