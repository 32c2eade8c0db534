import { describe, expect, it } from 'vitest';
import { createAppI18n } from './index';
import { reasonsText } from './reasons';
import type { Reason } from '../../shared/assignment/recommend';

const names: Record<string, string> = { 'team-2': '第二中队' };
const teamName = (id: string): string => names[id] ?? id;

function render(locale: 'zh-CN' | 'en', reasons: readonly Reason[]): string {
  const i18n = createAppI18n(locale);
  return reasonsText(i18n.global.t as Parameters<typeof reasonsText>[0], reasons, teamName);
}

describe('recommendation reasons on screen', () => {
  const nearby: Reason[] = [{ key: 'inArea' }, { key: 'distance', metres: 850 }, { key: 'load', count: 1 }];
  const helper: Reason[] = [
    { key: 'otherTeam', teamId: 'team-2' },
    { key: 'distance', metres: 2345 },
    { key: 'load', count: 0 },
    { key: 'certified' },
    { key: 'busy' },
  ];

  it('reads as one Chinese line', () => {
    expect(render('zh-CN', nearby)).toBe('在本片区 · 距离 850 m · 手上 1 件');
    expect(render('zh-CN', helper)).toBe(
      '跨片区支援（第二中队） · 距离 2.3 km · 手上无案件 · 持执法证 · 处置中',
    );
  });

  it('reads as one English line, with plurals', () => {
    expect(render('en', nearby)).toBe('In this patrol area · 850 m away · holding 1 case');
    expect(render('en', [{ key: 'load', count: 3 }])).toBe('holding 3 cases');
  });
});
