import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { createAppI18n, messages } from './index';
import { mergeMessages } from './parts';
import { roadsMessages } from './parts/roads';
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

describe('road distance reasons on screen', () => {
  /**
   * The app's messages with the road-distance part (renderer/i18n/parts/roads.ts) merged in, whether
   * or not it is registered with the app yet.
   */
  function renderWithRoads(locale: 'zh-CN' | 'en', reasons: readonly Reason[]): string {
    const base = messages[locale];
    const registered = 'roadDistanceM' in base.reason;
    const i18n = createI18n({
      legacy: false,
      locale,
      messages: { [locale]: registered ? base : mergeMessages(base, roadsMessages[locale]) },
    });
    return reasonsText(i18n.global.t as Parameters<typeof reasonsText>[0], reasons, teamName);
  }

  it('reads "道路距离 1.2 km" in place of the straight-line distance', () => {
    const reasons: Reason[] = [
      { key: 'inArea' },
      { key: 'roadDistance', metres: 1234 },
      { key: 'load', count: 1 },
    ];
    expect(renderWithRoads('zh-CN', reasons)).toBe('在本片区 · 道路距离 1.2 km · 手上 1 件');
    expect(renderWithRoads('zh-CN', [{ key: 'roadDistance', metres: 640 }])).toBe('道路距离 640 m');
    expect(renderWithRoads('en', reasons)).toBe('In this patrol area · 1.2 km by road · holding 1 case');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(roadsMessages.en.reason).sort()).toEqual(
      Object.keys(roadsMessages['zh-CN'].reason).sort(),
    );
  });
});
