/**
 * 导出数据: the operator exports the grids as a zipped GBK Shapefile and the open cases as GeoJSON from
 * the Tools menu; opened again, the files give the same grid codes, names and areas, and every open case.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Case } from '../../shared/model/case';
import { isOpenStage } from '../../shared/model/case';
import type { Grid } from '../../shared/model/organisation';
import { readGeoFile } from '../../shared/import/geo';
import { ARTIFACTS, mapIdle, openApp, screenshot, storedRecords, type Session } from './driver';

async function exportFile(page: Page, layer: string, format: string): Promise<string> {
  await page.getByTestId(`export-layer-${layer}`).click();
  await page.getByTestId(`export-format-${format}`).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-run').click(),
  ]);
  const path = `${ARTIFACTS}export-${download.suggestedFilename()}`;
  await download.saveAs(path);
  return path;
}

describe('exporting the centre’s data', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await mapIdle(s.page);
    await s.page.getByTestId('tools-button').click();
    await s.page.getByTestId('tools-export').click();
    await s.page.getByTestId('export-dialog').waitFor();
  });
  afterAll(async () => {
    await s.close();
  });

  it('writes the grids as a zipped GBK Shapefile that reads back with the same codes, names and areas', async () => {
    const path = await exportFile(s.page, 'grids', 'shapefile');
    expect(path).toMatch(/网格_\d{4}-\d{2}-\d{2}\.zip$/);
    await expect.poll(() => s.page.getByText(/已导出 网格_.*\.zip（\d+ 条）/).count()).toBeGreaterThan(0);
    await screenshot(s.page, 'export');
    const read = readGeoFile('grids.zip', new Uint8Array(await readFile(path)));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.encoding).toMatchObject({ name: 'gbk', guessed: false });
    const stored = await storedRecords<Grid>(s.page, 'grids');
    const back = read.features.map((f) => [f.properties['网格编码'], f.properties['网格名称']]);
    expect(back.sort()).toEqual(stored.map((g) => [g.code, g.name]).sort());
    const area = new Map(
      read.features.map((f) => [f.properties['网格编码'], Number(f.properties['面积平方米'])]),
    );
    for (const g of stored) expect(Math.abs((area.get(g.code) ?? 0) - g.areaM2)).toBeLessThan(1);
  });

  it('writes the open cases as GeoJSON, each at its place', async () => {
    const path = await exportFile(s.page, 'cases', 'geojson');
    const read = readGeoFile('cases.geojson', new Uint8Array(await readFile(path)));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const open = (await storedRecords<Case>(s.page, 'cases')).filter((c) => isOpenStage(c.stage));
    const byNo = new Map(read.features.map((f) => [f.properties['案件编号'], f.geometry]));
    expect(byNo.size).toBe(open.length);
    for (const c of open) expect(byNo.get(c.caseNo)).toEqual({ type: 'Point', coordinates: [...c.location] });
  });
});
