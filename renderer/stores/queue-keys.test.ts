import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../i18n';
import { clockText } from './queue-keys';

const zh = createAppI18n('zh-CN').global.t as Parameters<typeof clockText>[0];
const en = createAppI18n('en').global.t as Parameters<typeof clockText>[0];
const MIN = 60_000;

describe('a queue row’s clock in words', () => {
  it('says 超时 once for an overdue case, with how long', () => {
    const overdue = { status: 'overdue', leftMs: -(2 * 60 + 10) * MIN } as const;
    expect(clockText(zh, overdue)).toBe('超时 2小时10分');
    expect(clockText(en, overdue)).toBe('Overdue 2 h 10 min');
  });

  it('warns of a case due soon and says what is left', () => {
    expect(clockText(zh, { status: 'near', leftMs: 25 * MIN })).toBe('即将超时 · 剩余 25分钟');
  });

  it('says only what is left for a case in time', () => {
    expect(clockText(zh, { status: 'ok', leftMs: (3 * 60 + 5) * MIN })).toBe('剩余 3小时5分');
  });
});
