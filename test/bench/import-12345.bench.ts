import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeBigExport } from './import-12345-file';

interface RunFigures {
  readonly mode: string;
  readonly totalMs: number;
  readonly readMs: number;
  readonly convertMs: number;
  readonly peakRssMb: number;
  readonly longestMainTaskMs: number;
  readonly longestMainTaskWhileReadingMs: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly progressReports: number;
}

/** Runs one mode of import-12345-run.ts in a fresh Node process (its own peak memory) and reads its line. */
function runChild(mode: 'worker' | 'legacy' | 'main', path: string): Promise<RunFigures> {
  const script = fileURLToPath(new URL('./import-12345-run.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, mode, path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`import-12345 ${mode} exited with ${code}`));
      else resolve(JSON.parse(last) as RunFigures);
    });
  });
}

/**
 * `npm run bench -- import-12345`: a 50 MiB 12345 export (≈ 217,000 rows, seeded, written to the temp
 * folder) read and converted three ways, each in its own process: the path before this change (whole
 * file, char-by-char parser, all on the main thread: the baseline), the new tokeniser still on the
 * main thread, and the import worker's pipeline in a worker thread (streamed read, convert, result
 * brought over in pages). Figures: wall time, peak RSS of the process, and the main thread's longest
 * task (perf_hooks event-loop delay, max) while it runs.
 */
export async function benchImport12345(): Promise<Record<string, number>> {
  const file = await writeBigExport();
  console.log(`\nimport-12345: ${(file.bytes / 2 ** 20).toFixed(1)} MiB, ${file.rows} rows (${file.path})`);
  const legacy = await runChild('legacy', file.path);
  const main = await runChild('main', file.path);
  const worker = await runChild('worker', file.path);
  for (const r of [main, worker]) {
    if (r.accepted !== legacy.accepted || r.rejected !== legacy.rejected) {
      throw new Error(`${r.mode} converted differently from the old path`);
    }
  }
  const line = (label: string, r: RunFigures): void =>
    console.log(
      `  ${label.padEnd(46)} ${(r.totalMs / 1000).toFixed(1).padStart(6)} s  read ${(r.readMs / 1000).toFixed(1)} s` +
        `  peak ${r.peakRssMb.toFixed(0).padStart(5)} MB  longest main-thread task ${r.longestMainTaskMs.toFixed(0).padStart(6)} ms` +
        `  ${(r.totalMs / legacy.totalMs).toFixed(2)}× ${r === legacy ? '(baseline)' : 'baseline'}`,
    );
  line('old path: whole file, old parser, main thread', legacy);
  line('whole file, new tokeniser, main thread', main);
  line('import worker: streamed, worker thread', worker);
  console.log(
    `  worker: ${worker.accepted} accepted, ${worker.rejected} refusals; longest main-thread task while reading ` +
      `${worker.longestMainTaskWhileReadingMs.toFixed(0)} ms (${worker.progressReports} progress reports)`,
  );
  return {
    fileBytes: file.bytes,
    rows: file.rows,
    legacyMs: legacy.totalMs,
    legacyPeakRssMb: legacy.peakRssMb,
    legacyLongestMainTaskMs: legacy.longestMainTaskMs,
    mainThreadMs: main.totalMs,
    mainThreadPeakRssMb: main.peakRssMb,
    workerMs: worker.totalMs,
    workerReadMs: worker.readMs,
    workerConvertMs: worker.convertMs,
    workerPeakRssMb: worker.peakRssMb,
    workerLongestMainTaskMs: worker.longestMainTaskMs,
    workerLongestMainTaskWhileReadingMs: worker.longestMainTaskWhileReadingMs,
    workerOverLegacyTime: worker.totalMs / legacy.totalMs,
    workerOverLegacyPeakRss: worker.peakRssMb / legacy.peakRssMb,
    workerOverLegacyLongestTask: worker.longestMainTaskMs / legacy.longestMainTaskMs,
  };
}
