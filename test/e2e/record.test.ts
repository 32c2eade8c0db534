/**
 * The record's outside anchor and its start-up alarm: checking the record against a head noted
 * earlier (typed, or read from an exported backup), and a chain head deleted behind GridDesk's back
 * raised at start-up on the workstation and the wall, with nothing rebuilt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, appDbName, inputOf, mapIdle, openApp, screenshot, signIn, type Session } from './driver';

/** One request on one object store of the app's IndexedDB: get or delete a key, or count the rows. */
async function idb(
  page: Page,
  store: string,
  op: 'get' | 'delete' | 'count',
  key?: string | number,
): Promise<unknown> {
  const dbName = await appDbName(page);
  return page.evaluate(
    ({ store, op, key, dbName }) =>
      new Promise<unknown>((resolve, reject) => {
        interface Request {
          result: unknown;
          error: unknown;
          onsuccess: (() => void) | null;
          onerror: (() => void) | null;
        }
        interface Db {
          transaction(
            name: string,
            mode: string,
          ): {
            objectStore(name: string): Record<'get' | 'delete' | 'count', (key?: unknown) => Request>;
          };
          close(): void;
        }
        const factory = (globalThis as unknown as { indexedDB: { open(name: string): Request } }).indexedDB;
        const open = factory.open(dbName);
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result as Db;
          const objects = db
            .transaction(store, op === 'delete' ? 'readwrite' : 'readonly')
            .objectStore(store);
          const request = key === undefined ? objects[op]() : objects[op](key);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
    { store, op, key, dbName },
  );
}

async function openRecordTool(page: Page): Promise<void> {
  await page.getByTestId('tools-button').click();
  await page.getByTestId('tools-record').click();
  await page.getByTestId('record-anchor').waitFor();
}

async function compare(page: Page, count: number | string, hash: string): Promise<string> {
  await inputOf(page, 'anchor-count').fill(String(count));
  await inputOf(page, 'anchor-hash').fill(hash);
  await page.getByTestId('anchor-check').click();
  const outcome = page.getByTestId('anchor-outcome');
  await outcome.waitFor({ timeout: 60_000 });
  return (await outcome.textContent())?.trim() ?? '';
}

describe('the record against a head noted outside the PC', () => {
  let s: Session;
  let count = 0;
  beforeAll(async () => {
    s = await openApp({ signIn: 'leader' });
    await mapIdle(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says the record extends a head noted earlier, and from which event it does not extend another', async () => {
    await openRecordTool(s.page);
    count = Number(await s.page.getByTestId('record-head-count').textContent());
    expect(count).toBeGreaterThan(20_000);
    const earlier = (await idb(s.page, 'events', 'get', count - 10)) as { hash: string };
    expect(await compare(s.page, count - 10, earlier.hash.toUpperCase())).toBe(
      `当前记录是记下链头的延续：前 ${(count - 10).toLocaleString('zh-CN')} 条事件均未改动，此后新增 10 条`,
    );
    expect(await compare(s.page, count - 10, 'ab'.repeat(32))).toContain(
      `当前记录不是记下链头的延续：第 ${(count - 10).toLocaleString('zh-CN')} 条事件的哈希与记下的不同`,
    );
    const current = (await s.page.getByTestId('record-head-hash').textContent())?.trim() ?? '';
    expect(await compare(s.page, count + 5, current)).toBe(
      `当前记录不是记下链头的延续：记录只有 ${count.toLocaleString('zh-CN')} 条事件，从第 ${(count + 1).toLocaleString('zh-CN')} 条起缺失`,
    );
    await inputOf(s.page, 'anchor-hash').fill('not a hash');
    await s.page.getByTestId('anchor-check').click();
    await expect
      .poll(() => s.page.getByTestId('anchor-problem').textContent())
      .toBe('哈希须为 64 位十六进制数字');
    await s.page.keyboard.press('Escape');
  });

  it('reads the head out of a backup exported earlier and checks the record against it', async () => {
    await s.page.getByTestId('tools-button').click();
    await s.page.getByTestId('tools-backup').click();
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByTestId('backup-export').click(),
    ]);
    const file = `${ARTIFACTS}record-anchor-backup.zip`;
    await download.saveAs(file);
    await s.page.keyboard.press('Escape');

    await openRecordTool(s.page);
    await expect
      .poll(() => s.page.getByTestId('anchor-last-backup').textContent())
      .toContain(`${count.toLocaleString('zh-CN')} 条事件`);
    await s.page.getByTestId('anchor-file').setInputFiles(file);
    await expect
      .poll(() => s.page.getByTestId('anchor-outcome').textContent(), { timeout: 60_000 })
      .toContain(
        `当前记录是记下链头的延续：前 ${count.toLocaleString('zh-CN')} 条事件均未改动，此后新增 0 条`,
      );
    expect(await inputOf(s.page, 'anchor-count').inputValue()).toBe(String(count));
    await screenshot(s.page, 'record-anchor');
    await s.page.keyboard.press('Escape');
  });

  it('raises a deleted chain head at start-up on the workstation and the wall, and rebuilds nothing', async () => {
    const events = (await idb(s.page, 'events', 'count')) as number;
    expect(events).toBe(count);
    await idb(s.page, 'meta', 'delete', 'chainHead');
    await s.page.reload();
    const text = `链头缺失：记录有 ${events.toLocaleString('zh-CN')} 条事件但没有链头`;
    // Shown on the sign-in screen already, before anyone signs in.
    await s.page.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await expect.poll(() => s.page.getByTestId('record-alarm').textContent()).toContain(text);
    expect(await s.page.getByTestId('record-alarm').textContent()).toContain('执法记录异常');
    await signIn(s.page, 'leader');
    await screenshot(s.page, 'record-alarm-workstation');
    expect(await idb(s.page, 'meta', 'get', 'chainHead')).toBeUndefined();
    expect(await idb(s.page, 'events', 'count')).toBe(events);

    const wall = await s.page.context().newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto(`${s.server.url}?view=wall`);
    await wall.getByTestId('sign-in').waitFor({ timeout: 90_000 });
    await signIn(wall, 'viewer');
    await expect
      .poll(() => wall.getByTestId('wall').getByTestId('record-alarm').textContent())
      .toContain(text);
    await mapIdle(wall);
    await screenshot(wall, 'record-alarm-wall');
    expect(await idb(wall, 'meta', 'get', 'chainHead')).toBeUndefined();
    await wall.close();
  });
});
