/**
 * 替换网格 on the sample centre, as a shift leader does it when the surveying bureau re-numbers a grid:
 * the bureau's file (the sample's own grids as a GBK Gauss-Kruger Shapefile, written by GDAL, with one
 * grid renumbered by ogr2ogr here) is checked, every open case of that grid is listed as moving to the
 * new code, the replacement is written, and the record names it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared/model/case';
import { isOpenStage } from '../../shared/model/case';
import type { Grid } from '../../shared/model/organisation';
import type { TownshipDataset } from '../../shared/model/dataset';
import { dialogSettled, inputOf, openApp, screenshot, storedRecords, type Session } from './driver';

const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;
const sampleCases = JSON.parse(
  await readFile(new URL('../../resources/sample/cases.json', import.meta.url), 'utf8'),
) as Case[];
const shapefile = fileURLToPath(new URL('../fixtures/centre/chenghu-grids-gk40.zip', import.meta.url));

/** A grid of the sample with open cases in it, and the code the bureau gives it now. */
const busy = township.grids.find((g) =>
  sampleCases.some((c) => c.gridCode === g.code && isOpenStage(c.stage)),
)!;
const renumbered = `${busy.code.slice(0, 12)}999`;

describe('replacing the grids of the sample centre', () => {
  let s: Session;
  let file: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'griddesk-regrid-'));
    file = join(dir, 'regridded.geojson');
    const sql = `SELECT CASE WHEN WGBM = '${busy.code}' THEN '${renumbered}' ELSE WGBM END AS WGBM, WGMC, SQMC, PQMC, ZD, GEOMETRY FROM grids`;
    await promisify(execFile)('ogr2ogr', [
      '-f',
      'GeoJSON',
      '-t_srs',
      'EPSG:4326',
      '-dialect',
      'SQLITE',
      '-sql',
      sql,
      file,
      `/vsizip/${shapefile}`,
    ]);
    s = await openApp({ signIn: 'leader' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('lists the open cases of the renumbered grid as moving to its new code, before writing', async () => {
    const page = s.page;
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    await page.getByTestId('imports-replace-grids').click();
    await page.getByTestId('setup-grids-file').setInputFiles(file);
    await page.getByTestId('setup-grids-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('setup-grids-map-code').textContent()).toContain('WGBM');
    await page.getByTestId('replace-check').click();
    await expect
      .poll(() => page.getByTestId('replace-verdict').textContent(), { timeout: 60_000 })
      .toBe('没有错误，可以替换');
    // The file's every ring is clockwise (GDAL's GeoJSON): one folded line, not one per grid.
    const warnings = await page.getByTestId('replace-report').locator('li').allTextContents();
    expect(warnings).toEqual([
      expect.stringContaining(`（同类共 ${township.grids.length} 条，涉及第 1、2、3、4、5 个要素等）`),
      `regridded.geojson：${township.grids.length} 个网格没有网格员，将先标为“待配备”，之后可以补录`,
    ]);
    const open = (await storedRecords<Case>(page, 'cases')).filter(
      (c) => c.gridCode === busy.code && isOpenStage(c.stage),
    );
    expect(open.length).toBeGreaterThan(0);
    expect(await page.getByTestId('replace-counts').textContent()).toBe(
      `新网格 ${township.grids.length} 个；在办案件调整归属 ${open.length} 件；停用网格 1 个；新增网格 1 个`,
    );
    const rows = await page.getByTestId('replace-move').allTextContents();
    expect(rows.map((r) => r.slice(0, 11)).sort()).toEqual(open.map((c) => c.caseNo).sort());
    for (const row of rows) expect(row).toContain(`（${renumbered}）`);
    await dialogSettled(page);
    await screenshot(page, 'replace-grids-checked');
  });

  it('writes the new grids with the open cases moved, and names the replacement in the record', async () => {
    const page = s.page;
    await page.getByTestId('replace-apply').click();
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await reloaded;
    await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await inputOf(page, 'sign-in-username').fill('daiban');
    await inputOf(page, 'sign-in-password').fill('daiban2026');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-account').waitFor({ timeout: 60_000 });
    const grids = (await storedRecords<Grid>(page, 'grids')).map((g) => g.code);
    expect(grids).toContain(renumbered);
    expect(grids).not.toContain(busy.code);
    const cases = await storedRecords<Case>(page, 'cases');
    expect(cases.filter((c) => c.gridCode === busy.code && isOpenStage(c.stage))).toEqual([]);
    // Closed cases keep the grid they were handled in.
    expect(cases.filter((c) => c.gridCode === busy.code).length).toBe(
      sampleCases.filter((c) => c.gridCode === busy.code && !isOpenStage(c.stage)).length,
    );
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    const entry = page.getByTestId('imports-list').locator('li').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('替换网格');
    expect(await entry.textContent()).toContain('regridded.geojson');
  });
});
