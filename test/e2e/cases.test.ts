/**
 * The case queue and case detail: an operator finds the registered case from the keyboard, opens it,
 * dispatches it with the recommended officers and adds a note with a photo; the display wall sees the
 * same case without any action button.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared/model/case';
import { clickMapAt, inputOf, mapIdle, openApp, renderedClusters, screenshot, type Session } from './driver';

const sample = JSON.parse(
  await readFile(new URL('../../resources/sample/cases.json', import.meta.url), 'utf8'),
) as Case[];
const registered = sample.filter((c) => c.stage === 'registered');

describe('the case queue and case detail, as the operator', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says 超时 once on an overdue row, with how long', async () => {
    const { page } = s;
    await page.getByTestId('queue-row').first().waitFor();
    const overdue = await page.locator('[data-testid="queue-clock"].clock-overdue').allTextContents();
    expect(overdue.length).toBeGreaterThan(0);
    for (const text of overdue) expect(text.trim()).toMatch(/^超时 \d+(分钟|小时\d+分|天\d+小时)$/);
    for (const text of await page.getByTestId('queue-clock').allTextContents()) {
      expect(text.match(/超时/g)?.length ?? 0, text).toBeLessThanOrEqual(1);
    }
  });

  it('focuses the queue with Q and filters it to the registered cases, as many as the chip counts', async () => {
    const { page } = s;
    await page.keyboard.press('q');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('data-testid'),
        ),
      )
      .toBe('queue-list');
    const chip = page.getByTestId('queue-stage-registered');
    const chipCount = Number(await chip.getByTestId('queue-stage-count').textContent());
    expect(chipCount).toBe(registered.length);
    await chip.click();
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(chipCount);
    for (const stage of await page.getByTestId('queue-stage').allTextContents()) expect(stage).toBe('立案');
  });

  it('selects the first case with the arrow key, shows its next actions with their keys, and opens it with Enter', async () => {
    const { page } = s;
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('ArrowDown');
    const first = page.getByTestId('queue-row').first();
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    const caseNo = (await first.getByTestId('queue-case-no').textContent())?.trim();
    expect(registered.map((c) => c.caseNo)).toContain(caseNo);
    await expect.poll(() => first.getByTestId('queue-action-dispatch').textContent()).toContain('D');
    // The map has flown to the case and rings it.
    await page.locator('.case-focus-ring').waitFor();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    expect(await page.getByTestId('case-detail-no').textContent()).toBe(caseNo);
    expect(await page.getByTestId('case-detail-stage').textContent()).toBe('立案');
    await mapIdle(page);
    await screenshot(page, 'queue');
  });

  it('dispatches the case through the dialog with the recommended officers preselected', async () => {
    const { page } = s;
    // Focus is still in the queue: D opens the dispatch dialog of the selected case.
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('dispatch-recommendations').waitFor();
    const chosen = dialog.locator('[data-testid="dispatch-officers"] .el-tag');
    await expect.poll(() => chosen.count()).toBeGreaterThan(0);
    await screenshot(page, 'dispatch-dialog');
    const names = (await chosen.allTextContents()).map((n) => n.split(' · ')[0]?.trim() ?? '');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('case-detail-stage').textContent()).toBe('派遣');
    await expect.poll(() => page.getByTestId('timeline-action').first().textContent()).toBe('派遣');
    const officers = await page.getByTestId('case-detail-officers').textContent();
    for (const name of names) expect(officers).toContain(name);
    // Dispatched and not yet acknowledged: flagged 待签收.
    await expect
      .poll(() => page.getByTestId('case-detail').getByTestId('flag-unacknowledged').count())
      .toBe(1);
  });

  it('adds a note with a photo to the record and shows its thumbnail in the timeline', async () => {
    const { page } = s;
    await page.getByTestId('case-action-note').click();
    const dialog = page.getByRole('dialog');
    await inputOf(page, 'action-note').fill('现场已拍照，商户承诺今日整改');
    // A real PNG made by Chromium itself: a screenshot of part of the map.
    const photo = await page.screenshot({ clip: { x: 600, y: 300, width: 320, height: 240 } });
    await dialog.getByTestId('action-files').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('timeline-action').first().textContent()).toBe('备注');
    const item = page.getByTestId('timeline-item').first();
    expect(await item.textContent()).toContain('现场已拍照，商户承诺今日整改');
    await item.getByTestId('timeline-thumbnail').waitFor();
    expect(
      await item
        .getByTestId('timeline-thumbnail')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await mapIdle(page);
    await screenshot(page, 'case-detail');
    expect(s.consoleErrors).toEqual([]);
  });

  it('zooms into a case cluster it is clicked on, until the cluster breaks up', async () => {
    const { page } = s;
    if ((await page.getByTestId('case-detail').count()) > 0) {
      await page.getByTestId('case-detail').getByRole('button', { name: '关闭' }).first().click();
      await page.getByTestId('case-detail').waitFor({ state: 'detached' });
    }
    await page.evaluate(() =>
      (
        globalThis as unknown as { document: { activeElement: { blur(): void } | null } }
      ).document.activeElement?.blur(),
    );
    await page.keyboard.press('Home'); // the whole township, where the cases cluster
    const before = await renderedClusters(page);
    /** Whether the map canvas itself is under a point of the map (no panel covers it). */
    const clear = async (lonLat: [number, number]) =>
      page.evaluate((p) => {
        const g = globalThis as unknown as {
          __griddeskMap: {
            project(p: [number, number]): { x: number; y: number };
            canvasRect(): { left: number; top: number };
          };
          document: { elementFromPoint(x: number, y: number): { tagName: string } | null };
        };
        const px = g.__griddeskMap.project(p);
        const rect = g.__griddeskMap.canvasRect();
        return g.document.elementFromPoint(rect.left + px.x, rect.top + px.y)?.tagName === 'CANVAS';
      }, lonLat);
    const candidates = [...before.clusters].sort((a, b) => b.count - a.count);
    let target: (typeof candidates)[number] | undefined;
    for (const c of candidates)
      if (await clear(c.lonLat)) {
        target = c;
        break;
      }
    expect(target).toBeDefined();
    await clickMapAt(page, target!.lonLat);
    await expect.poll(async () => (await renderedClusters(page)).zoom).toBeGreaterThan(before.zoom);
    const after = await renderedClusters(page);
    // No cluster holds as many cases as the one clicked: it broke up into smaller ones or single cases.
    expect(Math.max(0, ...after.clusters.map((c) => c.count))).toBeLessThan(target!.count);
    await screenshot(page, 'cluster-zoomed');
  });
});

describe('the case detail on the display wall (viewer)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ signIn: 'viewer' });
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens a case read-only: no action buttons in the queue or the detail, and letter keys do nothing', async () => {
    const { page } = s;
    await page.keyboard.press('q');
    await page.getByTestId('queue-stage-registered').click();
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('case-detail-readonly').waitFor();
    expect(await page.getByTestId('case-detail-actions').count()).toBe(0);
    expect(await page.getByTestId('queue-actions').count()).toBe(0);
    await page.keyboard.press('d');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
