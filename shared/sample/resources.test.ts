import { describe, expect, it } from 'vitest';
import { parseDatasetFiles } from '../schema/parse';
import { serializeSample } from './serialize';
import { generateTownship, SAMPLE_SEED } from './township';
import { readCommittedText as readCommitted } from './test-committed';

/** Reads a committed file as text through Vite's `?raw` import (shared/ code may not use node:fs). */
describe('the committed sample in resources/sample', () => {
  it('equals a fresh generation from its seed (regenerate with `npm run sample`, never edit by hand)', async () => {
    const fresh = serializeSample(generateTownship({ seed: SAMPLE_SEED, scale: 'township' }));
    const [township, cases] = await Promise.all([
      readCommitted('township.json'),
      readCommitted('cases.json'),
    ]);
    expect(township === fresh.township).toBe(true);
    expect(cases === fresh.cases).toBe(true);
  });

  it('parses back to the generated dataset and stays under 4 MB', async () => {
    const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
    const township: unknown = JSON.parse(await readCommitted('township.json'));
    const cases: unknown = JSON.parse(await readCommitted('cases.json'));
    expect({ ...(township as object), cases }).toEqual(dataset);
    const files = serializeSample(dataset);
    expect(new TextEncoder().encode(files.township + files.cases).length).toBeLessThan(4 * 1024 * 1024);
  });

  it('passes the dataset schema and reference checks as the app will load it', async () => {
    const result = parseDatasetFiles([
      { fileName: 'township.json', json: JSON.parse(await readCommitted('township.json')) as unknown },
      { fileName: 'cases.json', json: JSON.parse(await readCommitted('cases.json')) as unknown },
    ]);
    expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
