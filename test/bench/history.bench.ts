/**
 * `npm run bench -- history`: 导入历史案件 of issue 12 on a generated case export of 200,000 rows
 * (history-file.ts: GridDesk's own cases CSV, 75 MB, written once into the temp folder), driven through
 * the dialog in real Chromium on the bench build (GRIDDESK_BENCH=1, built first), signed in as the
 * sample's shift leader: the file picked (read in the history worker, and its points counted per
 * coordinate system) → WGS84 chosen (every row checked there) → 导入 confirmed (the rows written into the
 * centre from that worker, progress n / N in the dialog) → 导入记录 open again. Figures: the wall time
 * of each step and the longest main-thread task in it (a PerformanceObserver 'longtask' in the page).
 * Baseline, same page, after the import: the same file parsed by the table reader alone on the page's
 * thread, and rows of the same shape and count put with one bare Dexie bulkAdd into a scratch
 * database with the same indexes (renderer/bench/history-probe.ts). Goal: no main-thread task over
 * 100 ms. Takes the e2e lock: `flock /tmp/e2e.lock npm run bench -- history` (GRIDDESK_HISTORY_ROWS
 * sets the number of rows).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startWebServer } from '../../scripts/web-server';
import { launchChromium } from '../e2e/browser';
import { appDbName, signIn } from '../e2e/driver';
import { writeHistoryFile } from './history-file';
import { LONG_TASKS, listed, longest, tasksIn } from './long-tasks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/renderer-bench', import.meta.url));
const MB = 1024 * 1024;
const LONG = 900_000;

type Span = { readonly start: number; readonly end: number };

const pageNow = (page: Page): Promise<number> => page.evaluate<number>('performance.now()');

/** How many rows the centre's historyCases table holds (page code as a string: no DOM types here). */
async function storedHistory(page: Page): Promise<number> {
  const name = JSON.stringify(await appDbName(page));
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const open = indexedDB.open(${name});
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const count = open.result.transaction('historyCases', 'readonly').objectStore('historyCases').count();
      count.onsuccess = () => { open.result.close(); resolve(count.result); };
      count.onerror = () => reject(new Error(String(count.error)));
    };
  })`);
}

interface Baseline {
  readonly parse: Span;
  readonly write: Span;
  readonly rows: number;
}

export async function benchHistory(): Promise<Record<string, number>> {
  console.log('  building the bench renderer (GRIDDESK_BENCH=1)');
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, GRIDDESK_BENCH: '1' },
    stdio: 'inherit',
  });
  const file = await writeHistoryFile(Number(process.env.GRIDDESK_HISTORY_ROWS ?? '') || undefined);
  console.log(`\nhistory: ${file.rows} rows, CSV ${(file.bytes / MB).toFixed(1)} MiB (${file.path})`);
  const server = await startWebServer({ root: DIST });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(LONG_TASKS);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`  [page] ${String(e)}`));
    await page.goto(server.url);
    // The first start seeds the sample: wait for it, so the import has the machine to itself.
    await page.getByTestId('sign-in').waitFor({ timeout: 300_000 });
    await signIn(page, 'leader');
    await page.waitForFunction(
      () => (globalThis as { __griddeskBench?: unknown }).__griddeskBench !== undefined,
    );
    // A quiet page first: until 3 s pass without a long task (the app's own start-up work done).
    const quietStart = Date.now();
    for (;;) {
      const now = await pageNow(page);
      const recent = await tasksIn(page, { start: now - 3000, end: now });
      if (recent.length === 0 || Date.now() - quietStart > 60_000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-imports').click();
    await page.getByTestId('imports-history').click();

    // HISTORY_PROFILE=path: a CPU profile of the page's thread from the pick to the end of the write.
    const profile = process.env.HISTORY_PROFILE;
    const cdp = profile === undefined ? null : await context.newCDPSession(page);
    if (cdp !== null) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const readStart = await pageNow(page);
    await page.getByTestId('history-file').setInputFiles(file.path);
    await page.getByTestId('import-crs-wgs84').waitFor({ timeout: LONG });
    const read: Span = { start: readStart, end: await pageNow(page) };

    const checkStart = await pageNow(page);
    await page.getByTestId('import-crs-wgs84').click();
    await page.getByTestId('history-counts').waitFor({ timeout: LONG });
    const check: Span = { start: checkStart, end: await pageNow(page) };
    const counts = (await page.getByTestId('history-counts').textContent()) ?? '';

    await page.getByTestId('history-import').click();
    const writeStart = await pageNow(page);
    await page.locator('.el-message-box__btns .el-button--primary').click();
    // What the dialog says while the worker writes (read every 200 ms; the bench may sleep, a test may not).
    const seen: string[] = [];
    while (!(await page.getByTestId('imports-dialog').isVisible())) {
      const text = await page
        .getByTestId('history-writing')
        .textContent({ timeout: 200 })
        .catch(() => null);
      if (text !== null && !seen.includes(text.trim())) seen.push(text.trim());
      await new Promise((r) => setTimeout(r, 200));
      if ((await pageNow(page)) - writeStart > LONG) throw new Error('the write did not end');
    }
    const write: Span = { start: writeStart, end: await pageNow(page) };
    if (cdp !== null && profile !== undefined) {
      const { profile: taken } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(profile, JSON.stringify(taken));
      console.log(`  CPU profile of the page's thread in ${profile}`);
    }
    const stored = await storedHistory(page);

    const readTasks = await tasksIn(page, read);
    const checkTasks = await tasksIn(page, check);
    const writeTasks = await tasksIn(page, write);

    // The baseline, in the same page once the import is done.
    await page.evaluate(
      `(() => { const input = document.createElement('input'); input.type = 'file'; input.id = 'bench-history-file'; document.body.append(input); })()`,
    );
    await page.setInputFiles('#bench-history-file', file.path);
    const base = await page.evaluate<Baseline>(
      `globalThis.__griddeskBench.historyBaseline(document.getElementById('bench-history-file').files[0])`,
    );

    const ms = (span: Span): number => span.end - span.start;
    const step = (label: string, span: Span, tasks: [number, number][]): void =>
      console.log(
        `  ${label.padEnd(58)} ${(ms(span) / 1000).toFixed(1).padStart(6)} s  longest main-thread task ${longest(tasks).toFixed(0)} ms`,
      );
    step('read in the history worker (and the points counted)', read, readTasks);
    step('checked there (report and counts to the UI thread)', check, checkTasks);
    step('written there into the centre (导入, as the leader)', write, writeTasks);
    console.log(`  report: ${counts}`);
    console.log(
      `  stored ${stored} history cases; write progress seen: ${seen.slice(0, 4).join(' | ')}${seen.length > 4 ? ` … (${seen.length})` : ''}`,
    );
    console.log(`  main-thread long tasks during the read: ${listed(readTasks)}`);
    console.log(`  main-thread long tasks during the check: ${listed(checkTasks)}`);
    console.log(`  main-thread long tasks during the write: ${listed(writeTasks)}`);
    console.log(
      `  baseline on the page's thread: the table reader alone ${(ms(base.parse) / 1000).toFixed(1)} s, one bare Dexie bulkAdd of ${base.rows} rows ${(ms(base.write) / 1000).toFixed(1)} s`,
    );
    const worst = Math.max(longest(readTasks), longest(checkTasks), longest(writeTasks));
    console.log(
      `  ratios: read ${(ms(read) / ms(base.parse)).toFixed(2)}× the reader alone, write ${(ms(write) / ms(base.write)).toFixed(2)}× the bare bulkAdd`,
    );
    console.log(`  longest main-thread task of the import ${worst.toFixed(0)} ms (goal ≤ 100)`);
    if (stored !== file.rows) throw new Error(`stored ${stored} history cases, the file has ${file.rows}`);
    return {
      historyRows: file.rows,
      historyReadMs: Math.round(ms(read)),
      historyCheckMs: Math.round(ms(check)),
      historyWriteMs: Math.round(ms(write)),
      historyReadLongestTaskMs: Math.round(longest(readTasks)),
      historyCheckLongestTaskMs: Math.round(longest(checkTasks)),
      historyWriteLongestTaskMs: Math.round(longest(writeTasks)),
      historyLongestTaskMs: Math.round(worst),
      baselineParseMs: Math.round(ms(base.parse)),
      baselineBulkAddMs: Math.round(ms(base.write)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
