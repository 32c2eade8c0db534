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
  signIn,
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

  it('takes the case through every stage with the evidence each step requires, by two accounts', async () => {
    const { page } = s;
    const stage = () => page.getByTestId('case-detail-stage').textContent();
    const settled = { timeout: 10_000 };
    const dialog = page.getByRole('dialog');
    const latest = () => page.getByTestId('timeline-action').first().textContent();
    /** Opens the case from the queue's search, as whoever is signed in now. */
    const openCase = async (): Promise<void> => {
      await page.keyboard.press('q');
      await inputOf(page, 'queue-search').fill(caseNo);
      await expect.poll(() => page.getByTestId('queue-row').count()).toBe(1);
      await page.getByTestId('queue-list').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('case-detail-no').textContent()).toBe(caseNo);
    };
    /** Presses an action's key once it is offered (the detail follows the record a moment after a write). */
    const press = async (type: string, key: string): Promise<void> => {
      await page.getByTestId(`case-action-${type}`).waitFor();
      await page.getByTestId('queue-list').focus();
      await page.keyboard.press(key);
    };
    /** Confirms the open dialog and expects it refused with `text`; the dialog stays open. */
    const refusedWith = async (text: string): Promise<void> => {
      await dialog.getByTestId('action-confirm').click();
      await expect
        .poll(() => page.locator('.el-message--error').last().textContent(), settled)
        .toContain(text);
      await expect(dialog.isVisible()).resolves.toBe(true);
    };
    const confirmed = async (action: string, after: string): Promise<void> => {
      await dialog.getByTestId('action-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(latest, settled).toBe(action);
      await expect.poll(stage, settled).toBe(after);
    };
    /** A real PNG made by Chromium itself: part of the map. */
    const photo = async (name: string) => ({
      name,
      mimeType: 'image/png',
      buffer: await page.screenshot({ clip: { x: 600, y: 300, width: 320, height: 240 } }),
    });
    /** Picks the first checker offered: the case grid's own grid worker. */
    const pickChecker = async (): Promise<string> => {
      await dialog.getByTestId('action-checker').click();
      const option = page.locator('.el-select-dropdown__item:visible').first();
      const name = (await option.textContent()) ?? '';
      await option.click();
      return name.replace(/（.*$/, '');
    };
    const switchTo = async (role: 'operator' | 'leader'): Promise<void> => {
      await page.keyboard.press('Escape');
      await page.getByTestId('sign-out').click();
      await signIn(page, role);
      await openCase();
    };

    await openCase();
    expect(await stage()).toBe('派遣');
    for (const [type, key, action, after] of [
      ['acknowledge', 'a', '签收', '派遣'],
      ['startHandling', 'h', '开始处置', '处置'],
    ] as const) {
      await press(type, key);
      await expect.poll(latest, settled).toBe(action);
      await expect.poll(stage, settled).toBe(after);
    }

    // 处置反馈: what was done, and the photo after handling the matter requires.
    await press('submitFeedback', 'f');
    await expect.poll(() => dialog.getByTestId('action-files-required').textContent()).toContain('至少 1 张');
    await refusedWith('请填写处置情况');
    await inputOf(page, 'action-note').fill('已劝离占道摊贩，清理现场');
    await refusedWith('处置后照片至少 1 张，现有 0 张');
    await dialog.getByTestId('action-files').setInputFiles(await photo('处置后.png'));
    await screenshot(page, 'loop-feedback-dialog');
    await confirmed('处置反馈', '反馈');

    // 核查 by the same account is refused: handling and checking are separated.
    await press('verifyPass', 'v');
    await refusedWith('请选择核查人');
    const checker = await pickChecker();
    await refusedWith('核查须由另一账号录入');
    await switchTo('leader');
    await press('verifyPass', 'v');
    await pickChecker();
    await inputOf(page, 'action-note').fill('现场复核：已无占道');
    await confirmed('核查通过', '核查');
    expect(await page.getByTestId('timeline-item').first().textContent()).toContain(checker);

    // 结案 with its summary.
    await press('close', 'c');
    await refusedWith('请填写结案意见');
    await inputOf(page, 'action-summary').fill('占道经营已劝离，现场恢复通行');
    await confirmed('结案', '结案');

    // 回访: reached and dissatisfied, so 重新处置 is offered and sends the case back to handling.
    await press('recordFollowUp', 'u');
    await refusedWith('请填写回访结果');
    await dialog.getByTestId('action-reached-yes').click();
    await dialog.getByTestId('action-result-dissatisfied').click();
    await inputOf(page, 'action-note').fill('摊贩傍晚又回来了');
    await screenshot(page, 'loop-follow-up-dialog');
    await confirmed('回访', '结案');
    await page.getByTestId('case-action-reopen').click();
    await inputOf(page, 'action-reason').fill('回访不满意：傍晚复发');
    await confirmed('重新处置', '处置');

    // Handled again by the leader, checked by the operator this time, closed, called back, rated.
    await press('submitFeedback', 'f');
    await inputOf(page, 'action-note').fill('傍晚加派巡查，摊贩已搬离');
    await dialog.getByTestId('action-files').setInputFiles(await photo('复查.png'));
    await confirmed('处置反馈', '反馈');
    await switchTo('operator');
    await press('verifyPass', 'v');
    await pickChecker();
    await confirmed('核查通过', '核查');
    await press('close', 'c');
    await inputOf(page, 'action-summary').fill('已处置，傍晚复查无复发');
    await confirmed('结案', '结案');
    await press('recordFollowUp', 'u');
    await dialog.getByTestId('action-reached-yes').click();
    await dialog.getByTestId('action-result-basicallySatisfied').click();
    await confirmed('回访', '结案');
    // 评价 below satisfied says why.
    await press('evaluate', 'e');
    await dialog.getByTestId('action-satisfaction').locator('.el-rate__item').nth(2).click();
    await refusedWith('须说明原因');
    await inputOf(page, 'action-reason').fill('第一次处置后复发');
    await confirmed('评价', '评价');
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
      '重新处置',
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
