import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { writeShapefileZip } from '../../../../shared/export/geo';
import { GEO_READ_PHASES, readGeoFile, type GeoReadProgress } from '../../../../shared/import/geo';
import { WorkCancelled, type JobWorker } from '../../../../renderer/import/worker-job';
import { threadAsWorker } from '../../thread-worker';
import { readInWorkerWith } from '../../../../renderer/geo-import/read-in-worker';
import {
  allFeatures,
  createGeoImportService,
  FEATURE_PAGE,
  throttleProgress,
} from '../../../../renderer/geo-import/geo-import-service';

const FIXTURES = join(__dirname, '../../../fixtures/geo');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** A zipped GBK Shapefile of `n` small squares in lon/lat (every 1,000th without geometry). */
function squaresZip(n: number): Uint8Array {
  const features = Array.from({ length: n }, (_, i) => {
    const x = 116 + (i % 300) * 0.001;
    const y = 39 + Math.floor(i / 300) * 0.001;
    return {
      geometry:
        i % 1000 === 999
          ? null
          : ({
              type: 'Polygon',
              coordinates: [
                [
                  [x, y],
                  [x + 0.0008, y],
                  [x + 0.0008, y + 0.0008],
                  [x, y + 0.0008],
                  [x, y],
                ],
              ],
            } as GeoJSON.Polygon),
      properties: { code: `G${i + 1}`, name: `第${i + 1}网格` },
    };
  });
  const written = writeShapefileZip(
    'grids',
    features,
    [
      { key: 'code', name: '编码' },
      { key: 'name', name: '名称' },
    ],
    { date: '2026-12-02' },
  );
  if (!written.ok) throw new Error('not written');
  return written.bytes;
}

describe('the geographic import worker service', () => {
  it('reports reading, unzipping, parsing, converting and checking in order, each from 0 to its total', async () => {
    const seen: GeoReadProgress[] = [];
    const service = createGeoImportService();
    const bytes = fixture('gk40-gbk.zip');
    const outcome = await service.read(new Blob([bytes]), 'gk40-gbk.zip', {}, (p) => seen.push(p));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual([...GEO_READ_PHASES]);
    for (const phase of GEO_READ_PHASES) {
      const mine = seen.filter((p) => p.phase === phase);
      expect(mine[0]?.done).toBe(0);
      expect(mine.at(-1)?.done).toBe(mine.at(-1)?.total);
    }
    expect(seen.find((p) => p.phase === 'reading')?.total).toBe(bytes.length);
    expect(seen.find((p) => p.phase === 'parsing')?.total).toBe(outcome.summary.featureCount);
  });

  it('answers a summary and keeps the features, which come over in pages equal to what the reader gives', async () => {
    const n = FEATURE_PAGE * 2 + 1_500;
    const bytes = squaresZip(n);
    const service = createGeoImportService();
    const outcome = await service.read(new Blob([bytes]), '网格.zip');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const { summary } = outcome;
    expect(summary).toMatchObject({
      file: '网格.zip',
      // What the import's event in the record keeps of the file.
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      layer: 'grids',
      featureCount: n,
      fields: ['编码', '名称'],
      geometryTypes: { Polygon: n - Math.floor(n / 1000), null: Math.floor(n / 1000) },
      crs: { detected: { kind: 'cgcs2000' }, source: 'prj' },
      encoding: { name: 'gbk', guessed: false },
      problemCount: Math.floor(n / 1000),
      problemsByKey: { 'geoImport.geometry.missing': Math.floor(n / 1000) },
    });
    expect(summary.preview.length).toBeLessThanOrEqual(2_000);
    expect(summary.previewIndex.at(-1)).toBeGreaterThan(n - 10);
    expect(service.features(0, n)).toHaveLength(FEATURE_PAGE);
    const direct = readGeoFile('网格.zip', bytes);
    if (!direct.ok) throw new Error('direct read failed');
    expect(await allFeatures(service, summary.featureCount)).toEqual(direct.features);
    expect(summary.preview[3]).toEqual(direct.features[summary.previewIndex[3]!]);
  });

  it('parses a Shapefile in chunks to the same features as in one piece', () => {
    const bytes = squaresZip(23_456);
    const whole = readGeoFile('a.zip', bytes);
    const reports: number[] = [];
    const chunked = readGeoFile('a.zip', bytes, {}, (p) => {
      if (p.phase === 'parsing') reports.push(p.done);
    });
    expect(chunked).toEqual(whole);
    expect(reports).toEqual([0, 10_000, 20_000, 23_456]);
  });

  it('refuses a file over its limit by size alone, reading none of it', async () => {
    const huge = {
      size: 600 * 1024 * 1024,
      stream() {
        throw new Error('read');
      },
    } as unknown as Blob;
    const outcome = await createGeoImportService().read(huge, '网格.zip');
    expect(outcome).toEqual({
      ok: false,
      errors: [{ key: 'geoImport.file.tooBig', params: { file: '网格.zip', size: 600, limit: 512 } }],
    });
  });

  it('passes progress on at most every 100 ms within a phase, but always its start and end', () => {
    let now = 0;
    const seen: number[] = [];
    const report = throttleProgress(
      (p) => seen.push(p.done),
      () => now,
    );
    for (let done = 0; done <= 1000; done += 10) {
      now += 7;
      report({ phase: 'parsing', done, total: 1000 });
    }
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1000);
    expect(seen.length).toBeLessThan(12);
  });
});

/** The service in a Node worker thread, shaped as the browser Worker the client starts. */
function threadWorker(): { worker: JobWorker; exited: Promise<number> } {
  // tsx's ESM entry (require.resolve would give its CommonJS one).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const host = pathToFileURL(join(__dirname, 'geo-import-thread.ts')).href;
  const thread = new NodeWorker(
    `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(host)}, ${JSON.stringify(host)}));`,
    { eval: true },
  );
  const exited = new Promise<number>((resolve) => thread.on('exit', resolve));
  const worker = threadAsWorker(thread);
  return { worker, exited };
}

describe('reading in a worker', () => {
  it('reads a file in its worker and brings every feature over for the commit', async () => {
    const bytes = squaresZip(FEATURE_PAGE + 300);
    const { worker, exited } = threadWorker();
    const read = await readInWorkerWith(() => worker, new File([bytes], '网格.zip'));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const direct = readGeoFile('网格.zip', bytes);
    if (!direct.ok) throw new Error('direct read failed');
    expect(await read.handle.allFeatures()).toEqual(direct.features);
    read.handle.close();
    await exited;
  });

  it('stops the worker on cancel: the read rejects with WorkCancelled and returns nothing', async () => {
    const bytes = squaresZip(60_000);
    const { worker, exited } = threadWorker();
    const abort = new AbortController();
    const phases: string[] = [];
    const reading = readInWorkerWith(
      () => worker,
      new File([bytes], '网格.zip'),
      {},
      {
        signal: abort.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'parsing') abort.abort();
        },
      },
    );
    await expect(reading).rejects.toBeInstanceOf(WorkCancelled);
    await exited;
    expect(phases).toContain('parsing');
    expect(phases).not.toContain('checking');
  });

  it('refuses an oversized file before any worker starts', async () => {
    const file = { name: '网格.geojson', size: 300 * 1024 * 1024 } as File;
    const read = await readInWorkerWith(() => {
      throw new Error('a worker was started');
    }, file);
    expect(read).toMatchObject({ ok: false, errors: [{ key: 'geoImport.file.tooBig' }] });
  });
});
