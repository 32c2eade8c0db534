import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { mapIdle, openApp, screenshot, type Session } from './driver';

/**
 * What the browser build stands on: the one CSP, the bundled CJK font, persistent storage and the position
 * feed's status. Run it with FONTCONFIG_FILE pointing at a font config without CJK fonts to see the page as a
 * PC without one shows it (test/artifacts/platform-*.png).
 */
describe('the app in a browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('carries the one CSP in its header and its <meta>', async () => {
    const response = await s.page.request.get(s.server.url);
    expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const meta = await s.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('content')));
    expect(meta).toEqual([META_CONTENT_SECURITY_POLICY]);
  });

  it('ships its CJK font: the files load from the app and draw distinct Chinese glyphs', async () => {
    const result = await s.page.evaluate(async () => {
      interface Canvas {
        width: number;
        height: number;
        getContext(kind: '2d'): { font: string; fillText(t: string, x: number, y: number): void } | null;
        toDataURL(): string;
      }
      const doc = (
        globalThis as unknown as {
          document: {
            fonts: { load(font: string, text: string): Promise<unknown[]> };
            createElement(t: 'canvas'): Canvas;
          };
        }
      ).document;
      const loaded = await doc.fonts.load('32px "Noto Sans SC"', '网格指挥台');
      // Draw two characters with the bundled font alone: real glyphs differ, missing-glyph boxes do not.
      const draw = (ch: string): string => {
        const canvas = doc.createElement('canvas');
        canvas.width = 40;
        canvas.height = 40;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.font = '32px "Noto Sans SC"';
        ctx.fillText(ch, 2, 34);
        return canvas.toDataURL();
      };
      return { faces: loaded.length, same: draw('网') === draw('格'), blank: draw('网') === draw(' ') };
    });
    expect(result.faces).toBeGreaterThan(0);
    expect(result.same).toBe(false);
    expect(result.blank).toBe(false);
    await mapIdle(s.page);
    await screenshot(s.page, 'platform-workstation');
  });

  it('names the bundled font in the font stack of every element that shows Chinese, placeholders included', async () => {
    const without = await s.page.evaluate(() => {
      interface El {
        tagName: string;
        textContent: string | null;
        childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
      }
      const g = globalThis as unknown as {
        document: { querySelectorAll(s: string): ArrayLike<El> };
        getComputedStyle(e: El): { fontFamily: string; display: string };
      };
      const out: string[] = [];
      for (const el of Array.from(g.document.querySelectorAll('body *'))) {
        const own = Array.from(el.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent ?? '')
          .join('');
        if (!/[\u4e00-\u9fff]/.test(own)) continue;
        const style = g.getComputedStyle(el);
        if (style.display === 'none') continue;
        if (!style.fontFamily.includes('Noto Sans SC'))
          out.push(`${el.tagName}: ${own.trim()} (${style.fontFamily})`);
      }
      // Placeholders are drawn in the field's own font.
      for (const el of Array.from(g.document.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
        const family = g.getComputedStyle(el).fontFamily;
        if (!family.includes('Noto Sans SC')) out.push(`${el.tagName} placeholder (${family})`);
      }
      return out;
    });
    expect(without).toEqual([]);
  });

  it('says in the status bar whether the browser keeps its data (persistent storage)', async () => {
    const persisted = await s.page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { storage: { persisted(): Promise<boolean> } } }
      ).navigator.storage.persisted(),
    );
    const status = s.page.getByTestId('storage-persistence');
    await expect.poll(() => status.getAttribute('data-persistence')).not.toBe('pending');
    expect(await status.getAttribute('data-persistence')).toBe(persisted ? 'granted' : 'denied');
    expect(await status.textContent()).toContain(persisted ? '存储：持久' : '存储：可能被清理');
  });

  it('shows when the position feed last reported, with nothing refused from the sample simulator', async () => {
    const feed = s.page.getByTestId('position-feed-status');
    await feed.waitFor();
    expect(await feed.textContent()).toMatch(/^定位：\d{1,2}:\d{2}:\d{2}$/);
  });
});
