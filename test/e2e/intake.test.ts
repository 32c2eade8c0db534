/**
 * Intake: a new hotline case from the map to dispatched, driven from the keyboard as an operator
 * would, counting every click and key press that is not typing text.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('goes from a click on the map to dispatched in five interactions plus typing', async () => {
    const { grid, p } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 2));
    const matter = township.matters.find((m) => m.authority.kind === 'township' && !m.needsCertified)!;
    const before = Number((await s.page.getByTestId('stat-open-cases').textContent())?.match(/\d+/)?.[0]);

    const count = new Interactions(s);
    await count.press('p');
    await count.clickMap(p);
    await expect.poll(() => s.page.getByTestId('placement-grid').textContent()).toBe(grid.code);
    // The matter field has the focus: type to search, Enter picks the first match.
    await expect.poll(() => hasFocusIn(s.page, 'placement-matter')).toBe(true);
    await count.type(matter.name);
    await s.page.locator('.el-select-dropdown__item:visible', { hasText: matter.name }).first().waitFor();
    await count.press('Enter');
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
  });

  it('names what is missing instead of creating a half case', async () => {
    const { grid, p } = gridWithInteriorPoint(township, 3);
    await s.page.keyboard.press('p');
    await clickMapAt(s.page, p);
    await expect.poll(() => s.page.getByTestId('placement-grid').textContent()).toBe(grid.code);
    await s.page.getByTestId('intake-report').click();
    await expect.poll(() => s.page.getByTestId('intake-error').textContent()).toBe('请选择执法事项');
    await screenshot(s.page, 'intake');
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
