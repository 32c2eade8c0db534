/**
 * A new centre set up from its own files, as the acceptance runs it: a GBK Shapefile of grids
 * in CGCS2000 Gauss-Kruger zone 40 and XLSX sheets of teams and officers, all written by GDAL
 * (scripts/make-centre-fixtures.sh); the map then shows the township, and an incident placed on the
 * map lands in the right imported grid, patrol area and team.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TownshipDataset } from '../../shared/model/dataset';
import {
  clickMapAt,
  dialogSettled,
  gridWithInteriorPoint,
  inputOf,
  mapIdle,
  openApp,
  screenshot,
  type Session,
  CHENGHU_CENTRE,
  openNewCentre,
} from './driver';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/centre/${name}`, import.meta.url));
// The files describe the sample township's grids, teams and officers (made from it).
const township = JSON.parse(
  await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;

describe('a new centre set up from its own files', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ signIn: false });
    const page = s.page;
    await openNewCentre(page, CHENGHU_CENTRE);
  });
  afterAll(async () => {
    await s.close();
  });

  it('reads the grids file, names its system and encoding, and proposes the field mapping', async () => {
    const page = s.page;
    await page.getByTestId('centre-setup-files').click();
    await page.getByTestId('setup-grids-file').setInputFiles(fixture('chenghu-grids-gk40.zip'));
    await expect
      .poll(() => page.getByTestId('setup-grids-summary').textContent(), { timeout: 60_000 })
      .toContain('共 86 个要素');
    const summary = await page.getByTestId('setup-grids-summary').textContent();
    expect(summary).toContain('EPSG:4528');
    expect(summary).toContain('gbk');
    expect(await page.getByTestId('setup-encoding-sample').textContent()).toMatch(/网格/);
    expect(await page.getByTestId('setup-map-code').textContent()).toContain('WGBM');
    expect(await page.getByTestId('setup-map-team').textContent()).toContain('ZD');
  });

  it('checks the grids with the teams and officers sheets and imports them in one go', async () => {
    const page = s.page;
    await page.getByTestId('setup-teams-file').setInputFiles(fixture('teams.xlsx'));
    await page.getByTestId('setup-officers-file').setInputFiles(fixture('officers.xlsx'));
    await page.getByTestId('setup-check').click();
    await expect
      .poll(() => page.getByTestId('setup-verdict').textContent(), { timeout: 60_000 })
      .toBe('没有错误，可以导入');
    expect(await page.getByTestId('setup-counts').textContent()).toBe(
      '网格 86 个、巡查片区 3 个、中队 3 个、执法人员 30 名、网格员 0 名、事项 110 项、县级部门 12 个',
    );
    await screenshot(page, 'centre-setup-checked');
    await page.getByTestId('setup-commit').click();
    await page.getByTestId('signed-in-account').waitFor({ timeout: 60_000 });
    await mapIdle(page);
    await expect.poll(() => page.getByTestId('stat-grids').textContent()).toContain('86');
    expect(await page.getByTestId('township-name').textContent()).toContain('澄湖镇');
    await screenshot(page, 'centre-setup-map');
  });

  it('places an incident clicked on the map in the imported grid, patrol area and team', async () => {
    const page = s.page;
    const { grid, p } = gridWithInteriorPoint(township, Math.floor(township.grids.length / 2));
    const area = township.patrolAreas.find((a) => a.id === grid.patrolAreaId)!;
    const team = township.teams.find((t) => t.id === area.teamId)!;
    await page.getByTestId('placement-start').click();
    await clickMapAt(page, p);
    await expect.poll(() => page.getByTestId('placement-grid').textContent()).toBe(grid.code);
    expect(await page.getByTestId('placement-area').textContent()).toBe(area.name);
    expect(await page.getByTestId('placement-team').textContent()).toBe(team.name);
  });

  it('keeps the import in the record with its files and digests, and its leader can undo it', async () => {
    const page = s.page;
    await page.keyboard.press('Escape');
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    const list = page.getByTestId('imports-list');
    await list.waitFor();
    const entry = page.getByTestId('imports-event-1');
    expect(await entry.textContent()).toContain('从文件建立本中心');
    expect(await entry.textContent()).toContain('陈刚');
    expect(await entry.textContent()).toContain('网格 86');
    const files = await page.getByTestId('imports-file').allTextContents();
    expect(files).toHaveLength(3);
    for (const name of ['chenghu-grids-gk40.zip', 'teams.xlsx', 'officers.xlsx']) {
      const digest = createHash('sha256')
        .update(await readFile(fixture(name)))
        .digest('hex');
      expect(files.find((f) => f.includes(name))).toContain(digest);
    }
    await dialogSettled(page);
    await screenshot(page, 'centre-imports');

    await page.getByTestId('imports-undo').click();
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await reloaded;
    await page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await inputOf(page, 'sign-in-username').fill(CHENGHU_CENTRE.username);
    await inputOf(page, 'sign-in-password').fill(CHENGHU_CENTRE.password);
    await page.getByTestId('sign-in-submit').click();
    // Back to the empty centre, ready to be set up again.
    await page.getByTestId('centre-setup').waitFor({ timeout: 30_000 });
  });
});
