/**
 * The workspace tools: importing a 12345 export with bad rows, checking the record (and catching a
 * tampered event), and the indicators.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  appDbName,
  inputOf,
  mapIdle,
  openApp,
  screenshot,
  signIn,
  storedRecords,
  type Session,
} from './driver';
import {
  REAL_HOTLINE_SAMPLE_FILES,
  REAL_HOTLINE_UNMATCHED,
  buildRealHotlineSample,
} from '../../shared/import/sample-export-hotline';
import type { TownshipDataset } from '../../shared/model/dataset';
import type { Case } from '../../shared/model/case';
import { readXlsx } from '../../shared/import/xlsx';

const sampleExport = (name: string) =>
  fileURLToPath(new URL(`../../resources/samples/${name}`, import.meta.url));

async function openTool(
  s: Session,
  tool: 'import' | 'record' | 'indicators' | 'settings' | 'backup' | 'accounts',
): Promise<void> {
  await s.page.getByTestId('tools-button').click();
  await s.page.getByTestId(`tools-${tool}`).click();
}

/** What the import dialog's mini map has drawn (see ImportPreviewMap.vue), once it has settled. */
async function previewDrawn(s: Session): Promise<{ inside: number; outside: number }> {
  return s.page.evaluate(async () => {
    interface Probe {
      idle(): Promise<void>;
      drawn(): { inside: number; outside: number };
    }
    const probe = (globalThis as unknown as { __griddeskImportPreview?: Probe }).__griddeskImportPreview;
    if (!probe) return { inside: -1, outside: -1 };
    await probe.idle();
    return probe.drawn();
  });
}

/**
 * Picks a matter in the category table's select for one category: types what an operator would (a word
 * of the matter search), checks the first option is the matter with `code`, and takes it with Enter.
 */
async function mapCategory(s: Session, category: string, typed: string, code: string): Promise<void> {
  const row = s.page.locator(`[data-testid="import-category-row"][data-category="${category}"]`);
  await row.getByTestId('import-category-matter').click();
  await s.page.keyboard.type(typed);
  const first = s.page.locator('.el-select-dropdown__item:visible').first();
  await expect.poll(async () => (await first.count()) > 0 && (await first.textContent())).toContain(code);
  await s.page.keyboard.press('Enter');
}

async function openCount(s: Session): Promise<number> {
  return Number((await s.page.getByTestId('stat-open-cases').textContent())?.match(/\d+/)?.[0]);
}

describe('workspace tools', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports a 12345 CSV export: names each bad row and why, and imports the rest only when told to', async () => {
    const before = await openCount(s);
    await openTool(s, 'import');
    await s.page.getByTestId('import-file').setInputFiles(sampleExport('12345-export.csv'));
    // The sample export has 40 work orders: 5 deliberately broken, 1 with an address but no coordinates.
    await expect
      .poll(() => s.page.getByTestId('import-summary').textContent())
      .toContain('共 40 行：可导入 34 行，退回 5 行');
    expect(await s.page.getByTestId('import-unplaced').textContent()).toContain('1 条工单没有坐标');
    const rejected = s.page.getByTestId('import-rejected').locator('li');
    expect(await rejected.count()).toBeGreaterThanOrEqual(5);
    const texts = (await rejected.allTextContents()).join('\n');
    expect(texts).toContain('12345-export.csv 第');
    expect(texts).toMatch(/工单编号“[^”]+”与第 \d+ 行重复/);
    // With rows sent back, nothing is imported until the operator accepts a partial import.
    expect(await s.page.getByTestId('import-run').isDisabled()).toBe(true);
    await s.page.getByTestId('import-partial').click();
    await screenshot(s.page, 'import');
    await s.page.getByTestId('import-run').click();
    await expect
      .poll(() => s.page.locator('.el-message--success').last().textContent())
      .toContain('已导入 34 条工单');
    await expect.poll(() => openCount(s)).toBe(before + 34);
  });

  it('refuses the same export a second time, in Excel form: every work order is already there', async () => {
    await openTool(s, 'import');
    await s.page.getByTestId('import-file').setInputFiles(sampleExport('12345-export.xlsx'));
    await expect.poll(() => s.page.getByTestId('import-summary').textContent()).toContain('可导入 0 行');
    expect(await s.page.getByTestId('import-rejected').textContent()).toContain('已经导入过');
    expect(await s.page.getByTestId('import-run').isDisabled()).toBe(true);
    await s.page.keyboard.press('Escape');
  });

  it('imports a hotline-shaped export: asks for the coordinate system, maps the catch-all category once, shows the points, files each case in its grid', async () => {
    const township = JSON.parse(
      await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8'),
    ) as TownshipDataset;
    const calls = buildRealHotlineSample(township);
    const before = await openCount(s);
    await openTool(s, 'import');
    await s.page.getByTestId('import-file').setInputFiles(sampleExport(REAL_HOTLINE_SAMPLE_FILES.csv));
    // No column says which system the 经度/纬度 are in: the dialog asks and offers nothing to import yet.
    await s.page.getByTestId('import-crs-ask').waitFor();
    expect(await s.page.getByTestId('import-source').textContent()).toContain('新来源');
    expect(await s.page.getByTestId('import-crs-pending').isVisible()).toBe(true);
    expect(await s.page.getByTestId('import-run').isDisabled()).toBe(true);
    expect(await s.page.getByTestId('import-crs-gcj02').textContent()).toContain(
      `${calls.length}/${calls.length} 个点在澄湖镇（示例）内`,
    );
    expect(await s.page.getByTestId('import-crs-suggested').count()).toBe(1);
    expect(await s.page.getByTestId('import-crs-gcj02').getByTestId('import-crs-suggested').count()).toBe(1);
    const wgsInside = Number(
      (await s.page.getByTestId('import-crs-wgs84').textContent())?.match(/(\d+)\/\d+ 个点/)?.[1],
    );
    expect(wgsInside).toBeLessThan(calls.length);

    // Every hotline category matched through the synonym table but the local catch-all, asked once.
    const categoryRows = s.page.getByTestId('import-category-row');
    expect(await categoryRows.count()).toBe(1);
    const unmatchedRows = calls.filter((c) => c.category === REAL_HOTLINE_UNMATCHED.category).length;
    const cells = (await categoryRows.first().locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(0, 2)).toEqual([REAL_HOTLINE_UNMATCHED.category, String(unmatchedRows)]);

    // Read as WGS84 (the old silent default): the preview sends the catch-all rows back, and the map shows
    // points pushed out of the township.
    await s.page.getByTestId('import-crs-wgs84').click();
    await expect
      .poll(() => s.page.getByTestId('import-summary').textContent())
      .toContain(
        `共 ${calls.length} 行：可导入 ${calls.length - unmatchedRows} 行，退回 ${unmatchedRows} 行`,
      );
    expect(await s.page.getByTestId('import-crs-ask').count()).toBe(0);
    // 垃圾: a word people use for 对随意倾倒、抛撒、堆放生活垃圾的行政处罚 (CG-005), as in intake.
    await mapCategory(s, REAL_HOTLINE_UNMATCHED.category, '垃圾', REAL_HOTLINE_UNMATCHED.matterCode);
    await expect
      .poll(() => previewDrawn(s))
      .toEqual({ inside: wgsInside, outside: calls.length - wgsInside });
    // Read as GCJ-02, every point is back inside, and every row imports.
    await s.page.getByTestId('import-crs-gcj02').click();
    await expect.poll(() => previewDrawn(s)).toEqual({ inside: calls.length, outside: 0 });
    await expect
      .poll(() => s.page.getByTestId('import-summary').textContent())
      .toContain(`共 ${calls.length} 行：可导入 ${calls.length} 行，退回 0 行`);
    await screenshot(s.page, 'import-hotline');
    await s.page.getByTestId('import-run').click();
    await expect
      .poll(() => s.page.locator('.el-message--success').last().textContent())
      .toContain(`已导入 ${calls.length} 条工单`);
    await expect.poll(() => openCount(s)).toBe(before + calls.length);

    const stored = new Map(
      (await storedRecords<Case>(s.page, 'cases')).map((c) => [c.externalRef ?? '', c] as const),
    );
    for (const call of calls) {
      expect(stored.get(call.ref), call.ref).toMatchObject({
        gridCode: call.gridCode,
        matterCode: call.matterCode,
        description: call.description,
        source: 'hotline',
      });
    }

    // The same source again: the coordinate system and the category are remembered, not asked.
    await openTool(s, 'import');
    await s.page.getByTestId('import-file').setInputFiles(sampleExport(REAL_HOTLINE_SAMPLE_FILES.csv));
    await s.page.getByTestId('import-crs-remembered').waitFor();
    expect(await s.page.getByTestId('import-source').textContent()).toContain(REAL_HOTLINE_SAMPLE_FILES.csv);
    expect(await s.page.getByTestId('import-crs-gcj02').locator('input').isChecked()).toBe(true);
    expect(await s.page.getByTestId('import-category-row').first().textContent()).toContain('上次的选择');
    await expect.poll(() => s.page.getByTestId('import-summary').textContent()).toContain('可导入 0 行');
    expect(await s.page.getByTestId('import-rejected').textContent()).toContain('已经导入过');
    expect(await s.page.getByTestId('import-rejected').textContent()).not.toContain('对应不到任何执法事项');
    await s.page.keyboard.press('Escape');
  });

  it('verifies the whole record against its head, and names an event altered behind its back', async () => {
    await openTool(s, 'record');
    const count = Number(await s.page.getByTestId('record-head-count').textContent());
    expect(count).toBeGreaterThan(20_000);
    await s.page.getByTestId('record-start').click();
    await expect
      .poll(() => s.page.getByTestId('record-outcome').textContent(), { timeout: 60_000 })
      .toContain(`记录完整：共 ${count} 条`);
    await screenshot(s.page, 'record');

    // Someone edits what event 100 carried, directly in IndexedDB (not through GridDesk).
    const dbName = await appDbName(s.page);
    await s.page.evaluate(
      (dbName) =>
        new Promise<void>((resolve, reject) => {
          interface Request<T> {
            result: T;
            error: unknown;
            onsuccess: (() => void) | null;
            onerror: (() => void) | null;
          }
          interface Store {
            get(key: number): Request<unknown>;
            put(value: unknown): void;
          }
          interface Db {
            transaction(name: string, mode: string): Tx;
            close(): void;
          }
          interface Tx {
            objectStore(name: string): Store;
            oncomplete: (() => void) | null;
            onerror: (() => void) | null;
            error: unknown;
          }
          const idb = (globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } }).indexedDB;
          const open = idb.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('events', 'readwrite');
            const store = tx.objectStore('events');
            const get = store.get(100);
            get.onsuccess = () => {
              // The payload, not a top-level field: the hash must cover what the action carried too.
              const event = get.result as { action: { payload?: Record<string, unknown> } };
              const payload = { ...event.action.payload, note: '事后补写' };
              store.put({ ...event, action: { ...event.action, payload } });
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      dbName,
    );
    await s.page.getByTestId('record-start').click();
    await expect
      .poll(() => s.page.getByTestId('record-outcome').textContent(), { timeout: 60_000 })
      .toBe('第 100 条记录内容被改动');
    await s.page.keyboard.press('Escape');
  });

  it('shows the indicators for the township, each team and the whistled departments', async () => {
    await openTool(s, 'indicators');
    await s.page.getByTestId('indicators-overall').waitFor();
    const overall = await s.page.getByTestId('indicators-overall').locator('td').allTextContents();
    expect(overall[0]).toBe('全镇');
    expect(Number(overall[1])).toBeGreaterThan(0);
    expect(overall[2]).toMatch(/^\d+\.\d%$/);
    expect(await s.page.getByTestId('indicators-departments').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(s.page, 'indicators');
  });

  it('exports the indicators shown to an XLSX file with the same figures, and Escape closes the dialog', async () => {
    const { page } = s;
    const shownRows = async (testId: string) => {
      const rows = page.getByTestId(testId).locator('tbody tr');
      const all: string[][] = [];
      for (let i = 0; i < (await rows.count()); i += 1)
        all.push(await rows.nth(i).locator('td').allTextContents());
      return all;
    };
    const shown = await shownRows('indicators-table');
    const departments = await shownRows('indicators-departments');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('indicators-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^griddesk-indicators-30d-\d{8}-\d{4}\.xlsx$/);
    const read = readXlsx(
      new Uint8Array(await readFile(await download.path())),
      download.suggestedFilename(),
    );
    if (!read.ok) throw new Error(`the export does not open: ${read.key}`);
    expect(read.sheetName).toBe('考核指标');
    const sheet = read.records.map((r) => r.cells.map(String));
    expect(sheet[0]![0]).toMatch(/考核指标 · 近 30 天/);
    expect(sheet[1]).toContain('结案率（%）');
    // Every row of the dialog, in the same order and with the same figures (the sheet holds numbers).
    const asShown = (cell: string) =>
      cell
        .trim()
        .replace(/%$/, '')
        .replace(/ 小时$/, '')
        .replace(/^—$/, '');
    const indicatorRows = sheet.slice(2, 2 + shown.length);
    expect(
      indicatorRows.map((r) => r.map((c) => (Number.isFinite(Number(c)) && c !== '' ? Number(c) : c))),
    ).toEqual(
      shown.map((r) => r.map(asShown).map((c) => (c !== '' && Number.isFinite(Number(c)) ? Number(c) : c))),
    );
    const departmentRows = sheet.slice(-departments.length);
    expect(departmentRows.map((r) => r[0])).toEqual(departments.map((r) => r[0]));
    expect(departmentRows.map((r) => Number(r[1]))).toEqual(departments.map((r) => Number(r[1])));
    await page.keyboard.press('Escape');
    await page.getByTestId('indicators-dialog').waitFor({ state: 'detached' });
  });
});

describe('centre settings', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ signIn: 'leader' });
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lets the shift leader change the calendar, naming a bad date, and keeps the change', async () => {
    await openTool(s, 'settings');
    const holidays = inputOf(s.page, 'settings-holidays');
    const before = await holidays.inputValue();
    await holidays.fill(`${before}\n2026-02-30`);
    await s.page.getByTestId('settings-save').click();
    await expect
      .poll(() => s.page.getByTestId('settings-issues').textContent())
      .toContain('“2026-02-30”应为真实的 YYYY-MM-DD 日期');
    await holidays.fill(`${before}\n2026-12-31`);
    await s.page.getByTestId('settings-save').click();
    await expect
      .poll(() => s.page.locator('.el-message--success').last().textContent())
      .toContain('中心设置已保存');
    await openTool(s, 'settings');
    expect(await inputOf(s.page, 'settings-holidays').inputValue()).toContain('2026-12-31');
    await screenshot(s.page, 'settings');
  });
  it('lets the shift leader add an operator, who then signs in, and disable the wall account', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await openTool(s, 'accounts');
    await inputOf(page, 'accounts-username').fill('zhangwei');
    await inputOf(page, 'accounts-name').fill('值班员 张伟');
    await inputOf(page, 'accounts-password').fill('short');
    await page.getByTestId('accounts-create').click();
    await expect
      .poll(() => page.getByTestId('accounts-issues').textContent())
      .toContain('密码至少需要 8 个字符');
    await inputOf(page, 'accounts-password').fill('Zhang-2026');
    await page.getByTestId('accounts-create').click();
    await page.getByTestId('account-zhangwei').waitFor();
    await page.getByTestId('account-toggle-wall').click();
    await expect.poll(() => page.getByTestId('account-wall').textContent()).toContain('已停用');
    await screenshot(page, 'accounts');
    await page.keyboard.press('Escape');
    await page.getByTestId('sign-out').click();
    await inputOf(page, 'sign-in-username').fill('zhangwei');
    await inputOf(page, 'sign-in-password').fill('Zhang-2026');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('signed-in-account').textContent()).toContain('值班员 张伟');
    await page.getByTestId('sign-out').click();
    await inputOf(page, 'sign-in-username').fill('wall');
    await inputOf(page, 'sign-in-password').fill('wall2026');
    await page.getByTestId('sign-in-submit').click();
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toBe('该账号已停用，请联系带班领导');
  });
});

describe('backup and restore', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ signIn: 'leader' });
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('exports a backup carrying the chain head, refuses a cut-short copy by name, and restores the good one', async () => {
    const { page } = s;
    await openTool(s, 'backup');
    const count = Number(await page.getByTestId('backup-head-count').textContent());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^griddesk-backup-\\d{8}-\\d{4}-${count}-[0-9a-f]{8}\\.zip$`),
    );
    const archive = new Uint8Array(await readFile(await download.path()));
    const entries = unzipSync(archive);
    const backup = JSON.parse(strFromU8(entries['backup.json']!)) as {
      chainHead: { count: number };
      events: unknown[];
    };
    expect(backup.chainHead.count).toBe(count);
    expect(backup.events).toHaveLength(count);

    // The same archive with the newest event cut off is refused, by name.
    const cut = zipSync({
      'backup.json': strToU8(JSON.stringify({ ...backup, events: backup.events.slice(0, -1) })),
    });
    await page.getByTestId('backup-file').setInputFiles({
      name: 'cut.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(cut),
    });
    await expect
      .poll(() => page.getByTestId('backup-problem').textContent(), { timeout: 30_000 })
      .toContain(`记录被截断：链头记为 ${count} 条，实有 ${count - 1} 条`);

    await page.getByTestId('backup-file').setInputFiles({
      name: 'good.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(archive),
    });
    await page.getByTestId('backup-summary').waitFor({ timeout: 30_000 });
    // The backup's head stands beside this PC's before anything is replaced.
    expect(await page.getByTestId('backup-current-count').textContent()).toBe(String(count));
    expect(await page.getByTestId('backup-candidate-count').textContent()).toBe(String(count));
    await screenshot(page, 'backup');
    await page.getByTestId('backup-restore').click();
    // Everything was replaced, accounts included: sign in again.
    await page.getByTestId('sign-in').waitFor({ timeout: 60_000 });
    await signIn(page, 'leader');
    await openTool(s, 'record');
    expect(Number(await page.getByTestId('record-head-count').textContent())).toBe(count);
    await page.getByTestId('record-start').click();
    await expect
      .poll(() => page.getByTestId('record-outcome').textContent(), { timeout: 60_000 })
      .toBe(`记录完整：共 ${count} 条，均未被改动`);
  });
});
