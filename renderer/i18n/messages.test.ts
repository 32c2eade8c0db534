import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { en } from './en';
import { ISSUE_MESSAGES_ZH } from './issues';
import { ISSUE_MESSAGES_EN } from '../../shared/schema/issues';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface languages', () => {
  it('has an English text for every Chinese message and no more', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('has a Chinese text for every dataset issue key', () => {
    expect(Object.keys(ISSUE_MESSAGES_ZH).sort()).toEqual(Object.keys(ISSUE_MESSAGES_EN).sort());
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(ISSUE_MESSAGES_EN)) {
      expect(placeholders(ISSUE_MESSAGES_ZH[key as keyof typeof ISSUE_MESSAGES_EN]), key).toEqual(
        placeholders(text),
      );
    }
  });
});
