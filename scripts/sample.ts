// Regenerates the committed sample township (resources/sample) from its seed: `npm run sample`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTownship, SAMPLE_SEED, serializeSample } from '../shared/sample';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sample');
const started = performance.now();
const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
const files = serializeSample(dataset);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'township.json'), files.township);
writeFileSync(join(outDir, 'cases.json'), files.cases);
const kb = (s: string): string => `${Math.round(Buffer.byteLength(s) / 1024)} KB`;
console.log(
  `sample: ${dataset.grids.length} grids, ${dataset.officers.length} officers, ${dataset.matters.length} matters, ` +
    `${dataset.cases.length} cases → township.json ${kb(files.township)}, cases.json ${kb(files.cases)} ` +
    `in ${Math.round(performance.now() - started)} ms`,
);
