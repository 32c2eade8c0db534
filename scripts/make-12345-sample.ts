// Writes the sample 12345 hotline export for the sample township: `npx tsx scripts/make-12345-sample.ts`.
// resources/samples/12345-export.csv (UTF-8 with BOM) and 12345-export.xlsx hold the same ~40 calls,
// five of them broken on purpose (see shared/import/sample-export.ts). Deterministic: rerunning gives
// byte-identical files, and test/unit/import/12345-sample-files.test.ts checks that the committed ones are fresh.
// 12345-hotline-export.{csv,xlsx} hold the second sample, shaped as hotlines really export (no 描述 column,
// hotline category names, GCJ-02 without saying so; see shared/import/sample-export-hotline.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHotlineSample, hotlineSampleCsv, hotlineSampleXlsx } from '../shared/import/sample-export';
import {
  REAL_HOTLINE_SAMPLE_FILES,
  buildRealHotlineSample,
  realHotlineSampleCsv,
  realHotlineSampleXlsx,
} from '../shared/import/sample-export-hotline';
import type { TownshipDataset } from '../shared/model/dataset';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const township = JSON.parse(
  readFileSync(join(root, 'resources', 'sample', 'township.json'), 'utf8'),
) as TownshipDataset;
const rows = buildHotlineSample(township);
const outDir = join(root, 'resources', 'samples');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, '12345-export.csv'), hotlineSampleCsv(rows), 'utf8');
writeFileSync(join(outDir, '12345-export.xlsx'), hotlineSampleXlsx(rows));
const broken = rows.filter((row) => row.defect !== undefined).length;
console.log(
  `12345 sample: ${rows.length} calls (${broken} broken on purpose) → resources/samples/12345-export.{csv,xlsx}`,
);
const real = buildRealHotlineSample(township);
writeFileSync(join(outDir, REAL_HOTLINE_SAMPLE_FILES.csv), realHotlineSampleCsv(real), 'utf8');
writeFileSync(join(outDir, REAL_HOTLINE_SAMPLE_FILES.xlsx), realHotlineSampleXlsx(real));
console.log(
  `12345 hotline-shaped sample: ${real.length} calls → resources/samples/${REAL_HOTLINE_SAMPLE_FILES.csv} and .xlsx`,
);
