import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startWebServer, type WebServer } from '../../scripts/web-server';
import type { Grid, Officer } from '../../shared/model/organisation';
import type { TownshipDataset } from '../../shared/model/dataset';
import { asGeoJson } from '../../shared/model/geo';
import { booleanPointInPolygon, centroid, pointToLineDistance, polygonToLine } from '@turf/turf';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface Session {
  readonly browser: Browser;
  readonly server: WebServer;
  readonly page: Page;
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Serves the built renderer and opens it in a fresh Chromium profile (so IndexedDB starts empty). */
/** Sample credentials (shared/accounts/sample.ts) of each role. */
export const SAMPLE_LOGINS = {
  operator: { username: 'zhiban', password: 'zhiban2026' },
  leader: { username: 'daiban', password: 'daiban2026' },
  viewer: { username: 'wall', password: 'wall2026' },
} as const;

/** The text input of an Element Plus field by test id (the id lands on the input or its wrapper). */
export function inputOf(page: Page, testId: string): Locator {
  return page
    .locator(
      `input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input, [data-testid="${testId}"] textarea`,
    )
    .first();
}

/**
 * Picks `label` in an Element Plus select. The option is looked up in the listbox this select controls
 * (its input's `aria-controls`), not among every dropdown on the page: a dropdown that is still closing
 * from the previous pick holds the same officer names and, on a loaded machine, is still visible.
 */
export async function choose(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const listbox = await select.locator('input').first().getAttribute('aria-controls');
  if (listbox === null) throw new Error(`the select for “${label}” names no listbox`);
  await page.locator(`[id="${listbox}"] .el-select-dropdown__item`, { hasText: label }).first().click();
  await select.filter({ hasText: label }).waitFor();
}

/** Fills in the sign-in screen and waits until the workstation (or, opened with `?view=wall`, the wall) is open. */
export async function signIn(page: Page, role: keyof typeof SAMPLE_LOGINS = 'operator'): Promise<void> {
  const login = SAMPLE_LOGINS[role];
  await inputOf(page, 'sign-in-username').fill(login.username);
  await inputOf(page, 'sign-in-password').fill(login.password);
  await page.getByTestId('sign-in-submit').click();
  await page
    .locator('[data-testid="signed-in-account"], [data-testid="wall"]')
    .first()
    .waitFor({ timeout: 60_000 });
}

/** Opens the app in a fresh browser profile and (unless `signIn: false`) signs in as the operator. */
export async function openApp(
  options: {
    width?: number;
    height?: number;
    locale?: string;
    /** The browser's own time zone (IANA), e.g. 'UTC' for a PC not set to China time; default the host's. */
    timezoneId?: string;
    signIn?: false | keyof typeof SAMPLE_LOGINS;
    /** Appended to the server's address, e.g. `?view=wall`. */
    path?: string;
    /** A folder of PMTiles/MBTiles files the web server offers (`npm run web -- --basemap-dir`). */
    basemapDir?: string;
  } = {},
): Promise<Session> {
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await startWebServer({
    root: DIST,
    ...(options.basemapDir === undefined ? {} : { basemapDir: options.basemapDir }),
  });
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1600, height: options.height ?? 1000 },
    locale: options.locale ?? 'zh-CN',
    ...(options.timezoneId === undefined ? {} : { timezoneId: options.timezoneId }),
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.url + (options.path ?? ''));
  if (options.signIn !== false) {
    await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await signIn(page, options.signIn ?? 'operator');
  }
  return {
    browser,
    server,
    page,
    consoleErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface RenderedCounts {
  grids: number;
  patrolAreas: number;
  officers: number;
  cases: number;
  overdueCases: number;
}

interface ProbeWindow {
  __griddeskMap?: {
    idle(): Promise<void>;
    counts(): RenderedCounts;
    zoom(): number;
    clusters(): { lonLat: [number, number]; count: number }[];
    officers(): { id: string; lonLat: [number, number]; display: string }[];
    playback(): RenderedPlayback;
    centre(): [number, number];
    basemapFeatures(): Record<string, number>;
    project(p: readonly [number, number]): { x: number; y: number };
    canvasRect(): { left: number; top: number; width: number; height: number };
  };
}

/** Waits until the map has its data and MapLibre reports `idle` (everything rendered). */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as unknown as ProbeWindow).__griddeskMap !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(() => (globalThis as unknown as ProbeWindow).__griddeskMap?.idle());
}

export async function renderedCounts(page: Page): Promise<RenderedCounts> {
  await mapIdle(page);
  const counts = await page.evaluate(() => (globalThis as unknown as ProbeWindow).__griddeskMap?.counts());
  if (!counts) throw new Error('map probe missing');
  return counts;
}

/** The map's zoom and the case clusters it draws now (where and how many cases each holds). */
export async function renderedClusters(
  page: Page,
): Promise<{ zoom: number; clusters: { lonLat: [number, number]; count: number }[] }> {
  await mapIdle(page);
  const read = await page.evaluate(() => {
    const probe = (globalThis as unknown as ProbeWindow).__griddeskMap;
    return probe ? { zoom: probe.zoom(), clusters: probe.clusters() } : null;
  });
  if (!read) throw new Error('map probe missing');
  return read;
}

/** The officers' badges the map draws now: whose, where, and which unit-status badge (`idle`, `offline`…). */
export async function renderedOfficers(
  page: Page,
): Promise<{ id: string; lonLat: [number, number]; display: string }[]> {
  await mapIdle(page);
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__griddeskMap?.officers() ?? []);
}

/** What a track playback draws (renderer/map/probe.ts): track lines, time ticks, their labels, markers. */
export interface RenderedPlayback {
  tracks: string[];
  ticks: { officerId: string; at: number; label: string }[];
  labels: string[];
  markers: { officerId: string; lonLat: [number, number] }[];
}

/** The track playback as the map draws it now, once it has rendered. */
export async function renderedPlayback(page: Page): Promise<RenderedPlayback> {
  await mapIdle(page);
  const drawn = await page.evaluate(() => (globalThis as unknown as ProbeWindow).__griddeskMap?.playback());
  if (!drawn) throw new Error('map probe missing');
  return drawn;
}

/**
 * The replayed markers drawn in the current frame, without waiting for the map to be idle (while a
 * replay plays it never is).
 */
export async function playbackMarkersNow(page: Page): Promise<RenderedPlayback['markers']> {
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__griddeskMap?.playback().markers ?? []);
}

/** The centre of the map's view now (stored WGS84 lon/lat). */
export async function mapCentre(page: Page): Promise<[number, number]> {
  await mapIdle(page);
  return page.evaluate(() => {
    const probe = (globalThis as unknown as ProbeWindow).__griddeskMap;
    if (!probe) throw new Error('map probe missing');
    return probe.centre();
  });
}

/** How many features of each source layer a vector basemap draws now. */
export async function renderedBasemapFeatures(page: Page): Promise<Record<string, number>> {
  await mapIdle(page);
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__griddeskMap?.basemapFeatures() ?? {});
}

/** Clicks the map at a lon/lat, as a user's mouse would. */
export async function clickMapAt(page: Page, lonLat: readonly [number, number]): Promise<void> {
  const point = await page.evaluate(
    (p) => {
      const probe = (globalThis as unknown as ProbeWindow).__griddeskMap;
      if (!probe) throw new Error('map probe missing');
      const px = probe.project(p);
      const rect = probe.canvasRect();
      return { x: rect.left + px.x, y: rect.top + px.y };
    },
    lonLat as [number, number],
  );
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
}

export async function toggleLayer(page: Page, group: string): Promise<void> {
  await page.getByTestId(`layer-toggle-${group}`).click();
}

/** Waits until every dialog's fade-in has ended, so a screenshot shows it as the operator reads it. */
export async function dialogSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    interface Animated {
      getAnimations(options: { subtree: boolean }): unknown[];
    }
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<Animated> } })
      .document;
    return [...doc.querySelectorAll('.el-overlay-dialog, .el-overlay')].every(
      (e) => e.getAnimations({ subtree: true }).length === 0,
    );
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/**
 * The IndexedDB database of the centre the app has open, as its registry (griddesk-centres) says: the
 * sample centre starts in `griddesk`, and each reset to the sample moves it to a new database.
 */
export async function appDbName(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        interface Request<R> {
          result: R;
          error: unknown;
          onsuccess: (() => void) | null;
          onerror: (() => void) | null;
        }
        interface Store {
          get(key: string): Request<{ value?: string; dbName?: string } | undefined>;
        }
        interface Db {
          transaction(names: string[], mode: string): { objectStore(name: string): Store };
          close(): void;
        }
        const idb = (globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } }).indexedDB;
        const open = idb.open('griddesk-centres');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction(['state', 'centres'], 'readonly');
          const current = tx.objectStore('state').get('current');
          current.onerror = () => reject(new Error(String(current.error)));
          current.onsuccess = () => {
            const centre = tx.objectStore('centres').get(current.result?.value ?? '');
            centre.onsuccess = () => {
              open.result.close();
              const name = centre.result?.dbName;
              if (name === undefined) reject(new Error('no open centre in griddesk-centres'));
              else resolve(name);
            };
            centre.onerror = () => reject(new Error(String(centre.error)));
          };
        };
      }),
  );
}

/** Every record of one object store of the app's IndexedDB, as stored right now. */
export async function storedRecords<T>(page: Page, store: string): Promise<T[]> {
  const dbName = await appDbName(page);
  return page.evaluate(
    ({ name, dbName }) =>
      new Promise<T[]>((resolve, reject) => {
        interface Request<R> {
          result: R;
          error: unknown;
          onsuccess: (() => void) | null;
          onerror: (() => void) | null;
        }
        interface Db {
          transaction(name: string, mode: string): { objectStore(name: string): { getAll(): Request<T[]> } };
          close(): void;
        }
        const idb = (globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } }).indexedDB;
        const open = idb.open(dbName);
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const all = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
    { name: store, dbName },
  );
}

/** The officers as stored in the app's IndexedDB right now (positions move with the position feed). */
export async function storedOfficers(page: Page): Promise<Officer[]> {
  return (await storedRecords<Officer>(page, 'officers')).sort((a, b) => a.id.localeCompare(b.id));
}

/** A grid and a point well inside it (over 200 m from its edge), so a click cannot land next door. */
export function gridWithInteriorPoint(
  township: Pick<TownshipDataset, 'grids'>,
  from: number,
): { grid: Grid; p: [number, number] } {
  for (let i = 0; i < township.grids.length; i += 1) {
    const grid = township.grids[(from + i) % township.grids.length]!;
    const shape = asGeoJson(grid.geometry);
    if (shape.type !== 'Polygon') continue;
    const c = centroid(shape);
    const edge = polygonToLine(shape);
    const lines = edge.type === 'Feature' ? [edge] : edge.features;
    const clear = lines.every(
      (line) =>
        line.geometry.type === 'LineString' &&
        pointToLineDistance(c, line.geometry, { units: 'meters' }) > 200,
    );
    if (booleanPointInPolygon(c, shape) && clear)
      return { grid, p: c.geometry.coordinates as [number, number] };
  }
  throw new Error('no grid with a clear interior point');
}

/** Types a matter name into the focused matter field and picks the first match with Enter. */
/** Whether the keyboard focus is inside the element with this test id. */
export async function hasFocusIn(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const doc = (
      globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
    ).document;
    return doc.activeElement?.closest(`[data-testid="${id}"]`) != null;
  }, testId);
}

export async function pickMatter(page: Page, name: string): Promise<void> {
  await page.keyboard.type(name);
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The new centre the set-up tests create: the sample township's files brought in as 澄湖镇's own. */
export const CHENGHU_CENTRE = {
  name: '澄湖镇综合行政执法指挥中心',
  townshipName: '澄湖镇',
  divisionCode: '321281118',
  username: 'chenggang',
  displayName: '陈刚',
  password: 'Chenghu-2026-lead',
} as const;

/**
 * From the sign-in card: 切换或新建中心 → 新建中心 with `form`, then signs in as its first shift leader
 * and waits for the set-up screen of the empty centre.
 */
export async function openNewCentre(page: Page, form: typeof CHENGHU_CENTRE): Promise<void> {
  await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
  await page.getByTestId('sign-in-centres').click();
  await page.getByTestId('centre-new').click();
  for (const [field, value] of Object.entries(form)) await inputOf(page, `centre-field-${field}`).fill(value);
  await page.getByTestId('centre-create').click();
  await page.getByTestId('sign-in-centre').filter({ hasText: form.name }).waitFor({ timeout: 60_000 });
  await inputOf(page, 'sign-in-username').fill(form.username);
  await inputOf(page, 'sign-in-password').fill(form.password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('centre-setup').waitFor({ timeout: 30_000 });
}
