/**
 * 天地图 as the basemap, with the centre's own key. A tile server on 127.0.0.1 (test/tile-server.ts,
 * solid magenta tiles) answers 天地图's WMTS GetTile as 天地图 does: the tile for the right key, 418 for
 * any other. The page asks for tiles through the web server's /tile-proxy; the test routes the
 * proxy's requests for t0–t7.tianditu.gov.cn to that server (a hosts-file entry, in effect), so the
 * app, the proxy and the request are the real ones. Choosing 天地图 without a key says so and opens
 * the settings; a key 天地图 refuses is named in the layer panel and the township stays drawn; the
 * right key draws the base and its annotation layer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { inputOf, openApp, renderedCounts, screenshot, type Session } from './driver';
import { TILE_KEY, startTileServer, type TileServer } from '../tile-server';
import { colourShare } from './map-pixels';

const MAGENTA = [255, 0, 255] as const;
/** The share of the map's pixels that are the tile server's magenta (through the township's translucent fills). */
const magentaShare = (s: Session): Promise<number> =>
  colourShare(s.page, MAGENTA, { channel: [74, 109, 74] }); // r > 180, g < 110, b > 180
const WRONG_KEY = 'ffffffffffffffffffffffffffffffff';

async function chooseBasemap(s: Session, choice: string): Promise<void> {
  await s.page.getByTestId('basemap-choice').click();
  await s.page.getByTestId(`basemap-choice-${choice}`).click();
}

async function saveKey(s: Session, key: string): Promise<void> {
  const page = s.page;
  if (!(await page.getByTestId('basemap-dialog').isVisible())) {
    await page.getByTestId('basemap-settings').click();
    await page.getByTestId('basemap-dialog').waitFor();
  }
  await inputOf(page, 'basemap-tianditu-key').fill(key);
  await page.getByTestId('basemap-save').click();
  await page.getByTestId('basemap-dialog').waitFor({ state: 'hidden' });
}

describe('天地图 with the centre key', () => {
  let s: Session;
  let tiles: TileServer;
  /** The 天地图 requests the proxy was asked for, as 天地图 would have received them (path and query). */
  const asked: string[] = [];
  beforeAll(async () => {
    tiles = await startTileServer([...MAGENTA]);
    s = await openApp({ signIn: 'leader' });
    await s.page.route('**/tile-proxy?*', async (route: Route) => {
      const proxied = new URL(route.request().url());
      const target = new URL(proxied.searchParams.get('url') ?? '');
      if (!/^t[0-7]\.tianditu\.gov\.cn$/.test(target.hostname)) return route.continue();
      asked.push(`${target.pathname}${target.search}`);
      proxied.searchParams.set('url', `${tiles.origin}/tianditu${target.pathname}${target.search}`);
      return route.continue({ url: proxied.toString() });
    });
  });
  afterAll(async () => {
    await s.close();
    await tiles.stop().catch(() => undefined);
  });

  it('asks for the key first, and opens the settings to enter it', async () => {
    const page = s.page;
    await chooseBasemap(s, 'tianditu-vec');
    await expect
      .poll(() => page.locator('.el-message--warning').last().textContent())
      .toContain('天地图需要本中心的密钥');
    await page.getByTestId('basemap-dialog').waitFor();
    expect(await page.getByTestId('basemap-choice').textContent()).toContain('本镇底图');
    expect(asked).toEqual([]);
  });

  it('names a key 天地图 refuses, and keeps the township drawn', async () => {
    const page = s.page;
    await saveKey(s, WRONG_KEY);
    await chooseBasemap(s, 'tianditu-vec');
    await expect
      .poll(() => page.getByTestId('basemap-refusal').textContent(), { timeout: 30_000 })
      .toContain('天地图拒绝了请求：密钥（tk）缺失、错误');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((p) => p.includes(`tk=${WRONG_KEY}`))).toBe(true);
    expect((await renderedCounts(page)).grids).toBeGreaterThan(0);
    expect(await magentaShare(s)).toBeLessThan(0.01);
    await screenshot(page, 'basemap-tianditu-refused');
  });

  it('draws the vector map under its annotation once the right key is saved', async () => {
    const page = s.page;
    const before = asked.length;
    await saveKey(s, TILE_KEY);
    await expect.poll(() => magentaShare(s), { timeout: 30_000 }).toBeGreaterThan(0.2);
    expect(await page.getByTestId('basemap-refusal').count()).toBe(0);
    const now = asked.slice(before);
    // Web Mercator (`_w`) tiles of the base and of its annotation, each with the centre's key.
    for (const layer of ['vec', 'cva'])
      expect(now.some((p) => p.startsWith(`/${layer}_w/wmts?`) && p.includes('TILEMATRIXSET=w'))).toBe(true);
    expect(now.every((p) => p.includes(`tk=${TILE_KEY}`))).toBe(true);
    expect(await page.getByTestId('status-basemap').textContent()).toContain('天地图矢量');
    await screenshot(page, 'basemap-tianditu');
  });
});
