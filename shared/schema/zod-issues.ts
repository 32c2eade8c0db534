import type { z } from 'zod';
import { ISSUE_MESSAGES_EN, makeIssue, type DatasetIssue, type IssueKey, type IssueLocation } from './issues';

type Locate = (path: readonly PropertyKey[]) => IssueLocation;
type ZodIssue = z.core.$ZodIssue;

const MAX_VALUE_TEXT = 40;

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key))
      return { found: false, value };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

/** A short human rendering of a value of the wrong type. */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** A short rendering of a value for a message: strings quoted, long values cut. */
function describeValue(value: unknown): string {
  const text =
    typeof value === 'number' && !Number.isFinite(value)
      ? String(value)
      : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

function isIssueKey(value: unknown): value is IssueKey {
  return typeof value === 'string' && Object.hasOwn(ISSUE_MESSAGES_EN, value);
}

function primitiveParams(params: Readonly<Record<string, unknown>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === 'key') continue;
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

/**
 * Turns zod issues into dataset issues with a message key, params and location. Unknown fields become
 * one warning per field; everything else is an error.
 */
export function fromZodIssues(issues: readonly ZodIssue[], root: unknown, locate: Locate): DatasetIssue[] {
  const out: DatasetIssue[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const field of issue.keys) {
        out.push(makeIssue('warning', locate([...path, field]), 'dataset.unknownField', { field }));
      }
      continue;
    }
    const at = valueAt(root, path);
    const error = (key: IssueKey, params: Record<string, string | number> = {}): void => {
      out.push(makeIssue('error', locate(path), key, params));
    };
    switch (issue.code) {
      case 'custom': {
        const params = issue.params ?? {};
        const key: unknown = params['key'];
        if (isIssueKey(key)) error(key, primitiveParams(params));
        else error('dataset.invalid', { detail: issue.message });
        break;
      }
      case 'invalid_type':
        if (!at.found) error('dataset.required');
        else error('dataset.invalidType', { expected: issue.expected, received: describeType(at.value) });
        break;
      case 'invalid_value':
        error('dataset.invalidValue', {
          received: describeValue(at.value),
          options: issue.values.map((v) => describeValue(v)).join(' | '),
        });
        break;
      case 'invalid_union':
        if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
          if (!at.found) error('dataset.required');
          else {
            error('dataset.invalidValue', {
              received: describeValue(at.value),
              options: issue.options.map((v) => describeValue(v)).join(' | '),
            });
          }
        } else {
          error('dataset.invalid', { detail: issue.message });
        }
        break;
      case 'too_small':
        error('dataset.tooSmall', { minimum: Number(issue.minimum) });
        break;
      case 'too_big':
        error('dataset.tooBig', { maximum: Number(issue.maximum) });
        break;
      case 'invalid_format':
        error('dataset.invalidFormat', {
          received: describeValue(at.value),
          format: issue.pattern ?? issue.format,
        });
        break;
      default:
        error('dataset.invalid', { detail: issue.message });
    }
  }
  return out;
}
