import { describe, expect, it } from 'vitest';
import type { TownshipDataset } from '../model/dataset';
import { buildHotlineSample, hotlineSampleCsv, hotlineSampleXlsx } from './sample-export';
import { checkSampleImport } from './test-sample-import';

/** The committed sample township, read through Vite's `?raw` (shared/ code may not use node:fs). */
async function township(): Promise<TownshipDataset> {
  const path = '../../resources/sample/township.json?raw';
  const mod = (await import(/* @vite-ignore */ path)) as { default: string };
  return JSON.parse(mod.default) as TownshipDataset;
}

describe('the sample 12345 export', () => {
  it('has ~40 calls for 澄湖镇, five of them broken in five different ways', async () => {
    const calls = buildHotlineSample(await township());
    expect(calls).toHaveLength(40);
    expect(calls.filter((c) => c.defect !== undefined).map((c) => c.defect)).toEqual([
      'noDescription',
      'badDate',
      'latOutOfRange',
      'unknownCategory',
      'duplicateRef',
    ]);
    expect(calls.every((c) => c.address.startsWith('兴化市澄湖镇'))).toBe(true);
  });

  it('imports from CSV (UTF-8 with BOM) exactly as the calls say', async () => {
    const dataset = await township();
    const calls = buildHotlineSample(dataset);
    const csv = hotlineSampleCsv(calls);
    expect(csv.startsWith('\uFEFF工单编号,')).toBe(true);
    checkSampleImport('12345-export.csv', new TextEncoder().encode(csv), calls, dataset);
  });

  it('imports from XLSX exactly as the calls say', async () => {
    const dataset = await township();
    const calls = buildHotlineSample(dataset);
    checkSampleImport('12345-export.xlsx', hotlineSampleXlsx(calls), calls, dataset);
  });
});
