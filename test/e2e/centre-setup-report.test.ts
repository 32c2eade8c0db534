/**
 * The set-up's report and files from GDAL as they come: a KMZ whose doc.kml links a layer on the web
 * is refused by name with nothing fetched; a GeoJSON that GDAL wrote from the grids Shapefile, whose
 * every ring is rewound on import, shows one line for those 86 warnings (with the count and the first
 * grids); the set-up is then written from the import worker, and the map shows the 86 grids.
 */
import { fileURLToPath } from 'node:url';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflatedEntry, writeForgedZip } from '../../shared/zip/test-zip';
import { mapIdle, openApp, screenshot, type Session, CHENGHU_CENTRE, openNewCentre } from './driver';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/centre/${name}`, import.meta.url));

describe('the set-up report of files written by GDAL', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ signIn: false });
    await openNewCentre(s.page, CHENGHU_CENTRE);
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses a KMZ whose network link points to the web, naming the address', async () => {
    const page = s.page;
    await page.getByTestId('centre-setup-files').click();
    const doc =
      '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>' +
      '<NetworkLink><Link><href>https://example.com/grids.kml</href></Link></NetworkLink></Document></kml>';
    await page.getByTestId('setup-grids-file').setInputFiles({
      name: '网格.kmz',
      mimeType: 'application/vnd.google-earth.kmz',
      buffer: Buffer.from(writeForgedZip([deflatedEntry('doc.kml', strToU8(doc))])),
    });
    await expect
      .poll(() => page.getByTestId('setup-read-errors').textContent(), { timeout: 60_000 })
      .toContain('网格.kmz 中的网络链接指向“https://example.com/grids.kml”，不在压缩包内：不会联网下载');
    expect(await page.getByTestId('setup-grids-summary').count()).toBe(0);
  });

  it('folds the 86 rewound rings of a GDAL GeoJSON into one line of the report', async () => {
    const page = s.page;
    await page.getByTestId('setup-grids-file').setInputFiles(fixture('chenghu-grids-gdal.geojson'));
    await expect
      .poll(() => page.getByTestId('setup-grids-summary').textContent(), { timeout: 60_000 })
      .toContain('共 86 个要素');
    await page.getByTestId('setup-teams-file').setInputFiles(fixture('teams.xlsx'));
    await page.getByTestId('setup-officers-file').setInputFiles(fixture('officers.xlsx'));
    await page.getByTestId('setup-check').click();
    await expect
      .poll(() => page.getByTestId('setup-verdict').textContent(), { timeout: 60_000 })
      .toBe('没有错误，可以导入');
    const lines = await page.getByTestId('setup-report').locator('li').allTextContents();
    const rings = lines.filter((l) => l.includes('环方向相反'));
    expect(rings).toEqual([
      'chenghu-grids-gdal.geojson 第 1 个要素有 1 个环方向相反（首个为第 1 个环），可自动调整方向' +
        '（同类共 86 条，涉及第 1、2、3、4、5 个要素等）',
    ]);
    await page.getByTestId('setup-report').scrollIntoViewIfNeeded();
    await screenshot(page, 'centre-setup-folded-report');
  });

  it('writes the set-up from the import worker, and the map shows its grids', async () => {
    const page = s.page;
    await page.getByTestId('setup-commit').click();
    await page.getByTestId('signed-in-account').waitFor({ timeout: 60_000 });
    await mapIdle(page);
    await expect.poll(() => page.getByTestId('stat-grids').textContent()).toContain('86');
    expect(await page.getByTestId('township-name').textContent()).toContain('澄湖镇');
  });
});
