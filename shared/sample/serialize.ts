import type { TownshipDataset } from '../model/dataset';
import { round6 } from './local-frame';

function isNumericTree(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return Array.isArray(value) && value.length > 0 && value.every(isNumericTree);
}

function write(value: unknown, indent: string, width: number): string {
  if (typeof value === 'number') return JSON.stringify(Number.isInteger(value) ? value : round6(value));
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (isNumericTree(value))
    return JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? round6(v) : v,
    );
  const inner = indent + '  ';
  const entries = Array.isArray(value)
    ? value.map((v: unknown) => write(v, inner, width))
    : Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}: ${write(v, inner, width)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const flat = `${open}${entries.join(', ')}${close}`;
  if (flat.length + indent.length <= width && !flat.includes('\n')) return flat;
  return `${open}\n${entries.map((e) => inner + e).join(',\n')}\n${indent}${close}`;
}

/**
 * JSON that stays small and diff-friendly: coordinate arrays on one line, short objects on one line,
 * everything else indented by two spaces; numbers rounded to 6 decimals. Parses back with JSON.parse.
 */
export function compactJson(value: unknown, width = 120): string {
  return write(value, '', width) + '\n';
}

/**
 * The two committed sample files: the dataset without its cases (township.json) and the cases (cases.json).
 * Splitting keeps each file readable and lets the app load the geography before the history; cases are one a line.
 */
export function serializeSample(dataset: TownshipDataset): {
  readonly township: string;
  readonly cases: string;
} {
  return { township: compactJson({ ...dataset, cases: [] }), cases: compactJson(dataset.cases, 2000) };
}
