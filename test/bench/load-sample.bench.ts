import { readFile } from 'node:fs/promises';
import { parseDatasetFiles } from '../../shared/schema';
import { measure, report } from './harness';

/**
 * What it costs to check the sample township on load: JSON parsing alone (the baseline, what a loader
 * that trusts its input pays) against parsing plus full schema, geometry and reference validation.
 */
export async function benchLoadSample(): Promise<Record<string, number>> {
  const read = (name: string) => readFile(new URL(`../../resources/sample/${name}`, import.meta.url), 'utf8');
  const [townshipText, casesText] = await Promise.all([read('township.json'), read('cases.json')]);
  const parseOnly = measure('JSON.parse only (baseline)', () => [
    JSON.parse(townshipText),
    JSON.parse(casesText),
  ]);
  const validate = measure('JSON.parse + parseDatasetFiles (validation)', () => {
    const result = parseDatasetFiles([
      { fileName: 'township.json', json: JSON.parse(townshipText) },
      { fileName: 'cases.json', json: JSON.parse(casesText) },
    ]);
    if (!result.ok) throw new Error(`sample invalid: ${result.errors[0]?.text}`);
    return result;
  });
  report(
    `load-sample: ${((townshipText.length + casesText.length) / 1e6).toFixed(1)} MB of sample JSON`,
    [parseOnly, validate],
    parseOnly,
  );
  return {
    bytes: townshipText.length + casesText.length,
    parseMs: parseOnly.medianMs,
    validateMs: validate.medianMs,
    validateOverParse: validate.medianMs / parseOnly.medianMs,
  };
}
