// One measured read of the bench's 12345 export, in its own process so its peak memory is its own:
// `tsx import-12345-run.ts <worker|legacy|main> <path>` prints one JSON line of figures.
//   worker: the import worker's service in a worker thread (the browser's pipeline): streamed read,
//           then convert; the main thread only waits, and its event-loop delay is its longest task.
//   legacy: the path before this change, on the main thread: whole file, decodeText, the old
//           char-by-char parser, tableFromRecords, convertRows.
//   main:   readImportFile (whole file, the new tokeniser) + convertRows, on the main thread.
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { proxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { detectDelimiter } from '../../shared/import/csv';
import { convertRows, type ConvertOptions } from '../../shared/import/convert';
import { decodeText } from '../../shared/import/decode';
import type { ImportResult } from '../../shared/import/intake-draft';
import { guessMapping } from '../../shared/import/mapping';
import { readImportFile, tableFromRecords } from '../../shared/import/table';
import { sampleTownship } from './import-12345-file';
import { legacyParseCsv } from './import-12345-legacy';
import type { ImportThreadHost } from './import-12345-thread';
import { convertInPages } from '../../renderer/import/import-service';

const [mode, path] = process.argv.slice(2);
if (path === undefined || !['worker', 'legacy', 'main'].includes(mode ?? '')) {
  throw new Error('usage: import-12345-run.ts <worker|legacy|main> <path>');
}
const name = '12345-全年.csv';
const options: ConvertOptions = { coordSystem: 'gcj02', matters: (await sampleTownship()).matters };

const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./import-12345-thread.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}));`;

/** The longest main-thread task up to the end of the read (before the rows are converted). */
let readPhaseMaxMs = 0;

async function viaWorker(): Promise<{ result: ImportResult; readMs: number; progressReports: number }> {
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true });
  const service = wrap<ImportThreadHost>(nodeEndpoint(worker));
  try {
    let reports = 0;
    const start = performance.now();
    const read = await service.readPath(
      path as string,
      name,
      proxy(() => {
        reports++;
      }),
    );
    const readMs = performance.now() - start;
    readPhaseMaxMs = delay.max / 1e6;
    if (!read.ok) throw new Error(`worker read failed: ${read.key}`);
    const result = await convertInPages(service, guessMapping(read.table.headers), options);
    return { result, readMs, progressReports: reports };
  } finally {
    await worker.terminate();
  }
}

async function onMain(legacy: boolean): Promise<{ result: ImportResult; readMs: number }> {
  const bytes = new Uint8Array(await readFile(path as string));
  const start = performance.now();
  let table;
  if (legacy) {
    const decoded = decodeText(bytes);
    const records = legacyParseCsv(decoded.text, detectDelimiter(decoded.text)).map((cells, k) => ({
      rowNumber: k + 1,
      cells,
    }));
    table = tableFromRecords(name, 'csv', decoded.encoding, records);
  } else {
    const read = readImportFile(name, bytes);
    if (!read.ok) throw new Error(`read failed: ${read.key}`);
    table = read.table;
  }
  if (table === null) throw new Error('empty');
  const readMs = performance.now() - start;
  return { result: convertRows(table, guessMapping(table.headers), options), readMs };
}

// Warm the event loop and the histogram, then measure from here: read + convert, as the dialog does.
const delay = monitorEventLoopDelay({ resolution: 5 });
await new Promise((resolve) => setTimeout(resolve, 50));
delay.enable();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const run = mode === 'worker' ? await viaWorker() : await onMain(mode === 'legacy');
const totalMs = performance.now() - start;
// One more turn of the loop so a blocking task at the very end is recorded.
await new Promise((resolve) => setTimeout(resolve, 20));
delay.disable();
console.log(
  JSON.stringify({
    mode,
    totalMs,
    readMs: run.readMs,
    convertMs: totalMs - run.readMs,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    startRssMb: rssBefore / 1024 / 1024,
    longestMainTaskMs: delay.max / 1e6,
    longestMainTaskWhileReadingMs: mode === 'worker' ? readPhaseMaxMs : delay.max / 1e6,
    accepted: run.result.accepted.length,
    rejected: run.result.rejected.length,
    progressReports: 'progressReports' in run ? run.progressReports : 0,
  }),
);
