/**
 * The workspace tools: importing a 12345 export with bad rows, checking the record (and catching a
 * tampered event), and the indicators.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { inputOf, mapIdle, openApp, screenshot, signIn, type Session } from './driver';

const sampleExport = (name: string) =>
  fileURLToPath(new URL(`../../resources/samples/${name}`, import.meta.url));

async function openTool(
  s: Session,
  tool: 'import' | 'record' | 'indicators' | 'settings' | 'backup' | 'accounts',
): Promise<void> {
  await s.page.getByTestId('tools-button').click();
  await s.page.getByTestId(`tools-${tool}`).click();
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

  it('verifies the whole record against its head, and names an event altered behind its back', async () => {
    await openTool(s, 'record');
    const count = Number(await s.page.getByTestId('record-head-count').textContent());
    expect(count).toBeGreaterThan(20_000);
    await s.page.getByTestId('record-start').click();
    await expect
      .poll(() => s.page.getByTestId('record-outcome').textContent(), { timeout: 60_000 })
      .toContain(`记录完整：共 ${count} 条`);
    await screenshot(s.page, 'record');

    // Someone edits event 100 directly in IndexedDB (not through GridDesk).
    await s.page.evaluate(
      () =>
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
          const open = idb.open('griddesk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('events', 'readwrite');
            const store = tx.objectStore('events');
            const get = store.get(100);
            get.onsuccess = () => {
              store.put({ ...(get.result as object), at: (get.result as { at: number }).at - 3_600_000 });
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
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
