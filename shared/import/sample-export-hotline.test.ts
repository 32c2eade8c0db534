import { describe, expect, it } from 'vitest';
import type { TownshipDataset } from '../model/dataset';
import { categoryKey, classifyCategory } from './category-match';
import {
  REAL_HOTLINE_CATEGORIES,
  REAL_HOTLINE_SAMPLE_HEADERS,
  REAL_HOTLINE_UNMATCHED,
  buildRealHotlineSample,
  realHotlineSampleCsv,
  realHotlineSampleXlsx,
} from './sample-export-hotline';
import { checkHotlineImport } from './test-hotline-import';

/** The committed sample township, read through Vite's `?raw` (shared/ code may not use node:fs). */
async function township(): Promise<TownshipDataset> {
  const path = '../../resources/sample/township.json?raw';
  const mod = (await import(/* @vite-ignore */ path)) as { default: string };
  return JSON.parse(mod.default) as TownshipDataset;
}

describe('the hotline-shaped sample 12345 export', () => {
  it('has no 描述 column and no coordinate-system remark, and a third of its calls near the boundary', async () => {
    const calls = buildRealHotlineSample(await township());
    expect(calls).toHaveLength(30);
    expect(REAL_HOTLINE_SAMPLE_HEADERS.some((h) => h.includes('描述'))).toBe(false);
    expect(REAL_HOTLINE_SAMPLE_HEADERS.filter((h) => /经度|纬度/.test(h))).toEqual(['经度', '纬度']);
    expect(calls.filter((c) => c.nearBoundary)).toHaveLength(10);
    expect(calls.filter((c) => c.category === REAL_HOTLINE_UNMATCHED.category)).toHaveLength(3);
    expect(new Set(calls.map((c) => c.ref)).size).toBe(30);
  });

  it('uses hotline names that all need the synonym table, except the catch-all that needs the operator', async () => {
    const { matters } = await township();
    for (const { category, matterCode } of REAL_HOTLINE_CATEGORIES) {
      const match = classifyCategory(category, matters);
      expect(match.kind === 'matched' ? [match.matter.code, match.by] : null, category).toEqual([
        matterCode,
        'synonym',
      ]);
    }
    expect(classifyCategory(REAL_HOTLINE_UNMATCHED.category, matters).kind).toBe('none');
    expect(categoryKey(REAL_HOTLINE_UNMATCHED.category)).toBe('环境脏乱差');
  });

  it('imports from CSV once the operator picks GCJ-02 and maps the catch-all', async () => {
    const dataset = await township();
    const calls = buildRealHotlineSample(dataset);
    const csv = realHotlineSampleCsv(calls);
    expect(csv.startsWith('\uFEFF工单编号,受理时间,')).toBe(true);
    checkHotlineImport('12345-hotline-export.csv', new TextEncoder().encode(csv), calls, dataset);
  });

  it('imports from XLSX the same way', async () => {
    const dataset = await township();
    const calls = buildRealHotlineSample(dataset);
    checkHotlineImport('12345-hotline-export.xlsx', realHotlineSampleXlsx(calls), calls, dataset);
  });
});
