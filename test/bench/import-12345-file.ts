import { readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHINA_OFFSET_MS } from '../../shared/import/china-time';
import { formatWallClock } from '../../shared/import/excel-date';
import {
  HOTLINE_SAMPLE_START_MS,
  buildHotlineSample,
  hotlineSampleCsv,
  type HotlineSampleRow,
} from '../../shared/import/sample-export';
import type { TownshipDataset } from '../../shared/model/dataset';
import { createRng } from '../../shared/sample/random';

/** The bench's export: 50 MiB of CSV, as a county platform writes a year of calls. */
export const BIG_CSV_BYTES = 50 * 1024 * 1024;

export async function sampleTownship(): Promise<TownshipDataset> {
  const text = await readFile(new URL('../../resources/sample/township.json', import.meta.url), 'utf8');
  return JSON.parse(text) as TownshipDataset;
}

/**
 * Writes the 50 MiB (just over; or `target` bytes) 12345 export to the temp folder (not committed): the 40 seeded sample calls
 * (shared/import/sample-export.ts) repeated with new case numbers, times 3–12 minutes apart and points
 * moved up to ~50 m, from a fixed seed, so every run reads the same bytes. Each sample call's mistake
 * comes along (5 rows in 40 are refused). Returns the path, size and number of data rows.
 */
export async function writeBigExport(
  target = BIG_CSV_BYTES,
): Promise<{ path: string; bytes: number; rows: number }> {
  const templates = buildHotlineSample(await sampleTownship());
  const rng = createRng(20_261_118);
  const path = join(tmpdir(), `griddesk-bench-12345-${Math.round(target / 2 ** 20)}mb.csv`);
  const rows: HotlineSampleRow[] = [];
  let at = HOTLINE_SAMPLE_START_MS;
  const headerBytes = Buffer.byteLength(hotlineSampleCsv([]));
  let size = headerBytes;
  for (let k = 0; size < target; k++) {
    const t = templates[k % templates.length] as HotlineSampleRow;
    at += rng.int(3, 12) * 60_000;
    const previous = rows[rows.length - 1];
    const row: HotlineSampleRow = {
      ...t,
      ref: t.defect === 'duplicateRef' && previous ? previous.ref : `TZ${String(k + 1).padStart(9, '0')}`,
      reportedAt: at,
      timeText: t.defect === 'badDate' ? t.timeText : formatWallClock(at + CHINA_OFFSET_MS),
      gcj02:
        t.gcj02 === null
          ? null
          : [
              Math.round((t.gcj02[0] + rng.range(-0.02, 0.02)) * 1e6) / 1e6,
              Math.round((t.gcj02[1] + rng.range(-0.02, 0.02)) * 1e6) / 1e6,
            ],
    };
    rows.push(row);
    size += Buffer.byteLength(hotlineSampleCsv([row])) - headerBytes;
  }
  await writeFile(path, hotlineSampleCsv(rows), 'utf8');
  return { path, bytes: (await stat(path)).size, rows: rows.length };
}
