/**
 * Big and hostile files: a zip-bomb backup is refused by name before it is unpacked, and a 50 MB
 * 12345 export is read in the import worker with progress the page keeps painting, and Cancel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { deflatedEntry, deflatedZeros, writeForgedZip } from '../../shared/zip/test-zip';
import { writeBigExport } from '../bench/import-12345-file';
import { mapIdle, openApp, screenshot, type Session } from './driver';

async function openTool(s: Session, tool: 'import' | 'backup'): Promise<void> {
  await s.page.getByTestId('tools-button').click();
  await s.page.getByTestId(`tools-${tool}`).click();
}

/**
 * Starts collecting every text the work-progress line shows (a MutationObserver in the page; a
 * string, as the Node side has no DOM types). Texts are only recorded when the page renders them.
 */
async function recordProgress(s: Session): Promise<void> {
  await s.page.evaluate(`(() => {
    const seen = [];
    window.__progress = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="work-progress-text"]')?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function progressSeen(s: Session): Promise<string[]> {
  return s.page.evaluate<string[]>('window.__progress');
}

describe('big and hostile files', () => {
  let s: Session;
  let bigCsv: Awaited<ReturnType<typeof writeBigExport>>;
  beforeAll(async () => {
    [s, bigCsv] = await Promise.all([openApp({ signIn: 'leader' }), writeBigExport()]);
    await mapIdle(s.page);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it('refuses a 7 MB backup holding a 1 GiB backup.json, and one whose attachment lies about its size', async () => {
    const { page } = s;
    await openTool(s, 'backup');
    const bomb = writeForgedZip([
      { name: 'backup.json', data: deflatedZeros(2 ** 30), method: 8, declaredSize: 2 ** 30 },
    ]);
    await page.getByTestId('backup-file').setInputFiles({
      name: 'griddesk-backup-bomb.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(bomb),
    });
    await expect
      .poll(() => page.getByTestId('backup-problem').textContent(), { timeout: 30_000 })
      .toBe('griddesk-backup-bomb.zip 中的“backup.json”解压后为 1024 MB，超过单个文件上限 256 MB，未解压');

    const liar = writeForgedZip([
      deflatedEntry('backup.json', strToU8('{}')),
      { name: 'attachments/att-1/file', data: deflatedZeros(2 ** 30), method: 8, declaredSize: 4 },
    ]);
    await page.getByTestId('backup-file').setInputFiles({
      name: 'liar.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(liar),
    });
    await expect
      .poll(() => page.getByTestId('backup-problem').textContent(), { timeout: 30_000 })
      .toContain('liar.zip 中的“attachments/att-1/file”实际内容与其声明的大小（4 字节）不符');
    expect(await page.getByTestId('backup-summary').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('reads a 50 MB export in the worker with progress, and Cancel stops it with nothing read', async () => {
    const { page } = s;
    await openTool(s, 'import');
    expect(await page.getByTestId('import-limits').textContent()).toBe(
      '可导入 CSV 不超过 100 MB、Excel 不超过 100 MB，最多 300,000 行',
    );
    await recordProgress(s);
    await page.getByTestId('import-file').setInputFiles(bigCsv.path);
    await page.getByTestId('work-progress-text').filter({ hasText: '已读' }).waitFor({ timeout: 60_000 });
    // At once: the file reads in about a second, and Cancel is only there while the worker works.
    await page.getByTestId('work-cancel').click();
    await expect
      .poll(() => page.getByTestId('import-file-error').textContent())
      .toBe(`已取消，griddesk-bench-12345-50mb.csv 未导入`);
    expect(await page.getByTestId('work-progress').count()).toBe(0);
    expect(await page.getByTestId('import-summary').count()).toBe(0);
  });

  it('reads all of it, painting progress as it goes, and previews every row', async () => {
    const { page } = s;
    if ((await page.getByTestId('import-dialog').count()) === 0) await openTool(s, 'import');
    await recordProgress(s);
    await page.getByTestId('import-file').setInputFiles(bigCsv.path);
    try {
      await page.getByTestId('import-summary').waitFor({ timeout: 240_000 });
    } finally {
      await screenshot(page, 'import-big');
      console.log('progress shown:', (await progressSeen(s)).slice(-8), s.consoleErrors);
    }
    expect(await page.getByTestId('import-summary').textContent()).toMatch(
      new RegExp(`^共 ${bigCsv.rows} 行：`),
    );
    const seen = await progressSeen(s);
    // The page painted the reading progress several times while the worker read: the UI thread was free.
    const reading = seen.filter((text) => text.startsWith('正在读取'));
    expect(new Set(reading).size).toBeGreaterThanOrEqual(3);
    expect(reading.at(-1)).toContain(`/ 50.0 MB`);
    expect(seen.some((text) => text.startsWith('正在按字段对应检查'))).toBe(true);
    // 5 in 40 sample calls are broken; the list shows the first 300 and counts the rest.
    const items = page.getByTestId('import-rejected').locator('li');
    expect(await items.count()).toBe(301);
    expect(await items.last().textContent()).toMatch(/另有 \d+ 条未列出/);
  }, 300_000);
});
