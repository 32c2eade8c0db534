/**
 * The display wall (指挥大屏): opened from the workstation, signed in with the read-only wall account,
 * showing the township's figures from the local database, and following a case the operator registers
 * in the workstation window.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TownshipDataset } from '../../shared/model/dataset';
import type { Case } from '../../shared/model/case';
import { isOpenStage } from '../../shared/model/case';
import {
  clickMapAt,
  gridWithInteriorPoint,
  hasFocusIn,
  mapIdle,
  openApp,
  pickMatter,
  renderedCounts,
  screenshot,
  signIn,
  storedOfficers,
  storedRecords,
  type Session,
} from './driver';

const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;

/** What the keys test installs on the wall's page (the e2e code has no DOM types). */
interface KeyProbeWindow {
  __keysTaken: [string, boolean][];
  __fullScreenEvents: number;
  addEventListener(
    type: 'keydown',
    listener: (e: { key: string; defaultPrevented: boolean }) => void,
    options: { capture: boolean },
  ): void;
  document: {
    activeElement: { blur?: () => void } | null;
    fullscreenElement: unknown;
    exitFullscreen(): Promise<void>;
    addEventListener(type: string, listener: () => void): void;
  };
}

async function kpi(page: Page, key: string): Promise<number> {
  return Number((await page.getByTestId(`wall-kpi-${key}`).locator('.value').textContent())?.trim());
}

describe('the display wall', () => {
  let s: Session;
  let desk: Page;
  beforeAll(async () => {
    // The workstation first (it seeds the sample), then the wall beside it in the same browser profile.
    s = await openApp({ width: 1920, height: 1080 });
    desk = s.page;
    await mapIdle(desk);
  });
  afterAll(async () => {
    await s?.close();
  });

  let wall: Page;
  it('opens from the workstation in its own window, which asks for the wall account', async () => {
    const [popup] = await Promise.all([
      desk.context().waitForEvent('page'),
      desk.getByTestId('open-wall').click(),
    ]);
    wall = popup;
    await wall.setViewportSize({ width: 1920, height: 1080 });
    expect(new URL(wall.url()).searchParams.get('view')).toBe('wall');
    await wall.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await screenshot(wall, 'wall-sign-in');
    await signIn(wall, 'viewer');
    await wall.getByTestId('wall').waitFor();
    await expect.poll(() => wall.getByTestId('wall-title').textContent()).toContain(township.township.name);
    // No workstation chrome on the wall.
    expect(await wall.getByTestId('signed-in-account').count()).toBe(0);
    expect(await wall.getByTestId('case-queue').count()).toBe(0);
  });

  it('shows the open cases, by stage, as stored on this PC, and draws the map dark', async () => {
    await mapIdle(wall);
    const stored = await storedRecords<Case>(wall, 'cases');
    const open = stored.filter((c) => isOpenStage(c.stage));
    expect(open.length).toBeGreaterThan(0);
    await expect.poll(() => kpi(wall, 'openCases')).toBe(open.length);
    const handling = open.filter((c) => c.stage === 'handling').length;
    expect(Number(await wall.getByTestId('wall-stage-handling').locator('.count').textContent())).toBe(
      handling,
    );
    // Every team has a row with its officers on duty, certified ones in brackets, as stored.
    expect(await wall.getByTestId('wall-teams').locator('tbody tr').count()).toBe(township.teams.length);
    const officers = await storedOfficers(wall);
    for (const team of township.teams) {
      const onDuty = officers.filter((o) => o.teamId === team.id && o.status !== 'off-duty');
      const certified = onDuty.filter((o) => o.kind === 'certified').length;
      await expect
        .poll(() => wall.getByTestId(`wall-team-${team.id}`).getByTestId('wall-team-on-duty').textContent())
        .toContain(`${onDuty.length}（在编${certified}）`);
    }
    // Every overdue case is ringed in red on the map (on its own or inside a red-outlined cluster).
    const overdue = await kpi(wall, 'overdue');
    expect(overdue).toBeGreaterThan(0);
    await expect.poll(async () => (await renderedCounts(wall)).overdueCases).toBe(overdue);
    // The 30-day closure rate is a percentage, not a dash: the sample has closed cases in the window.
    expect(await wall.getByTestId('wall-rate-closureRate').locator('.value').textContent()).toMatch(
      /^\d+\.\d%$/,
    );
    // The map background is the dark theme's, read from a corner pixel of the canvas.
    const corner = await wall.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
      const canvas = doc.querySelector('[data-testid="wall"] canvas') as {
        getContext(
          k: string,
        ): { readPixels(...a: unknown[]): void; RGBA: number; UNSIGNED_BYTE: number } | null;
        height: number;
      };
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      if (!gl) return null;
      const px = new Uint8Array(4);
      gl.readPixels(1, canvas.height - 2, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return Array.from(px);
    });
    expect(corner).not.toBeNull();
    expect(Math.max(...corner!.slice(0, 3))).toBeLessThan(60);
    await screenshot(wall, 'wall');
  });

  it('follows a case the operator registers in the workstation window', async () => {
    const openBefore = await kpi(wall, 'openCases');
    const todayBefore = await kpi(wall, 'reportedToday');
    const { grid, p } = gridWithInteriorPoint(township, 5);
    const matter = township.matters.find((m) => m.authority.kind === 'township' && !m.needsCertified)!;

    await desk.bringToFront();
    await desk.keyboard.press('p');
    await clickMapAt(desk, p);
    await expect.poll(() => desk.getByTestId('placement-grid').textContent()).toBe(grid.code);
    await expect.poll(() => hasFocusIn(desk, 'placement-matter')).toBe(true);
    await pickMatter(desk, matter.name);
    await expect.poll(() => desk.getByTestId('intake-target').textContent()).toContain('派遣给');
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('大屏联动测试：店外占道经营');
    await desk.keyboard.press('Control+Enter');
    await desk.locator('.el-message--success').waitFor();

    await expect.poll(() => kpi(wall, 'openCases'), { timeout: 20_000 }).toBe(openBefore + 1);
    expect(await kpi(wall, 'reportedToday')).toBe(todayBefore + 1);
    const first = wall.getByTestId('wall-latest').locator('li').first();
    expect(await first.textContent()).toContain(matter.name);
    expect(await first.textContent()).toContain(grid.code);
    await screenshot(wall, 'wall-after-intake');
  });

  it('does not act on the workstation keys, while its own full-screen key works', async () => {
    await wall.bringToFront();
    // Records, once each key press has been dispatched, whether a handler took it (preventDefault, as the
    // command registry's key handler does for every key it runs a command for), and full-screen events.
    await wall.evaluate(() => {
      const w = globalThis as unknown as KeyProbeWindow;
      w.__keysTaken = [];
      w.__fullScreenEvents = 0;
      const record = (e: { key: string; defaultPrevented: boolean }): unknown =>
        setTimeout(() => w.__keysTaken.push([e.key, e.defaultPrevented]));
      w.addEventListener('keydown', record, { capture: true });
      for (const type of ['fullscreenchange', 'fullscreenerror'])
        w.document.addEventListener(type, () => (w.__fullScreenEvents += 1));
      w.document.activeElement?.blur?.();
    });
    const opened: Page[] = [];
    const onPage = (page: Page): number => opened.push(page);
    wall.context().on('page', onPage);
    // On the workstation: P places an incident, Q focuses the case queue, L the layer panel, Home fits the
    // township, F9 opens the wall. F11 (full screen) is the one command the wall keeps: the control that
    // shows the probe does see a key taken.
    const workstationKeys = ['p', 'q', 'l', 'Home', 'F9'];
    for (const key of [...workstationKeys, 'F11']) await wall.keyboard.press(key);
    // Null when the page was replaced (F9 run on the wall reloads it: window.open of its own name).
    const taken = (): Promise<[string, boolean][] | null> =>
      wall.evaluate(() => (globalThis as unknown as Partial<KeyProbeWindow>).__keysTaken ?? null);
    await expect
      .poll(async () => (await taken())?.length ?? 'the wall page was reloaded')
      .toBe(workstationKeys.length + 1);
    expect(await taken()).toEqual([...workstationKeys.map((key) => [key, false]), ['F11', true]]);
    wall.context().off('page', onPage);
    expect(opened).toEqual([]);
    // Leave full screen again once Chromium has answered the F11 request either way.
    await wall.waitForFunction(() => (globalThis as unknown as KeyProbeWindow).__fullScreenEvents > 0);
    await wall.evaluate(async () => {
      const doc = (globalThis as unknown as KeyProbeWindow).document;
      if (doc.fullscreenElement !== null) await doc.exitFullscreen();
    });
  });
});
