import { describe, expect, it } from 'vitest';
import type { Matter } from '../model/matter';
import { sampleMatterCatalogue } from '../sample/matters';
import { categoryKey, classifyCategory, synonymMatter } from './category-match';
import { HOTLINE_CATEGORY_SYNONYMS } from './hotline-categories';
import { matchMatter } from './matter-match';

const matters = sampleMatterCatalogue().map((entry) => entry.matter);

function codeOf(text: string, choices: Readonly<Record<string, string>> = {}): string | null {
  const match = classifyCategory(text, matters, choices);
  return match.kind === 'matched' ? match.matter.code : null;
}

describe('classifyCategory', () => {
  it('matches the names hotlines use, which the power list names differently', () => {
    // The formal names share too few characters with these for matchMatter alone.
    expect(matchMatter('占道经营', matters).kind).toBe('none');
    expect(codeOf('占道经营')).toBe('CG-001');
    expect(codeOf('占道摆摊')).toBe('CG-001');
    expect(codeOf('噪音扰民')).toBe('ST-007');
    expect(codeOf('违章搭建')).toBe('GH-003');
    expect(codeOf('飞线充电')).toBe('YJ-003');
  });

  it('reads paths from the most specific part and ignores spacing, punctuation and 问题/投诉 tails', () => {
    expect(codeOf('城市管理>市容环境>占道经营')).toBe('CG-001');
    expect(codeOf('城乡建设/违章搭建')).toBe('GH-003');
    expect(codeOf(' 噪音 扰民 问题 ')).toBe('ST-007');
    expect(codeOf('油烟扰民投诉')).toBe('CG-011');
  });

  it('keeps the power list’s own codes and names first', () => {
    expect(classifyCategory('CG-013', matters)).toMatchObject({ kind: 'matched', by: 'code' });
    expect(classifyCategory('夜间施工噪声扰民', matters)).toMatchObject({ kind: 'matched', by: 'name' });
    expect(classifyCategory('施工扰民', matters)).toMatchObject({ kind: 'matched', by: 'synonym' });
  });

  it('leaves catch-all categories unmatched, for the operator to map', () => {
    expect(classifyCategory('环境脏乱差', matters).kind).toBe('none');
    expect(classifyCategory('拖欠农民工工资', matters).kind).toBe('none');
    expect(classifyCategory('', matters).kind).toBe('none');
  });

  it('takes the operator’s choice for the source before anything else, by category key', () => {
    const choices = { [categoryKey('环境脏乱差')]: 'CG-005', [categoryKey('占道经营')]: 'CG-002' };
    expect(classifyCategory('环境脏乱差', matters, choices)).toMatchObject({
      kind: 'matched',
      by: 'operator',
      matter: { code: 'CG-005' },
    });
    expect(codeOf('环境 脏乱差 问题', choices)).toBe('CG-005');
    expect(codeOf('占道经营', choices)).toBe('CG-002');
  });

  it('ignores a remembered choice whose matter is no longer in the power list', () => {
    expect(codeOf('环境脏乱差', { [categoryKey('环境脏乱差')]: 'XX-999' })).toBeNull();
    expect(codeOf('占道经营', { [categoryKey('占道经营')]: 'XX-999' })).toBe('CG-001');
  });
});

describe('the hotline synonym table', () => {
  it('names, for every entry, a matter of the sample power list by its code and its exact name', () => {
    for (const entry of HOTLINE_CATEGORY_SYNONYMS) {
      expect(matters.find((m) => m.code === entry.code)?.name, entry.code).toBe(entry.name);
      for (const name of entry.names) expect(synonymMatter(name, matters)?.code, name).toBe(entry.code);
    }
  });

  it('gives each hotline name one matter only', () => {
    const keys = HOTLINE_CATEGORY_SYNONYMS.flatMap((e) => e.names.map(categoryKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds a centre’s own matter by the formal name when its codes differ', () => {
    const own: Matter[] = matters.map((m, k) => ({ ...m, code: `X${String(k).padStart(3, '0')}` }));
    const expected = own.find((m) => m.name === '对擅自占用城市道路摆摊设点的行政处罚')?.code;
    expect(synonymMatter('占道经营', own)?.code).toBe(expected);
  });

  it('does not trust a code alone that names another matter in a centre’s own list', () => {
    const own: Matter[] = matters
      .filter((m) => m.code !== 'CG-001')
      .map((m) => (m.code === 'CG-002' ? { ...m, code: 'CG-001' } : m));
    expect(synonymMatter('占道经营', own)).toBeUndefined();
  });
});
