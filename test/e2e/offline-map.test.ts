/**
 * 离线地图下载 of a centre's own tile server (test/tile-server.ts on 127.0.0.1, solid magenta tiles): a
 * shift leader sets the server as the basemap, draws a box on the map, sees its tile count and size
 * (and a refusal past the limit), downloads two zooms deeper than the map was ever shown at, pauses
 * and resumes, reloads the app in the middle and it goes on by itself; then the server stops, the app is
 * reloaded, the map is zoomed in twice, and it draws the area from the cache: the rendered pixels show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inputOf, mapIdle, openApp, screenshot, signIn, type Session } from './driver';
import { colourShare } from './map-pixels';
import { startTileServer, type TileServer } from '../tile-server';

const MAGENTA = [255, 0, 255] as const;

const zoom = (page: Page): Promise<number> =>
  page.evaluate(() => (globalThis as unknown as { __griddeskMap: { zoom(): number } }).__griddeskMap.zoom());

const areaText = (page: Page): Promise<string> =>
  page.getByTestId('offline-panel').locator('.areas').innerText();

/**
 * Draws a box on the map round its middle, `fraction` of its width and height, in box mode; gives how
 * far (px) the drawn box's centre lands from the map's centre as the map now shows it.
 */
async function drawBox(page: Page, fraction: number): Promise<{ x: number; y: number }> {
  await page.getByTestId('offline-draw').click();
  await page.getByTestId('offline-drawing').waitFor();
  const rect = await page.getByTestId('map').boundingBox();
  if (rect === null) throw new Error('no map');
  const [cx, cy] = [rect.x + rect.width / 2, rect.y + rect.height / 2];
  const [w, h] = [rect.width * fraction, rect.height * fraction];
  await page.mouse.move(cx - w / 2, cy - h / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i += 1) await page.mouse.move(cx - w / 2 + (w * i) / 8, cy - h / 2 + (h * i) / 8);
  await page.mouse.up();
  await page.getByTestId('offline-drawing').waitFor({ state: 'detached' });
  const box = ((await page.getByTestId('offline-box').textContent()) ?? '').split(',').map(Number);
  const [west = 0, south = 0, east = 0, north = 0] = box;
  const at = await page.evaluate(
    (p) =>
      (
        globalThis as unknown as {
          __griddeskMap: { project(p: readonly [number, number]): { x: number; y: number } };
        }
      ).__griddeskMap.project(p),
    [(west + east) / 2, (south + north) / 2] as const,
  );
  return { x: at.x - rect.width / 2, y: at.y - rect.height / 2 };
}

async function reloadAndSignIn(page: Page): Promise<void> {
  await page.reload();
  await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
  await signIn(page, 'leader');
  await mapIdle(page);
}

describe('downloading an area of the basemap for offline use', () => {
  let s: Session;
  let tiles: TileServer;
  let baseZoom = 0;
  beforeAll(async () => {
    tiles = await startTileServer([...MAGENTA]);
    s = await openApp({ signIn: 'leader' });
  });
  afterAll(async () => {
    await s.close();
    await tiles.stop().catch(() => undefined);
  });

  it('offers the download once a network basemap is chosen, and counts a drawn box first', async () => {
    const page = s.page;
    await page.getByTestId('basemap-settings').click();
    await inputOf(page, 'basemap-custom-name').fill('县影像');
    await inputOf(page, 'basemap-custom-template').fill(`${tiles.origin}/xyz/{z}/{x}/{y}.png`);
    await page.getByTestId('basemap-save').click();
    await page.getByTestId('basemap-dialog').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('offline-open').count()).toBe(0);
    await page.getByTestId('basemap-choice').click();
    await page.getByTestId('basemap-choice-custom').click();
    await expect.poll(() => colourShare(page, MAGENTA), { timeout: 30_000 }).toBeGreaterThan(0.2);
    baseZoom = Math.round(await zoom(page));

    await page.getByTestId('offline-open').click();
    await page.getByTestId('offline-plan').waitFor();
    // The township's extent first.
    expect(await page.getByTestId('offline-plan').textContent()).toMatch(
      /共 \d+ 张瓦片（\d+ 个位置 × 1 个图层），约 [\d.]+ [KM]iB/,
    );

    // Deeper than the server serves, then too many tiles: refused with the reason, nothing starts.
    await inputOf(page, 'offline-max-zoom').fill('20');
    await inputOf(page, 'offline-max-zoom').press('Enter');
    await expect
      .poll(() => page.getByTestId('offline-refused').textContent())
      .toContain('级别范围应在 0 到 18 之间');
    // The same box drawn with the map zoomed out three times, down to zoom 18: too many tiles.
    for (let i = 0; i < 3; i += 1) {
      await page.locator('.maplibregl-ctrl-zoom-out').click();
      await mapIdle(page);
    }
    await drawBox(page, 0.4);
    await inputOf(page, 'offline-max-zoom').fill('18');
    await inputOf(page, 'offline-max-zoom').press('Enter');
    await expect
      .poll(() => page.getByTestId('offline-refused').textContent())
      .toMatch(/共 \d+ 张瓦片，超过单次下载上限 50000 张/);
    expect(await page.getByTestId('offline-start').isDisabled()).toBe(true);
    await screenshot(page, 'offline-refused');

    // Back where it was, a box round the middle of the map; the map does not pan while it is drawn.
    for (let i = 0; i < 3; i += 1) {
      await page.locator('.maplibregl-ctrl-zoom-in').click();
      await mapIdle(page);
    }
    const drawn = await drawBox(page, 0.4);
    expect(Math.abs(drawn.x)).toBeLessThan(4);
    expect(Math.abs(drawn.y)).toBeLessThan(4);
    expect(Math.round(await zoom(page))).toBe(baseZoom);

    await inputOf(page, 'offline-max-zoom').fill(String(baseZoom + 2));
    await inputOf(page, 'offline-max-zoom').press('Enter');
    await inputOf(page, 'offline-min-zoom').fill(String(baseZoom + 1));
    await inputOf(page, 'offline-min-zoom').press('Enter');
    await expect
      .poll(() => inputOf(page, 'offline-name').getAttribute('placeholder'))
      .toContain(`${baseZoom + 1}–${baseZoom + 2}`);
    await expect.poll(() => page.getByTestId('offline-refused').count()).toBe(0);
    // The count follows the zooms once they are in (it is worked out after each change).
    const count = async (): Promise<number> =>
      Number(/共 (\d+) 张/.exec((await page.getByTestId('offline-plan').textContent()) ?? '')?.[1]);
    await expect.poll(count).toBeLessThan(400);
    expect(await count()).toBeGreaterThan(30);
    await screenshot(page, 'offline-plan');
  });

  it('downloads it with pause and resume, and goes on by itself after a reload', async () => {
    const page = s.page;
    const before = tiles.served.length;
    await page.getByTestId('offline-start').click();
    await page.getByTestId('offline-area-running').waitFor();
    await expect.poll(() => areaText(page)).toMatch(/已存 [1-9]\d* 张/);
    await page.getByTestId('offline-pause').click();
    await page.getByTestId('offline-area-paused').waitFor();
    const pausedAt = await page.getByTestId('offline-area-progress').textContent();
    await screenshot(page, 'offline-paused');
    // Once paused, nothing more is fetched or kept.
    const servedPaused = tiles.served.length;
    await page.getByTestId('offline-resume').waitFor();
    expect(await page.getByTestId('offline-area-progress').textContent()).toBe(pausedAt);
    expect(tiles.served.length).toBe(servedPaused);
    await page.getByTestId('offline-resume').click();
    await page.getByTestId('offline-area-running').waitFor();
    await expect.poll(() => page.getByTestId('offline-area-progress').textContent()).not.toBe(pausedAt);

    // The app is reloaded in the middle: after sign-in the download goes on where it was.
    await reloadAndSignIn(page);
    await page.getByTestId('offline-open').click();
    await page.getByTestId('offline-panel').locator('.area').waitFor();
    await page.getByTestId('offline-area-done').waitFor({ timeout: 120_000 });
    const done = await areaText(page);
    const [placesDone, places] = (/(\d+) \/ (\d+) 个位置/.exec(done) ?? []).slice(1).map(Number);
    expect(placesDone).toBe(places);
    // Each tile fetched once (but for a few a pause or the reload left half-fetched).
    const fetched = tiles.served.slice(before).filter((p) => p.startsWith('/xyz/'));
    expect(fetched.length - new Set(fetched).size).toBeLessThanOrEqual(6);
    await screenshot(page, 'offline-done');
  });

  it('cancels a download, and its row goes', async () => {
    const page = s.page;
    await page.getByTestId('offline-township').click();
    await inputOf(page, 'offline-min-zoom').fill(String(baseZoom));
    await inputOf(page, 'offline-min-zoom').press('Enter');
    await inputOf(page, 'offline-max-zoom').fill(String(baseZoom + 1));
    await inputOf(page, 'offline-max-zoom').press('Enter');
    await page.getByTestId('offline-start').click();
    await page.getByTestId('offline-area-running').waitFor();
    await page.getByTestId('offline-area-running').getByTestId('offline-remove').click();
    await page.getByTestId('offline-area-running').waitFor({ state: 'detached' });
    expect(await page.getByTestId('offline-panel').locator('.area').count()).toBe(1);
  });

  it('draws the area from the cache two zooms in, with the server stopped and the app reloaded', async () => {
    const page = s.page;
    await tiles.stop();
    const served = tiles.served.length;
    await reloadAndSignIn(page);
    await expect.poll(() => page.getByTestId('basemap-choice').textContent()).toContain('自有瓦片服务');
    for (let i = 0; i < 2; i += 1) {
      await page.locator('.maplibregl-ctrl-zoom-in').click();
      await mapIdle(page);
    }
    expect(Math.round(await zoom(page))).toBe(baseZoom + 2);
    await expect.poll(() => colourShare(page, MAGENTA), { timeout: 30_000 }).toBeGreaterThan(0.5);
    expect(tiles.served.length).toBe(served);
    await screenshot(page, 'offline-from-cache');
    await page.getByTestId('offline-open').click();
    await page.getByTestId('offline-area-done').waitFor();
  });
});
