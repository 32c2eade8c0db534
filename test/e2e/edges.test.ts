/**
 * The rough edges of a working day at the narrowest supported window (1366×768): nothing behind the
 * sign-in card works before signing in, 退出登录 is readable on the blue bar, and in English no label
 * is clipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, openApp, screenshot, signIn, type Session } from './driver';
import { coloursIn, contrastRatio, parseColour } from './contrast';

/** A computed style property of the first element matching `selector`. */
async function computed(
  page: Page,
  selector: string,
  property: 'color' | 'backgroundImage',
): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate(
      (e, p) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(
          e,
        )[p] ?? '',
      property,
    );
}

/**
 * Text clipped inside `root`: every element with text of its own whose box sticks out of an ancestor
 * that hides or scrolls its overflow (or out of the window), or whose own text overflows it; in a
 * `bar` also text that spills out of the bar's height.
 */
async function clippedTexts(page: Page, root: string, bar = false): Promise<string[]> {
  return page.evaluate(
    ([selector, isBar]) => {
      interface El {
        childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
        textContent: string | null;
        parentElement: El | null;
        scrollWidth: number;
        clientWidth: number;
        getBoundingClientRect(): {
          left: number;
          right: number;
          top: number;
          bottom: number;
          width: number;
          height: number;
        };
        closest(s: string): El | null;
      }
      const g = globalThis as unknown as {
        document: { querySelectorAll(s: string): ArrayLike<El> };
        getComputedStyle(e: El): { overflowX: string; overflowY: string; visibility: string };
        innerWidth: number;
      };
      const out: string[] = [];
      for (const base of Array.from(g.document.querySelectorAll(selector))) {
        // A bar of fixed height (the top bar, the status bar) must hold its text, not let it spill out.
        const bar = isBar ? base.getBoundingClientRect() : null;
        const all = [
          base,
          ...Array.from(
            (base as unknown as { querySelectorAll(s: string): ArrayLike<El> }).querySelectorAll('*'),
          ),
        ];
        for (const el of all) {
          const own = Array.from(el.childNodes).some(
            (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
          );
          if (!own) continue;
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0 || g.getComputedStyle(el).visibility === 'hidden') continue;
          const text = (el.textContent ?? '').trim().slice(0, 40);
          const style = g.getComputedStyle(el);
          if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
            out.push(`${text} (own text overflows: ${el.scrollWidth} > ${el.clientWidth})`);
            continue;
          }
          if (box.right > g.innerWidth + 1) {
            out.push(`${text} (past the window's right edge)`);
            continue;
          }
          if (bar && (box.top < bar.top - 1 || box.bottom > bar.bottom + 1)) {
            out.push(`${text} (spills out of its bar)`);
            continue;
          }
          for (let a = el.parentElement; a; a = a.parentElement) {
            if (g.getComputedStyle(a).overflowX === 'visible') continue;
            const clip = a.getBoundingClientRect();
            if (box.right > clip.right + 1 || box.left < clip.left - 1) {
              out.push(`${text} (cut by its container)`);
            }
            break;
          }
        }
      }
      return out;
    },
    [root, bar] as const,
  );
}

describe('the workstation at 1366×768', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ width: 1366, height: 768, signIn: false });
    await s.page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lets nothing behind the sign-in card be used before signing in', async () => {
    const { page } = s;
    // The top bar offers no tools, the shell behind the card takes no clicks or focus, keys do nothing.
    expect(await page.getByTestId('placement-start').count()).toBe(0);
    expect(await page.getByTestId('tools-button').count()).toBe(0);
    expect(await page.getByTestId('map-area').getAttribute('inert')).not.toBeNull();
    expect(await page.getByTestId('case-queue').getAttribute('inert')).not.toBeNull();
    const layerPanel = await page.getByTestId('layer-panel').count();
    // Keys typed into the sign-in form are the form's: press them with the focus on the page itself.
    await page.evaluate(() =>
      (
        globalThis as unknown as { document: { activeElement: { blur(): void } | null } }
      ).document.activeElement?.blur(),
    );
    await page.keyboard.press('p');
    await page.keyboard.press('l');
    expect(await page.getByTestId('placement-panel').count()).toBe(0);
    expect(await page.getByTestId('layer-panel').count()).toBe(layerPanel);
    await screenshot(page, 'sign-in-1366');

    await signIn(page);
    await page.getByTestId('placement-start').waitFor();
    await mapIdle(page);
    await screenshot(page, 'workstation-zh-1366');
    expect(await clippedTexts(page, '.top-bar', true)).toEqual([]);
    expect(await page.getByTestId('map-area').getAttribute('inert')).toBeNull();
    await page.keyboard.press('p');
    await page.getByTestId('placement-panel').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('placement-panel').count()).toBe(0);
  });

  it('shows 退出登录 at WCAG AA contrast against both ends of the top bar', async () => {
    const { page } = s;
    const colour = parseColour(await computed(page, '[data-testid="sign-out"]', 'color'));
    const bar = await computed(page, '.top-bar', 'backgroundImage');
    const stops = coloursIn(bar);
    expect(stops.length).toBeGreaterThanOrEqual(2);
    for (const stop of stops) expect(contrastRatio(colour, stop)).toBeGreaterThanOrEqual(4.5);
  });

  it('clips no English label in the top bar, the queue, the layer panel, the locate panel or the indicators', async () => {
    const { page } = s;
    await page.getByTestId('language-select').click();
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('layer-panel').textContent()).toContain('Layers');
    await mapIdle(page);
    await screenshot(page, 'workstation-en-1366');
    expect(await clippedTexts(page, '.top-bar', true)).toEqual([]);
    expect(await clippedTexts(page, '[data-testid="case-queue"]')).toEqual([]);
    expect(await clippedTexts(page, '[data-testid="layer-panel"]')).toEqual([]);
    expect(await clippedTexts(page, '[data-testid="status-bar"]', true)).toEqual([]);

    await page.getByTestId('placement-start').click();
    await page.getByTestId('placement-panel').waitFor();
    await screenshot(page, 'placement-en-1366');
    expect(await clippedTexts(page, '[data-testid="placement-panel"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('placement-panel').count()).toBe(0);

    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-indicators').click();
    await page.getByTestId('indicators-table').waitFor({ timeout: 30_000 });
    await screenshot(page, 'indicators-en-1366');
    expect(await clippedTexts(page, '[data-testid="indicators-dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('indicators-dialog').waitFor({ state: 'detached' });
    expect(s.consoleErrors).toEqual([]);
  });
});
