import type { VerifyResult } from '../../shared/cases/record';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** What a record check found, in words: `okText` when intact, else the problem with its event or counts. */
export function recordResultText(t: Translate, result: VerifyResult, okText = ''): string {
  if (result.ok) return okText;
  switch (result.kind) {
    case 'edited':
    case 'removed':
    case 'reordered':
      return t(result.key, { seq: result.seq });
    case 'truncated':
    case 'headMismatch':
      return t(result.key, { expectedCount: result.expectedCount, actualCount: result.actualCount });
    case 'cancelled':
      return t(result.key);
  }
}
