/**
 * The optional steps of setting up a new centre, on a 1366×768 screen: a grid workers sheet over the
 * size limit is refused in the report with nothing stored; then patrol areas from their own KML, the
 * boundary from its own Shapefile (CGCS2000 Gauss-Kruger zone 40), grid workers, matters and
 * departments sheets, all written by GDAL (scripts/make-centre-fixtures.sh), are checked together,
 * imported, and shown: the file's patrol areas on the map and in a grid's details with the sheet's
 * grid worker, the officers' device ids, the sheet's matters and the departments' phones.
 */
import { execFile } from 'node:child_process';
import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Matter } from '../../shared/model/matter';
import type { TownshipDataset } from '../../shared/model/dataset';
import type { Department, Officer } from '../../shared/model/organisation';
import {
  clickMapAt,
  gridWithInteriorPoint,
  mapIdle,
  openApp,
  renderedCounts,
  screenshot,
  storedRecords,
  type Session,
  CHENGHU_CENTRE,
  openNewCentre,
} from './driver';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/centre/${name}`, import.meta.url));
const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;
/** A sheet 1 MiB over the 100 MiB XLSX limit (sparse: it takes no disk). */
const bigSheet = join(tmpdir(), `big-grid-workers-${process.pid}.xlsx`);
/** A patrol-area file cut short. */
const brokenAreas = join(tmpdir(), `broken-areas-${process.pid}.kml`);
const unstatedBoundary = join(tmpdir(), `boundary-no-crs-${process.pid}.geojson`);

async function unfold(s: Session, step: string): Promise<void> {
  const item = s.page.getByTestId(`setup-step-${step}`);
  if ((await item.locator('.el-collapse-item__wrap:visible').count()) === 0)
    await item.locator('.el-collapse-item__header').click();
}

describe('the optional steps of setting up a new centre', () => {
  let s: Session;
  beforeAll(async () => {
    await writeFile(bigSheet, '');
    await truncate(bigSheet, 101 * 1024 * 1024);
    const kml = await readFile(fixture('chenghu-patrol-areas.kml'), 'utf8');
    await writeFile(brokenAreas, kml.slice(0, 2000));
    // The boundary in its Gauss-Kruger metres, with the file's statement of the system taken out.
    await promisify(execFile)('ogr2ogr', [
      '-f',
      'GeoJSON',
      '-lco',
      'RFC7946=NO',
      unstatedBoundary,
      `/vsizip/${fixture('chenghu-boundary-gk40.zip')}`,
    ]);
    const stated = JSON.parse(await readFile(unstatedBoundary, 'utf8')) as { crs?: unknown };
    delete stated.crs;
    await writeFile(unstatedBoundary, JSON.stringify(stated));
    s = await openApp({ signIn: false, width: 1366, height: 768 });
    const page = s.page;
    await openNewCentre(page, CHENGHU_CENTRE);
  });
  afterAll(async () => {
    await s?.close();
    await rm(bigSheet, { force: true });
    await rm(unstatedBoundary, { force: true });
    await rm(brokenAreas, { force: true });
  });

  it('refuses a sheet over the size limit and an unreadable patrol-area file in the report, and stores nothing', async () => {
    const page = s.page;
    await page.getByTestId('centre-setup-files').click();
    await page.getByTestId('setup-grids-file').setInputFiles(fixture('chenghu-grids-gk40.zip'));
    await expect
      .poll(() => page.getByTestId('setup-grids-summary').textContent(), { timeout: 60_000 })
      .toContain('共 86 个要素');
    await page.getByTestId('setup-teams-file').setInputFiles(fixture('teams.xlsx'));
    await page.getByTestId('setup-officers-file').setInputFiles(fixture('officers.xlsx'));
    await unfold(s, 'gridWorkers');
    await page.getByTestId('setup-gridWorkers-file').setInputFiles(bigSheet);
    await unfold(s, 'patrolAreas');
    await page.getByTestId('setup-patrolAreas-file').setInputFiles(brokenAreas);
    const unreadable = page.getByTestId('setup-patrolAreas-read-errors');
    await unreadable.waitFor({ timeout: 60_000 });
    // A projected boundary that states no system: the candidate zones are offered, and one reads it.
    await unfold(s, 'boundary');
    await page.getByTestId('setup-boundary-file').setInputFiles(unstatedBoundary);
    await page.getByTestId('setup-boundary-crs-4528').click({ timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('setup-boundary-summary').textContent(), { timeout: 60_000 })
      .toContain('EPSG:4528');
    await page.getByTestId('setup-boundary-clear').click();
    await page.getByTestId('setup-check').click();
    await expect
      .poll(() => page.getByTestId('setup-verdict').textContent(), { timeout: 60_000 })
      .toBe('有 2 个错误，改正文件后重新选择并校验');
    const items = await page.getByTestId('setup-report').locator('li').allTextContents();
    expect(items).toEqual([
      `${bigSheet.split('/').at(-1)} 大小为 101 MB，超过导入上限 100 MB，未读取；请拆分成较小的文件（如工单按时间）后分批导入`,
      (await unreadable.textContent())!.trim(),
    ]);
    expect(items[1]).toContain(brokenAreas.split('/').at(-1));
    expect(await page.getByTestId('setup-commit').isDisabled()).toBe(true);
    expect(await storedRecords(page, 'grids')).toEqual([]);
    expect(await storedRecords(page, 'gridWorkers')).toEqual([]);
  });

  it('checks the patrol areas, boundary, grid workers, matters and departments files with the grids', async () => {
    const page = s.page;
    await page.getByTestId('setup-gridWorkers-file').setInputFiles(fixture('grid-workers.xlsx'));
    await page.getByTestId('setup-matters-file').setInputFiles(fixture('matters.xlsx'));
    await page.getByTestId('setup-departments-file').setInputFiles(fixture('departments.xlsx'));
    await unfold(s, 'patrolAreas');
    await page.getByTestId('setup-patrolAreas-file').setInputFiles(fixture('chenghu-patrol-areas.kml'));
    await expect
      .poll(() => page.getByTestId('setup-patrolAreas-summary').textContent(), { timeout: 60_000 })
      .toContain('共 3 个要素');
    expect(await page.getByTestId('setup-patrolAreas-map-team').textContent()).toContain('ZD');
    expect(await page.getByTestId('setup-patrolAreas-map-color').textContent()).toContain('YS');
    await unfold(s, 'boundary');
    await page.getByTestId('setup-boundary-file').setInputFiles(fixture('chenghu-boundary-gk40.zip'));
    await expect
      .poll(() => page.getByTestId('setup-boundary-summary').textContent(), { timeout: 60_000 })
      .toContain('共 1 个要素');
    const boundary = await page.getByTestId('setup-boundary-summary').textContent();
    expect(boundary).toContain('EPSG:4528');
    expect(boundary).toContain('gbk');
    await screenshot(page, 'centre-setup-steps-filled');
    await page.getByTestId('setup-check').click();
    await expect
      .poll(() => page.getByTestId('setup-verdict').textContent(), { timeout: 60_000 })
      .toBe('没有错误，可以导入');
    expect(await page.getByTestId('setup-counts').textContent()).toBe(
      `网格 86 个、巡查片区 3 个、中队 3 个、执法人员 30 名、网格员 ${township.gridWorkers.length} 名、事项 ${township.matters.length + 2} 项、县级部门 ${township.departments.length + 1} 个`,
    );
    const report = await page.getByTestId('setup-report').textContent();
    expect(report).toContain('matters.xlsx：2 个事项编码与内置目录相同，以本表为准：CG-001、CG-002');
    expect(report).not.toContain('由 chenghu-grids-gk40.zip 的 86 个网格合并而成');
    // The checked wizard, scrolled to its report: the buttons stay on the 768-pixel screen.
    await page.getByTestId('setup-report').scrollIntoViewIfNeeded();
    const commit = await page.getByTestId('setup-commit').boundingBox();
    expect(commit!.y + commit!.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'centre-setup-steps-checked');
  });

  it('shows the file’s patrol areas, the sheet’s grid workers, matters, departments and device ids', async () => {
    const page = s.page;
    await page.getByTestId('setup-commit').click();
    await page.getByTestId('signed-in-account').waitFor({ timeout: 60_000 });
    await mapIdle(page);
    await expect.poll(() => page.getByTestId('stat-areas').textContent()).toContain('3');
    expect((await renderedCounts(page)).patrolAreas).toBe(3);
    const { grid, p } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 3));
    const area = township.patrolAreas.find((a) => a.id === grid.patrolAreaId)!;
    const worker = township.gridWorkers.find((w) => w.id === grid.gridWorkerId)!;
    await clickMapAt(page, p);
    await expect.poll(() => page.getByTestId('detail-grid-code').textContent()).toBe(grid.code);
    expect(await page.getByTestId('detail-patrol-area').textContent()).toBe(`澄湖${area.name}`);
    expect(await page.getByTestId('detail-grid-worker').textContent()).toBe(`${worker.name} ${worker.phone}`);
    await screenshot(page, 'centre-setup-steps-map');

    const officers = await storedRecords<Officer>(page, 'officers');
    expect(new Set(officers.map((o) => o.deviceId)).size).toBe(30);
    expect(officers.every((o) => /^86\d{13}$/.test(o.deviceId ?? ''))).toBe(true);
    const matters = new Map((await storedRecords<Matter>(page, 'matters')).map((m) => [m.code, m]));
    expect(matters.get('CG-001')?.limits.handle).toBe(16);
    expect(matters.get('CH-001')?.name).toBe('对在澄湖湖区擅自设置渔簖网围的行政处罚');
    const departments = await storedRecords<Department>(page, 'departments');
    expect(departments.find((d) => d.id === 'dept-cg')?.phone).toBe(
      township.departments.find((d) => d.id === 'dept-cg')?.phone,
    );
    expect(departments.find((d) => d.name === '兴化市公安局')?.phone).toBe('0523-83241110');

    // Every file of the set-up is named in the record's import, with its digest.
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    await page.getByTestId('imports-file').first().waitFor();
    const files = await page.getByTestId('imports-file').allTextContents();
    expect(await page.getByTestId('imports-file').locator('td:first-child').allTextContents()).toEqual([
      '网格',
      '中队',
      '队员',
      '网格员',
      '事项',
      '部门',
      '片区',
      '边界',
    ]);
    for (const f of files) expect(f).toMatch(/SHA-256 [0-9a-f]{64}/);
  });
});
