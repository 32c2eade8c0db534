/**
 * A new centre set up from grids drawn in 奥维 (GCJ-02): a KMZ written by GDAL's LIBKML driver with
 * 奥维互动地图 as its author (scripts/make-centre-fixtures.sh) whose numbers are the sample township's.
 * The wizard reads it as WGS84 and proposes GCJ-02, saying why; the operator chooses GCJ-02 under
 * 坐标偏移, the file is read again, and the grids land where the GCJ-02 → WGS84 conversion puts them:
 * an incident clicked at the converted position of a grid's inner point is placed in that grid.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../shared/geo/china-offsets';
import type { TownshipDataset } from '../../shared/model/dataset';
import {
  clickMapAt,
  gridWithInteriorPoint,
  mapIdle,
  openApp,
  screenshot,
  type Session,
  CHENGHU_CENTRE,
  openNewCentre,
} from './driver';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/centre/${name}`, import.meta.url));
const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;

describe('a new centre set up from a GCJ-02 KMZ drawn in 奥维', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ signIn: false });
    const page = s.page;
    await openNewCentre(page, CHENGHU_CENTRE);
  });
  afterAll(async () => {
    await s.close();
  });

  it('reads the KMZ as WGS84 and proposes GCJ-02 because 奥维 wrote it', async () => {
    const page = s.page;
    await page.getByTestId('centre-setup-files').click();
    await page.getByTestId('setup-grids-file').setInputFiles(fixture('chenghu-grids-ovital.kmz'));
    await expect
      .poll(() => page.getByTestId('setup-grids-summary').textContent(), { timeout: 60_000 })
      .toContain('共 86 个要素');
    expect(await page.getByTestId('setup-grids-summary').textContent()).toContain('WGS84 经纬度');
    expect(await page.getByTestId('setup-datum').textContent()).toContain('WGS84/CGCS2000（无偏移）');
    const hint = await page.getByTestId('setup-datum-hint').textContent();
    expect(hint).toContain('可能是 GCJ-02 火星坐标');
    expect(hint).toContain('奥维互动地图');
  });

  it('reads it again from GCJ-02 when the operator chooses it, keeping the mapping', async () => {
    const page = s.page;
    await page.getByTestId('setup-datum').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'GCJ-02' }).click();
    await expect
      .poll(() => page.getByTestId('setup-grids-summary').textContent(), { timeout: 60_000 })
      .toContain('WGS84 经纬度，由 GCJ-02 火星坐标（高德、腾讯、奥维） 转换');
    expect(await page.getByTestId('setup-grids-summary').textContent()).toContain('共 86 个要素');
    expect(await page.getByTestId('setup-datum-hint').count()).toBe(0);
    expect(await page.getByTestId('setup-map-code').textContent()).toContain('WGBM');
    await screenshot(page, 'centre-setup-datum');
  });

  it('imports the grids where the conversion puts them', async () => {
    const page = s.page;
    await page.getByTestId('setup-teams-file').setInputFiles(fixture('teams.xlsx'));
    await page.getByTestId('setup-officers-file').setInputFiles(fixture('officers.xlsx'));
    await page.getByTestId('setup-check').click();
    await expect
      .poll(() => page.getByTestId('setup-verdict').textContent(), { timeout: 60_000 })
      .toBe('没有错误，可以导入');
    await page.getByTestId('setup-commit').click();
    await page.getByTestId('signed-in-account').waitFor({ timeout: 60_000 });
    await mapIdle(page);
    await expect.poll(() => page.getByTestId('stat-grids').textContent()).toContain('86');

    // The file's numbers are the sample's, read as GCJ-02: a grid's inner point, converted, is in it.
    const { grid, p } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 2));
    await page.getByTestId('placement-start').click();
    await clickMapAt(page, gcj02ToWgs84(p));
    await expect.poll(() => page.getByTestId('placement-grid').textContent()).toBe(grid.code);
  });
});
