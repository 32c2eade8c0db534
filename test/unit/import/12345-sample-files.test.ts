// The committed sample hotline exports in resources/samples: fresh, and importing as intended.
// Lives under test/unit because it reads binary files with node:fs, which shared/ tests may not use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildHotlineSample,
  hotlineSampleCsv,
  hotlineSampleXlsx,
} from '../../../shared/import/sample-export';
import {
  REAL_HOTLINE_SAMPLE_FILES,
  buildRealHotlineSample,
  realHotlineSampleCsv,
  realHotlineSampleXlsx,
} from '../../../shared/import/sample-export-hotline';
import { checkHotlineImport } from '../../../shared/import/test-hotline-import';
import { checkSampleImport } from '../../../shared/import/test-sample-import';
import type { TownshipDataset } from '../../../shared/model/dataset';

const root = join(import.meta.dirname, '..', '..', '..');
const committed = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(root, 'resources', 'samples', name)));
const dataset = JSON.parse(
  readFileSync(join(root, 'resources', 'sample', 'township.json'), 'utf8'),
) as TownshipDataset;
const calls = buildHotlineSample(dataset);

describe('resources/samples/12345-export.*', () => {
  it('equal a fresh generation (regenerate with `npx tsx scripts/make-12345-sample.ts`)', () => {
    expect(
      Buffer.from(committed('12345-export.csv')).equals(Buffer.from(hotlineSampleCsv(calls), 'utf8')),
    ).toBe(true);
    expect(Buffer.from(committed('12345-export.xlsx')).equals(Buffer.from(hotlineSampleXlsx(calls)))).toBe(
      true,
    );
  });

  it('import with exactly the five broken rows refused and the rest inside the township', () => {
    checkSampleImport('12345-export.csv', committed('12345-export.csv'), calls, dataset);
    checkSampleImport('12345-export.xlsx', committed('12345-export.xlsx'), calls, dataset);
  });
});

describe('resources/samples/12345-hotline-export.* (the hotline-shaped export)', () => {
  const real = buildRealHotlineSample(dataset);
  const { csv, xlsx } = REAL_HOTLINE_SAMPLE_FILES;

  it('equal a fresh generation (regenerate with `npx tsx scripts/make-12345-sample.ts`)', () => {
    expect(Buffer.from(committed(csv)).equals(Buffer.from(realHotlineSampleCsv(real), 'utf8'))).toBe(true);
    expect(Buffer.from(committed(xlsx)).equals(Buffer.from(realHotlineSampleXlsx(real)))).toBe(true);
  });

  it('import in full with GCJ-02 and the catch-all mapped, each call in its true grid', () => {
    checkHotlineImport(csv, committed(csv), real, dataset);
    checkHotlineImport(xlsx, committed(xlsx), real, dataset);
  });
});
