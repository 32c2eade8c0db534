// Writes the sample 12345 hotline export for the sample township: `npx tsx scripts/make-12345-sample.ts`.
// resources/samples/12345-export.csv (UTF-8 with BOM) and 12345-export.xlsx hold the same ~40 calls,
// five of them broken on purpose (see shared/import/sample-export.ts). Deterministic: rerunning gives
// byte-identical files, and shared/import/sample-export.test.ts checks that the committed ones are fresh.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHotlineSample, hotlineSampleCsv, hotlineSampleXlsx } from '../shared/import/sample-export';
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
