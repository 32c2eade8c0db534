import { describe, expect, it } from 'vitest';
import { sampleMatterCatalogue } from '../sample/matters';
import { searchMatters } from './search';
import { MATTER_SYNONYMS } from './synonyms';
import { pinyinInitials, searchKey } from './text';

/** The sample township's power list, as resources/sample/township.json holds it. */
const matters = sampleMatterCatalogue().map((entry) => entry.matter);

const codes = (query: string, limit?: number): string[] =>
  searchMatters(query, matters, limit).map((hit) => hit.matter.code);
const first = (query: string): string | undefined => codes(query)[0];

describe('searchMatters on the sample power list', () => {
  it('finds the matter people mean by the words they type, the usual one first', () => {
    // 对车辆在城市道路上冲洗、维修的行政处罚
    expect(first('洗车')).toBe('CG-009');
    // 对擅自搭建建筑物、构筑物的行政强制, then the other illegal building on a river, farmland or a road
    expect(first('违建')).toBe('GH-003');
    expect(codes('违建')).toEqual(expect.arrayContaining(['SW-001', 'ZR-001', 'GH-011', 'JT-002']));
    // 对擅自占用城市道路摆摊设点的行政处罚
    expect(first('摆摊')).toBe('CG-001');
    expect(codes('摆摊')).toContain('SC-003');
    // 社会生活噪声 first; construction, loudspeakers and factories too
    expect(first('噪音')).toBe('ST-007');
    expect(codes('噪音')).toEqual(expect.arrayContaining(['CG-013', 'CG-014', 'ST-004']));
    // 占道 is mostly 占道经营; 占道 construction, car washing, barbecue, barriers and funeral tents follow
    expect(first('占道')).toBe('CG-001');
    expect(codes('占道')).toEqual(expect.arrayContaining(['CG-008', 'CG-009', 'CG-010', 'CG-017', 'MZ-003']));
  });

  it('finds a matter by the pinyin initials of a word people use or of its name', () => {
    expect(first('zdjy')).toBe('CG-001'); // 占道经营
    expect(first('ZDJY')).toBe('CG-001');
    expect(first('xc')).toBe('CG-009'); // 洗车
    expect(first('wj')).toBe('GH-003'); // 违建
    expect(first('zyrm')).toBe('ST-007'); // 噪音扰民
    expect(first('ltsk')).toBe('CG-010'); // 露天烧烤
    // The start of the name without 对: 夜间施工噪声扰民
    expect(first('yjsg')).toBe('CG-013');
    expect(searchMatters('zdjy', matters)[0]?.tier).toBe('initials');
  });

  it('finds by any part of the name, a prefix before a part', () => {
    expect(first('冲洗')).toBe('CG-009');
    expect(first('消防车通道')).toBe('YJ-002');
    const hits = searchMatters('露天焚烧', matters);
    expect(hits.map((h) => [h.matter.code, h.tier])).toEqual([
      ['ST-001', 'synonym'],
      ['NY-001', 'name-prefix'],
    ]);
    expect(searchMatters('焚烧', matters).map((h) => h.tier)).toContain('name-substring');
  });

  it('finds by code, exact before prefix, in any case and width', () => {
    expect(searchMatters('cg-009', matters)[0]).toMatchObject({ matter: { code: 'CG-009' }, tier: 'code' });
    expect(first('ＣＧ００９')).toBe('CG-009');
    expect(codes('CG-00')).toEqual([
      'CG-001',
      'CG-002',
      'CG-003',
      'CG-004',
      'CG-005',
      'CG-006',
      'CG-007',
      'CG-008',
      'CG-009',
    ]);
    expect(codes('009')).toEqual(['CG-009', 'SC-009', 'GH-009', 'ST-009', 'NY-009']);
  });

  it('ranks exact code, name, listed word, code prefix, name prefix, name part, initials, word part', () => {
    const tiers = (query: string): string[] => searchMatters(query, matters).map((h) => h.tier);
    expect(tiers('CG-009')[0]).toBe('code');
    expect(tiers('夜间施工噪声扰民')[0]).toBe('name');
    expect(tiers('噪音')).toEqual([...tiers('噪音')].sort((a, b) => order(a) - order(b)));
    expect(tiers('噪音')[0]).toBe('synonym');
    expect(tiers('噪音')).toContain('synonym-partial');
  });

  it('lists each matter once, stops at the limit and finds nothing for an empty query', () => {
    const all = codes('施工');
    expect(new Set(all).size).toBe(all.length);
    expect(codes('施工', 3)).toEqual(all.slice(0, 3));
    expect(searchMatters('  ', matters)).toEqual([]);
    expect(codes('拖欠农民工工资')).toEqual([]);
  });

  it('falls back to shared character pairs when nothing else fits', () => {
    expect(searchMatters('占用堵塞消防车道路', matters)[0]).toMatchObject({
      matter: { code: 'YJ-002' },
      tier: 'keywords',
    });
  });
});

const ORDER = [
  'code',
  'name',
  'synonym',
  'code-prefix',
  'name-prefix',
  'name-substring',
  'name-within',
  'initials',
  'synonym-partial',
  'keywords',
];
const order = (tier: string): number => ORDER.indexOf(tier);

describe('the synonym list beside the catalogue', () => {
  it('names, for every entry, a matter of the sample power list by its code and its exact name', () => {
    for (const entry of MATTER_SYNONYMS) {
      expect(matters.find((m) => m.code === entry.code)?.name, entry.code).toBe(entry.name);
    }
  });

  it('finds its own matter first for every listed word, which no other entry lists', () => {
    const keys = MATTER_SYNONYMS.flatMap((e) => e.words.map(searchKey));
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of MATTER_SYNONYMS)
      for (const word of entry.words) expect(first(word), word).toBe(entry.code);
  });
});

describe('pinyinInitials', () => {
  it('reads each character in its word, keeps latin letters and digits, drops the rest', () => {
    expect(pinyinInitials('占道经营')).toBe('zdjy');
    expect(pinyinInitials('行政处罚')).toBe('xzcf');
    expect(pinyinInitials('银行')).toBe('yh');
    expect(pinyinInitials('KTV超时营业')).toBe('ktvcsyy');
    expect(pinyinInitials('、。')).toBe('');
  });
});
