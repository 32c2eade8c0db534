/**
 * The basemap store over the page's tile service (fake-indexeddb; MapLibre's protocol registered as the
 * page registers it): which basemap a PC shows for each centre, remembered in the browser's storage
 * (a Map-backed Storage here, as the browser would keep it), and the centre's cache cap handed to the
 * tile cache.
 */
import 'fake-indexeddb/auto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASEMAP_SETTINGS, type BasemapSettings } from '../../shared/tiles/basemaps';
import { MiB } from '../../shared/tiles/cache-policy';
import { tileService } from '../tiles/tile-protocol';
import { useBasemapStore } from './basemap';

/** The browser's localStorage, as far as the store uses it. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key = (i: number): string | null => [...this.items.keys()][i] ?? null;
  getItem = (key: string): string | null => this.items.get(key) ?? null;
  setItem = (key: string, value: string): void => void this.items.set(key, String(value));
  removeItem = (key: string): void => void this.items.delete(key);
  clear = (): void => this.items.clear();
}

const withServer: BasemapSettings = {
  ...DEFAULT_BASEMAP_SETTINGS,
  custom: { name: '县影像', template: 'http://10.8.0.5/tiles/{z}/{x}/{y}.png', subdomains: '', maxZoom: 18 },
};

const global = globalThis as { localStorage?: unknown };
beforeEach(() => {
  global.localStorage = new MemoryStorage();
  setActivePinia(createPinia());
});
afterEach(() => {
  delete global.localStorage;
});

describe('the basemap a PC shows for a centre', () => {
  it("is the township's own map until another is chosen, and each centre's choice is its own", () => {
    const basemap = useBasemapStore();
    basemap.setSettings(withServer, '城东街道');
    expect(basemap.choice).toBe('own');
    expect(basemap.choose('custom')).toEqual({ ok: true });
    basemap.setSettings(withServer, '城西镇');
    expect(basemap.choice).toBe('own');
    basemap.setSettings(withServer, '城东街道');
    expect(basemap.choice).toBe('custom');
    // The app started again on this PC: the stores are new, the choice is not.
    setActivePinia(createPinia());
    const again = useBasemapStore();
    again.setSettings(withServer, '城东街道');
    expect(again.choice).toBe('custom');
    expect(again.layers).toHaveLength(1);
  });

  it("falls back to the township's own map when the remembered one can no longer be drawn", () => {
    const basemap = useBasemapStore();
    basemap.setSettings(withServer, '城东街道');
    basemap.choose('custom');
    // The shift leader removed the centre's server from the settings.
    basemap.setSettings(DEFAULT_BASEMAP_SETTINGS, '城东街道');
    expect(basemap.choice).toBe('own');
    expect(basemap.layers).toEqual([]);
    // 天地图 without the centre's key is refused, with why, and the choice stays.
    expect(basemap.choose('tianditu-vec')).toEqual({ ok: false, key: 'basemap.choice.noKey' });
    expect(basemap.choice).toBe('own');
  });
});

describe("the centre's cache cap", () => {
  it('is handed to the tile cache: 2 GiB by default, what the shift leader set otherwise', () => {
    const basemap = useBasemapStore();
    basemap.setSettings(DEFAULT_BASEMAP_SETTINGS, '城东街道');
    expect(tileService().cache.cap).toBe(2048 * MiB);
    basemap.setSettings({ ...DEFAULT_BASEMAP_SETTINGS, cacheCapMiB: 4096 }, '城东街道');
    expect(tileService().cache.cap).toBe(4096 * MiB);
  });
});
