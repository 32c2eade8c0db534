/**
 * Intake: a new hotline case from the map to dispatched, driven from the keyboard as an operator
 * would, counting every click and key press that is not typing text.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TownshipDataset } from '../../shared/model/dataset';
import {
  clickMapAt,
  gridWithInteriorPoint,
  hasFocusIn,
  inputOf,
  mapIdle,
  openApp,
  screenshot,
  pickMatter,
  type Session,
} from './driver';

/** The first option the matter field offers now (what Enter picks). */
async function firstMatterOption(page: Page): Promise<string | null> {
  const item = page.locator('.el-select-dropdown__item:visible').first();
  return (await item.count()) === 0 ? null : ((await item.textContent())?.trim() ?? null);
}

/** The matter the field shows as chosen. */
async function matterFieldText(page: Page): Promise<string> {
  return (
    (await page
      .getByTestId('placement-matter')
      .locator('.el-select__placeholder:not(.is-transparent)')
      .textContent()) ?? ''
  ).trim();
}

const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;

/** Counts interactions; typed text (a description, a search) is counted apart. */
class Interactions {
  clicks = 0;
  keys = 0;
  constructor(private readonly s: Session) {}
  async press(key: string): Promise<void> {
    this.keys += 1;
    await this.s.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    await this.s.page.keyboard.type(text);
  }
  async clickMap(p: readonly [number, number]): Promise<void> {
    this.clicks += 1;
    await clickMapAt(this.s.page, p);
  }
}

describe('a new hotline case', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('goes from a click on the map to dispatched in five interactions plus typing, and opens the case', async () => {
    const { grid, p } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 2));
    // 对单位和个人未履行门前三包责任的行政处罚: the township's own, no certified pair needed.
    const matter = township.matters.find((m) => m.code === 'CG-018')!;
    expect(matter.authority.kind === 'township' && !matter.needsCertified).toBe(true);
    const before = Number((await s.page.getByTestId('stat-open-cases').textContent())?.match(/\d+/)?.[0]);

    const count = new Interactions(s);
    await count.press('p');
    await count.clickMap(p);
    await expect.poll(() => s.page.getByTestId('placement-grid').textContent()).toBe(grid.code);
    // The matter field has the focus: type the pinyin initials of 门前三包, Enter picks the first match.
    await expect.poll(() => hasFocusIn(s.page, 'placement-matter')).toBe(true);
    await count.type('mqsb');
    await expect.poll(() => firstMatterOption(s.page)).toBe(`${matter.code} ${matter.name}`);
    await count.press('Enter');
    await expect.poll(() => matterFieldText(s.page)).toBe(`${matter.code} ${matter.name}`);
    await expect.poll(() => s.page.getByTestId('intake-target').textContent()).toContain('派遣给');
    await count.press('Tab');
    await count.type('群众来电反映店外占道经营，影响通行');
    await count.press('Control+Enter');

    const message = s.page.locator('.el-message--success');
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(/已新建案件 \d{4}-\d{6}（派遣）/);
    await expect
      .poll(async () =>
        Number((await s.page.getByTestId('stat-open-cases').textContent())?.match(/\d+/)?.[0]),
      )
      .toBe(before + 1);
    expect(count.clicks + count.keys).toBeLessThanOrEqual(5);
    console.info(
      `[intake] new hotline case → dispatched: ${count.clicks} clicks + ${count.keys} keys, plus typing`,
    );

    // The new case is selected in the queue and open in the detail, its 签收 clock running.
    const caseNo = /(\d{4}-\d{6})/.exec(text)?.[1];
    await expect.poll(() => s.page.getByTestId('case-detail-no').textContent()).toBe(caseNo);
    const row = s.page.locator('[data-testid="queue-row"][aria-selected="true"]');
    await expect.poll(() => row.getByTestId('queue-case-no').textContent()).toBe(caseNo);
    await expect
      .poll(() => s.page.getByTestId('case-detail-ack-clock').textContent())
      .toMatch(/签收已用 \d+分钟，时限 1小时（截止/);
    await expect.poll(() => row.getByTestId('queue-ack-clock').textContent()).toMatch(/签收已用 \d+分钟/);
    await screenshot(s.page, 'intake-created-opened');

    // Closed, one click on its queue row opens it again.
    await s.page.getByTestId('case-detail').getByRole('button', { name: '关闭' }).click();
    await s.page.getByTestId('case-detail').waitFor({ state: 'hidden' });
    await row.click();
    await expect.poll(() => s.page.getByTestId('case-detail-no').textContent()).toBe(caseNo);
    await s.page.getByTestId('case-detail').getByRole('button', { name: '关闭' }).click();
  });

  it('names what is missing instead of creating a half case', async () => {
    const { grid, p } = gridWithInteriorPoint(township, 3);
    // Opening the case flew the map to it: back to the whole township first.
    await s.page.getByTestId('fit-township').click();
    await mapIdle(s.page);
    await s.page.keyboard.press('p');
    await clickMapAt(s.page, p);
    await expect.poll(() => s.page.getByTestId('placement-grid').textContent()).toBe(grid.code);
    expect(await s.page.getByTestId('placement-matter-required').textContent()).toBe('必填');
    await s.page.getByTestId('intake-report').click();
    await expect.poll(() => s.page.getByTestId('intake-error').textContent()).toBe('请选择执法事项');
    await screenshot(s.page, 'intake');
  });

  it('finds the matter by the words people type and by pinyin initials', async () => {
    // The placement of the previous test is still open; the field searches what is typed.
    await s.page.getByTestId('placement-matter').click();
    await s.page.keyboard.type('洗车');
    // 对车辆在城市道路上冲洗、维修的行政处罚: no 洗车 in its name, found through the words people use.
    await expect.poll(() => firstMatterOption(s.page)).toBe('CG-009 对车辆在城市道路上冲洗、维修的行政处罚');
    await screenshot(s.page, 'intake-matter-xiche');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => matterFieldText(s.page)).toBe('CG-009 对车辆在城市道路上冲洗、维修的行政处罚');

    // zdjy: 占道经营, the street word for 对擅自占用城市道路摆摊设点的行政处罚.
    await s.page.getByTestId('placement-matter').click();
    await s.page.keyboard.type('zdjy');
    await expect.poll(() => firstMatterOption(s.page)).toBe('CG-001 对擅自占用城市道路摆摊设点的行政处罚');
    await screenshot(s.page, 'intake-matter-zdjy');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => matterFieldText(s.page)).toBe('CG-001 对擅自占用城市道路摆摊设点的行政处罚');
  });

  it('offers a report of the same matter close by as a duplicate to merge', async () => {
    const { grid, p } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 2));
    const matter = township.matters.find((m) => m.authority.kind === 'township' && !m.needsCertified)!;
    await s.page.getByTestId('placement-panel').getByRole('button', { name: '取消' }).click();
    await s.page.getByTestId('placement-start').click();
    await clickMapAt(s.page, p);
    await expect.poll(() => s.page.getByTestId('placement-grid').textContent()).toBe(grid.code);
    await pickMatter(s.page, matter.name);
    await s.page.getByTestId('intake-duplicates').waitFor();
    await inputOf(s.page, 'intake-description').fill('同一地点再次来电');
    await s.page.getByTestId('intake-duplicates').getByRole('button').first().click();

    await expect.poll(() => s.page.locator('.el-message--success').last().textContent()).toContain('并入');
  });
});
