/**
 * A centre's own tile server as its basemap, and the map staying up when the network goes: a tile
 * server on 127.0.0.1 (test/tile-server.ts, solid magenta tiles) stands in for a county GIS server. A
 * shift leader sets it in 底图设置 (a wrong template is refused by name), chooses it in the layer panel,
 * and the map draws its tiles under the township; then the server stops, the app is reloaded, and the
 * map still draws them, from the tile cache, which the rendered pixels show; where nothing is cached the
 * status bar says the network is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputOf, mapIdle, openApp, renderedCounts, screenshot, signIn, type Session } from './driver';
import { startTileServer, type TileServer } from '../tile-server';
import { colourShare } from './map-pixels';

/** The share of the map's pixels that are the tile server's magenta (through the township's translucent fills). */
const magentaShare = (s: Session): Promise<number> =>
  colourShare(s.page, [255, 0, 255], { channel: [74, 109, 74] }); // r > 180, g < 110, b > 180

async function chooseBasemap(s: Session, choice: string): Promise<void> {
  await s.page.getByTestId('basemap-choice').click();
  await s.page.getByTestId(`basemap-choice-${choice}`).click();
}

describe("a centre's own tile server as the basemap", () => {
  let s: Session;
  let tiles: TileServer;
  beforeAll(async () => {
    tiles = await startTileServer([255, 0, 255]);
    s = await openApp({ signIn: 'leader' });
  });
  afterAll(async () => {
    await s.close();
    await tiles.stop().catch(() => undefined);
  });

  it('refuses a template the map cannot use, names one the server has no tiles at, and keeps a good one', async () => {
    const page = s.page;
    expect(await magentaShare(s)).toBeLessThan(0.01);
    await chooseBasemap(s, 'custom');
    // Nothing is set yet: the choice says so and opens the settings.
    await page.getByTestId('basemap-dialog').waitFor();
    await inputOf(page, 'basemap-custom-name').fill('县影像');
    await inputOf(page, 'basemap-custom-template').fill(`${tiles.origin}/xyz/{z}/{x}.png`);
    await page.getByTestId('basemap-save').click();
    await expect.poll(() => page.getByTestId('basemap-template-issue').textContent()).toContain('缺少 {y}');
    // A template the map can use but the server has nothing at: saved, and named once the map asks.
    await inputOf(page, 'basemap-custom-template').fill(`${tiles.origin}/nothing/{z}/{x}/{y}.png`);
    await page.getByTestId('basemap-save').click();
    await page.getByTestId('basemap-dialog').waitFor({ state: 'hidden' });
    await chooseBasemap(s, 'custom');
    await expect
      .poll(() => page.getByTestId('basemap-refusal').textContent(), { timeout: 30_000 })
      .toContain('都应答 404');
    expect((await renderedCounts(page)).grids).toBeGreaterThan(0);
    await chooseBasemap(s, 'own');
    await page.getByTestId('basemap-settings').click();
    await page.getByTestId('basemap-dialog').waitFor();
    await inputOf(page, 'basemap-custom-template').fill(`${tiles.origin}/xyz/{z}/{x}/{y}.png`);
    await page.getByTestId('basemap-save').click();
    await page.getByTestId('basemap-dialog').waitFor({ state: 'hidden' });
  });

  it('draws its tiles under the township once chosen', async () => {
    const page = s.page;
    const before = tiles.served.length;
    await chooseBasemap(s, 'custom');
    await expect.poll(() => magentaShare(s), { timeout: 30_000 }).toBeGreaterThan(0.2);
    expect(tiles.served.slice(before).every((p) => /^\/xyz\/\d+\/\d+\/\d+\.png$/.test(p))).toBe(true);
    expect(tiles.served.length).toBeGreaterThan(before);
    expect(await page.getByTestId('status-basemap').textContent()).toContain('自有瓦片服务');
    await screenshot(page, 'basemap-custom');
  });

  it('still draws them from the cache after the server stops and the app is reloaded', async () => {
    const page = s.page;
    await tiles.stop();
    const served = tiles.served.length;
    await page.reload();
    await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await signIn(page, 'leader');
    // The choice is remembered for the centre on this PC.
    await expect.poll(() => page.getByTestId('basemap-choice').textContent()).toContain('自有瓦片服务');
    await expect.poll(() => magentaShare(s), { timeout: 30_000 }).toBeGreaterThan(0.2);
    expect(tiles.served.length).toBe(served);
    // The township's own drawn roads and villages stay off under a network basemap.
    expect(await page.getByTestId('layer-toggle-basemap').locator('input').isChecked()).toBe(false);
    await screenshot(page, 'basemap-from-cache');
    // Two zooms in: tiles never fetched, and no server to ask. The status bar says so.
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await mapIdle(page);
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await expect
      .poll(() => page.getByTestId('status-basemap').textContent(), { timeout: 30_000 })
      .toContain('网络不通，显示缓存瓦片');
  });

  it('lists what the cache holds for the server, and clears it', async () => {
    const page = s.page;
    await page.getByTestId('basemap-settings').click();
    const row = page.locator('[data-testid^="basemap-cache-custom-"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/县影像\d+ 张[\d.]+ MiB/);
    await row.getByRole('button').click();
    await row.waitFor({ state: 'detached' });
    expect(await page.getByTestId('basemap-cache-sizes').textContent()).toContain('尚无缓存瓦片');
  });
});
