/**
 * 导入地名 on the sample centre, as a shift leader brings in the township's own place list: a CSV of
 * points exported from Amap (GCJ-02, Chinese headers) is read, taken from GCJ-02 at the operator's
 * choice, checked (a row without a name and a place far outside are left out and said so), written,
 * and then found by 事件定位's search, which puts the point in the grid that holds it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../shared/geo/coord-systems';
import type { BasemapRow } from '../../renderer/db/tables';
import type { TownshipDataset } from '../../shared/model/dataset';
import {
  dialogSettled,
  gridWithInteriorPoint,
  inputOf,
  mapIdle,
  openApp,
  screenshot,
  storedRecords,
  type Session,
} from './driver';

const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;
const school = gridWithInteriorPoint(township, 3);
const clinic = gridWithInteriorPoint(township, 40);

/** Metres between two nearby lon/lat points. */
function metres(a: readonly number[], b: readonly number[]): number {
  const k = Math.PI / 180;
  const x = ((b[0] as number) - (a[0] as number)) * Math.cos((a[1] as number) * k);
  return Math.hypot(x, (b[1] as number) - (a[1] as number)) * k * 6_371_008.8;
}

describe('importing the township’s places', () => {
  let s: Session;
  let file: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'griddesk-places-'));
    file = join(dir, '澄湖镇兴趣点.csv');
    const row = (name: string, kind: string, p: readonly [number, number]): string => {
      const [lon, lat] = wgs84ToGcj02(p);
      return `${name},${kind},${lon.toFixed(7)},${lat.toFixed(7)}`;
    };
    const lines = [
      '名称,类别,经度,纬度',
      row('澄湖实验小学', '科教文化;学校', school.p),
      row('仁济诊所', '医疗保健;诊所', clinic.p),
      row('', '购物', school.p),
      row('远方物流园', '公司企业', [school.p[0] + 1, school.p[1] + 1]),
    ];
    await writeFile(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    s = await openApp({ signIn: 'leader' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('checks the file from GCJ-02 and says what it adds and leaves out', async () => {
    const page = s.page;
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    await page.getByTestId('imports-places').click();
    await page.getByTestId('setup-places-file').setInputFiles(file);
    await page.getByTestId('setup-places-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('setup-places-map-name').textContent()).toContain('名称');
    expect(await page.getByTestId('setup-places-map-kind').textContent()).toContain('类别');
    await page.getByTestId('setup-places-datum').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'GCJ-02' }).click();
    await expect
      .poll(() => page.getByTestId('setup-places-summary').textContent(), { timeout: 60_000 })
      .toContain('由 GCJ-02');
    await page.getByTestId('import-places-check').click();
    await expect
      .poll(() => page.getByTestId('import-places-counts').textContent(), { timeout: 60_000 })
      .toBe('将新增兴趣点 2 个、道路 0 条、村庄/居民点 0 个；略过 2 条');
    const report = page.getByTestId('import-places-report').locator('li');
    await report.first().waitFor();
    const lines = await report.allTextContents();
    expect(lines).toEqual([
      '澄湖镇兴趣点.csv：1 条要素没有名称，已略过（#3）',
      '澄湖镇兴趣点.csv：1 个地名在本镇街边界 1 公里以外，已略过（#4 远方物流园）',
    ]);
    await dialogSettled(page);
    await screenshot(page, 'places-import-checked');
  });

  it('writes the places where the conversion puts them and names the file in the record', async () => {
    const page = s.page;
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.getByTestId('import-places-apply').click();
    await reloaded;
    await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await inputOf(page, 'sign-in-username').fill('daiban');
    await inputOf(page, 'sign-in-password').fill('daiban2026');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-account').waitFor({ timeout: 60_000 });
    const pois = (await storedRecords<BasemapRow>(page, 'basemap')).filter((r) => r.kind === 'pois');
    const stored = pois.find((r) => r.item.name === '澄湖实验小学');
    if (stored?.kind !== 'pois') throw new Error('the school was not stored as a POI');
    expect(stored.item.kind).toBe('school');
    expect(metres(stored.item.location, school.p)).toBeLessThan(1);
    expect(pois.find((r) => r.item.name === '仁济诊所')?.item).toMatchObject({ kind: 'hospital' });
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    const entry = page.getByTestId('imports-list').locator('li').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('导入地名');
    expect(await entry.textContent()).toContain('地名 2');
    expect(await entry.textContent()).toContain('澄湖镇兴趣点.csv');
    await page.keyboard.press('Escape');
    await page.getByTestId('imports-dialog').waitFor({ state: 'hidden' });
  });

  it('finds an imported place in 事件定位 and places it in the grid that holds it', async () => {
    const page = s.page;
    await page.getByTestId('placement-start').click();
    await inputOf(page, 'place-search').fill('实验小学');
    const suggestion = page.locator('.el-autocomplete-suggestion li:visible', { hasText: '澄湖实验小学' });
    await suggestion.first().click();
    await expect.poll(() => page.getByTestId('placement-grid').textContent()).toBe(school.grid.code);
    await mapIdle(page);
    await screenshot(page, 'places-import-found');
  });
});
