/**
 * The whole closed loop through the UI: a hotline case is created on the map and dispatched, then
 * acknowledged, handled, reported back, verified, closed, followed up and evaluated from the case
 * detail with its action keys; finally the record is verified and holds every step.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TownshipDataset } from '../../shared/model/dataset';
import {
  clickMapAt,
  gridWithInteriorPoint,
  inputOf,
  mapIdle,
  openApp,
  screenshot,
  pickMatter,
  type Session,
} from './driver';

const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;

describe('the closed loop from report to evaluation', () => {
  let s: Session;
  let caseNo = '';
  beforeAll(async () => {
    s = await openApp();
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('creates a hotline case on the map and dispatches it', async () => {
    const { p } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 3));
    const matter = township.matters.find((m) => m.authority.kind === 'township' && !m.needsCertified)!;
    await s.page.keyboard.press('p');
    await clickMapAt(s.page, p);
    await s.page.getByTestId('placement-grid').waitFor();
    await pickMatter(s.page, matter.name);
    await s.page.getByTestId('intake-target').waitFor();
    await inputOf(s.page, 'intake-description').fill('来电反映：沿街商户占道经营');
    await s.page.getByTestId('intake-dispatch').click();
    const message = (await s.page.locator('.el-message--success').first().textContent()) ?? '';
    caseNo = /(\d{4}-\d{6})/.exec(message)?.[1] ?? '';
    expect(caseNo).not.toBe('');
  });

  it('takes the case through every stage from its detail, one action key at a time', async () => {
    const { page } = s;
    await page.keyboard.press('q');
    await inputOf(page, 'queue-search').fill(caseNo);
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(1);
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('case-detail-no').textContent()).toBe(caseNo);
    const stage = () => page.getByTestId('case-detail-stage').textContent();
    expect(await stage()).toBe('派遣');

    const steps: [key: string, type: string, stageAfter: string, action: string][] = [
      ['a', 'acknowledge', '派遣', '签收'],
      ['h', 'startHandling', '处置', '开始处置'],
      ['f', 'submitFeedback', '反馈', '处置反馈'],
      ['v', 'verifyPass', '核查', '核查通过'],
      ['c', 'close', '结案', '结案'],
      ['u', 'recordFollowUp', '结案', '回访'],
    ];
    // Each key only once its action is offered (the detail follows the record a moment after a write),
    // and with time for the write to land on a loaded machine.
    const settled = { timeout: 10_000 };
    for (const [key, type, after, action] of steps) {
      await page.getByTestId(`case-action-${type}`).waitFor();
      await page.getByTestId('queue-list').focus();
      await page.keyboard.press(key);
      await expect
        .poll(() => page.getByTestId('timeline-action').first().textContent(), settled)
        .toBe(action);
      await expect.poll(stage, settled).toBe(after);
    }
    // 评价 asks for the reporter's satisfaction.
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-satisfaction').locator('.el-rate__item').nth(3).click();
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(stage).toBe('评价');
    const actions = await page.getByTestId('timeline-action').allTextContents();
    expect(actions.reverse()).toEqual([
      '上报',
      '立案',
      '派遣',
      '签收',
      '开始处置',
      '处置反馈',
      '核查通过',
      '结案',
      '回访',
      '评价',
    ]);
    await screenshot(page, 'loop-evaluated');
  });

  it('verifies the record with every step of it', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-record').click();
    await page.getByTestId('record-start').click();
    const count = Number(await page.getByTestId('record-head-count').textContent());
    await expect
      .poll(() => page.getByTestId('record-outcome').textContent(), { timeout: 60_000 })
      .toBe(`记录完整：共 ${count} 条，均未被改动`);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('a major case', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is registered as major by the centre’s policy (特急) and cannot be dispatched before approval', async () => {
    const { page } = s;
    const { p } = gridWithInteriorPoint(township, Math.floor((township.grids.length * 2) / 3));
    const matter = township.matters.find((m) => m.authority.kind === 'township' && !m.needsCertified)!;
    await page.keyboard.press('p');
    await clickMapAt(page, p);
    await page.getByTestId('placement-grid').waitFor();
    await pickMatter(page, matter.name);
    await inputOf(page, 'intake-description').fill('特急：燃气管道附近违规施工');
    await page.getByTestId('intake-urgency').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '特急' }).click();
    // Only reported here; registering happens from the case detail.
    await page.getByTestId('intake-report').click();
    const message = (await page.locator('.el-message--success').first().textContent()) ?? '';
    const caseNo = /(\d{4}-\d{6})/.exec(message)?.[1] ?? '';
    await page.keyboard.press('q');
    await inputOf(page, 'queue-search').fill(caseNo);
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(1);
    await page.getByTestId('queue-list').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('case-detail-no').textContent()).toBe(caseNo);
    await page.getByTestId('case-action-register').click();
    await expect.poll(() => page.getByTestId('case-detail-stage').textContent()).toBe('立案');
    await page.getByTestId('case-detail').getByTestId('flag-major').waitFor();
    // The operator may neither approve nor dispatch it: the buttons are not there.
    expect(await page.getByTestId('case-action-dispatch').count()).toBe(0);
    expect(await page.getByTestId('case-action-approve').count()).toBe(0);
  });
});
