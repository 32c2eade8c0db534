import { describe, expect, it } from 'vitest';
import type { Matter } from '../model/matter';
import { sampleMatterCatalogue } from '../sample/matters';
import { categoryKey, classifyCategory } from './category-match';

const matters = sampleMatterCatalogue().map((entry) => entry.matter);

function codeOf(text: string, choices: Readonly<Record<string, string>> = {}): string | null {
  const match = classifyCategory(text, matters, choices);
  return match.kind === 'matched' ? match.matter.code : null;
}

describe('classifyCategory', () => {
  it('matches the names hotlines use, which the power list names differently', () => {
    // The formal names share too few characters with these for any match by name alone.
    expect(matters.some((m) => m.name.includes('占道经营') || m.name.includes('噪音'))).toBe(false);
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

describe('reading the matcher strictly', () => {
  it('matches codes in any case and full names or names without 对…的行政处罚', () => {
    expect(codeOf('cg-013')).toBe('CG-013');
    expect(codeOf('对夜间施工噪声扰民的行政处罚')).toBe('CG-013');
    expect(codeOf('城市管理>市容环境>露天焚烧秸秆')).toBe('NY-001');
    expect(codeOf('农业农村/电鱼、毒鱼、炸鱼')).toBe('NY-003');
  });

  it('takes a longer phrase by the listed word it holds, or by shared character pairs', () => {
    expect(classifyCategory('占道洗车修车', matters)).toMatchObject({
      matter: { code: 'CG-009' },
      by: 'synonym',
    });
    expect(classifyCategory('消防通道被占用堵塞', matters)).toMatchObject({
      matter: { code: 'YJ-002' },
      by: 'synonym',
    });
    expect(classifyCategory('占用堵塞消防车道路', matters)).toMatchObject({
      matter: { code: 'YJ-002' },
      by: 'keywords',
    });
  });

  it('calls a part of several names ambiguous, and never classifies by code prefix or pinyin initials', () => {
    const match = classifyCategory('擅自占用', matters);
    expect(match.kind === 'ambiguous' ? match.candidates.map((m) => m.code).sort() : match).toEqual([
      'CG-001',
      'CG-008',
      'CG-015',
      'JT-001',
    ]);
    expect(classifyCategory('CG-0', matters).kind).toBe('none');
    expect(classifyCategory('zdjy', matters).kind).toBe('none');
  });

  it('finds a centre’s own matter by the formal name when its codes differ', () => {
    const own: Matter[] = matters.map((m, k) => ({ ...m, code: `X${String(k).padStart(3, '0')}` }));
    const expected = own.find((m) => m.name === '对擅自占用城市道路摆摊设点的行政处罚')?.code;
    expect(classifyCategory('占道经营', own)).toMatchObject({ matter: { code: expected }, by: 'synonym' });
  });

  it('does not trust a code alone that names another matter in a centre’s own list', () => {
    const own: Matter[] = matters
      .filter((m) => m.code !== 'CG-001')
      .map((m) => (m.code === 'CG-002' ? { ...m, code: 'CG-001' } : m));
    expect(classifyCategory('占道经营', own).kind).toBe('none');
  });
});
