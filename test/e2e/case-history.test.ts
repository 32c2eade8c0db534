/**
 * 导入历史案件 on the sample centre, as a shift leader brings in a township's past cases: the cases
 * export of GridDesk (the sample's cases written as XLSX by the export writer with the zh-CN headers)
 * is read and checked in the worker, imported as history via 导入记录, counted in 导入记录, and shown
 * where the operator looks at a grid. Then an old system's CSV whose headers no guess knows is mapped
 * by hand, column by column, and imported while that grid's details stay open: they count it at once.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Case } from '../../shared/model/case';
import type { TownshipDataset } from '../../shared/model/dataset';
import { casesLayer, csvGeometry, writeLayerXlsx } from '../../shared/export/geo';
import { labels } from '../unit/export/geo/support';
import {
  clickMapAt,
  dialogSettled,
  gridWithInteriorPoint,
  mapIdle,
  openApp,
  screenshot,
  storedRecords,
  toggleLayer,
  type Session,
} from './driver';

const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;
const sampleCases = JSON.parse(
  await readFile(new URL('../../resources/sample/cases.json', import.meta.url), 'utf8'),
) as Case[];

describe('importing a township’s case history', () => {
  let s: Session;
  let file: string;
  beforeAll(async () => {
    const zh = labels('zh-CN');
    const layer = casesLayer(sampleCases, township, zh, 'Asia/Shanghai');
    const written = writeLayerXlsx(layer.features, layer.columns, csvGeometry(layer, zh), '案件');
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
    const dir = await mkdtemp(join(tmpdir(), 'griddesk-history-'));
    file = join(dir, '历年案件.xlsx');
    await writeFile(file, written.bytes);
    s = await openApp({ signIn: 'leader' });
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('checks the exported cases and imports every one as history, recorded in 导入记录', async () => {
    const page = s.page;
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    await page.getByTestId('imports-history').click();
    await page.getByTestId('history-file').setInputFiles(file);
    // GridDesk's export writes WGS84 under plain 经度/纬度: the operator says which system it is.
    await page.getByTestId('import-crs-wgs84').click({ timeout: 60_000 });
    // Each field shows the column the header guess chose for it, by its header.
    expect(await page.getByTestId('history-map-caseNo').textContent()).toContain('案件编号');
    expect(await page.getByTestId('history-map-reportedAt').textContent()).toContain('上报时间');
    expect(await page.getByTestId('history-map-wkt').textContent()).toContain('请选择');
    await page.getByTestId('history-counts').waitFor({ timeout: 60_000 });
    const closed = sampleCases.filter((c) => ['closed', 'evaluated'].includes(c.stage)).length;
    const voided = sampleCases.filter((c) => ['voided', 'rejected', 'merged'].includes(c.stage)).length;
    expect(await page.getByTestId('history-counts').textContent()).toBe(
      `共 ${sampleCases.length} 行：可导入 ${sampleCases.length} 件（已结案 ${closed}、作废 ${voided}、原系统未办结 ${
        sampleCases.length - closed - voided
      }），不导入 0 行`,
    );
    expect(await page.getByTestId('history-verdict').textContent()).toContain('没有错误或警告');
    await dialogSettled(page);
    await screenshot(page, 'case-history-report');
    await page.getByTestId('history-import').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.getByTestId('imports-dialog').waitFor();
    await expect
      .poll(() => page.getByTestId('imports-list').textContent(), { timeout: 60_000 })
      .toContain(`历史案件 ${sampleCases.length}`);
    expect(await page.getByTestId('imports-list').textContent()).toContain('历年案件.xlsx');
    const stored = await storedRecords<{ caseNo: string; gridCode: string }>(page, 'historyCases');
    expect(stored.map((h) => h.caseNo).sort()).toEqual(sampleCases.map((c) => c.caseNo).sort());
    await dialogSettled(page);
    await screenshot(page, 'case-history-imports');
  });

  it('shows a grid’s history count and most recent history cases where the operator looks at the grid', async () => {
    const page = s.page;
    await page.keyboard.press('Escape');
    await page.getByTestId('imports-dialog').waitFor({ state: 'hidden' });
    const { grid, p } = gridWithInteriorPoint(township, 0);
    const inGrid = sampleCases.filter((c) => c.gridCode === grid.code).length;
    expect(inGrid).toBeGreaterThan(0);
    // The grid itself is clicked, not a case or an officer drawn over it.
    await toggleLayer(page, 'cases');
    await toggleLayer(page, 'officers');
    await mapIdle(page);
    await clickMapAt(page, p);
    await expect
      .poll(() => page.getByTestId('detail-grid-code').textContent(), { timeout: 30_000 })
      .toBe(grid.code);
    await expect
      .poll(() => page.getByTestId('grid-history-count').textContent(), { timeout: 30_000 })
      .toBe(`${inGrid} 件`);
    expect(await page.getByTestId('grid-history-case').count()).toBe(Math.min(5, inGrid));
    await screenshot(page, 'case-history-grid');
  });

  it('imports a file whose headers no guess knows once its columns are mapped by hand, and the open grid’s details count it', async () => {
    const page = s.page;
    const { grid } = gridWithInteriorPoint(township, 0);
    const inGrid = sampleCases.filter((c) => c.gridCode === grid.code).length;
    // The grid's details from the test before are still open.
    expect(await page.getByTestId('detail-grid-code').textContent()).toBe(grid.code);
    // Reported a minute ago (China time), so they are the grid's most recent history cases.
    const reported = new Date(Date.now() + 8 * 3_600_000 - 60_000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    const matter = township.matters[0]!;
    const csv = [
      '单号,日期,完结日期,类目,片格,办理结果',
      ...[1, 2, 3].map((n) => `JX-${n},${reported},${reported},${matter.code},${grid.code},已办结`),
    ].join('\r\n');
    const dir = await mkdtemp(join(tmpdir(), 'griddesk-history-hand-'));
    const handFile = join(dir, '旧系统导出.csv');
    await writeFile(handFile, csv);

    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    await page.getByTestId('imports-history').click();
    await page.getByTestId('history-file').setInputFiles(handFile);
    // Nothing guessed: the dialog names every required field and offers each column of the file.
    await page.getByTestId('history-missing').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('history-missing').textContent()).toBe(
      '旧系统导出.csv：请为 案件编号、上报时间、事项或事项编码、位置（经纬度或 WKT）或网格编码 选择文件中的列',
    );
    expect(await page.getByTestId('history-report').count()).toBe(0);
    await mapColumn(page, 'caseNo', '单号');
    await mapColumn(page, 'reportedAt', '日期');
    // One column for two fields is named, with both fields.
    await mapColumn(page, 'closedAt', '日期');
    await expect
      .poll(() => page.getByTestId('history-missing').textContent())
      .toContain('旧系统导出.csv：列“日期”同时选给了“上报时间”和“结案时间”');
    await dialogSettled(page);
    await screenshot(page, 'case-history-mapping-twice');
    await mapColumn(page, 'closedAt', '完结日期');
    await mapColumn(page, 'matterCode', '类目');
    await mapColumn(page, 'status', '办理结果');
    await mapColumn(page, 'gridCode', '片格');
    // The mapping is usable: the file is checked again without asking.
    await expect
      .poll(() => page.getByTestId('history-counts').textContent(), { timeout: 60_000 })
      .toBe('共 3 行：可导入 3 件（已结案 3、作废 0、原系统未办结 0），不导入 0 行');
    expect(await page.getByTestId('history-missing').count()).toBe(0);
    expect(await page.getByTestId('history-first').textContent()).toContain('JX-1');
    await dialogSettled(page);
    await screenshot(page, 'case-history-mapped-by-hand');
    await page.getByTestId('history-import').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.getByTestId('imports-dialog').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('imports-list').textContent(), { timeout: 60_000 })
      .toContain('旧系统导出.csv');
    const stored = await storedRecords<{
      caseNo: string;
      gridCode: string;
      status: string;
      matterCode: string;
    }>(page, 'historyCases');
    const jx = stored.filter((h) => h.caseNo.startsWith('JX-'));
    expect(jx.map((h) => [h.caseNo, h.gridCode, h.status, h.matterCode])).toEqual(
      [1, 2, 3].map((n) => [`JX-${n}`, grid.code, 'closed', matter.code]),
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('imports-dialog').waitFor({ state: 'hidden' });
    // The grid's details were not clicked again: they followed the import.
    await expect
      .poll(() => page.getByTestId('grid-history-count').textContent(), { timeout: 30_000 })
      .toBe(`${inGrid + 3} 件`);
    const recent = await page.getByTestId('grid-history-case').allTextContents();
    expect(
      recent
        .slice(0, 3)
        .map((t) => t.trim().split(' ')[0])
        .sort(),
    ).toEqual(['JX-1', 'JX-2', 'JX-3']);
    await screenshot(page, 'case-history-grid-after-hand-import');
  });
});

/** Picks `header` for `field` in the history dialog's column mapping, and waits for its list to close. */
async function mapColumn(page: Page, field: string, header: string): Promise<void> {
  const items = page.locator('.el-select-dropdown__item:visible');
  await page.getByTestId(`history-map-${field}`).click();
  await items.filter({ hasText: new RegExp(`^${header}$`) }).click();
  await page.getByTestId(`history-map-${field}`).filter({ hasText: header }).waitFor();
  // The next select's list is told apart from this one's only once this one is gone.
  await expect.poll(() => items.count()).toBe(0);
}
