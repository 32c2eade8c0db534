import { describe, expect, it } from 'vitest';
import { generateTownship, SAMPLE_SEED } from '../../sample';
import { encodeGbk, firstNonGbk, gbkCharacters } from './gbk';

const gbk = new TextDecoder('gbk');

describe('the GBK encoder', () => {
  it('writes the code page 936 bytes of common characters', () => {
    expect([...(encodeGbk('中') ?? [])]).toEqual([0xd6, 0xd0]);
    expect([...(encodeGbk('网格A1') ?? [])]).toEqual([0xcd, 0xf8, 0xb8, 0xf1, 0x41, 0x31]);
    expect([...(encodeGbk('·') ?? [])]).toEqual([0xa1, 0xa4]);
    expect([...(encodeGbk('€') ?? [])]).toEqual([0x80]);
  });

  it('round-trips every character of the names a township holds (people, grids, communities, matters)', () => {
    const ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
    const names = [
      ...ds.officers.map((o) => o.name),
      ...ds.gridWorkers.map((w) => w.name),
      ...ds.grids.map((g) => g.name),
      ...ds.communities.map((c) => c.name),
      ...ds.teams.map((t) => t.name),
      ...ds.matters.map((m) => m.name),
      ...ds.departments.map((d) => d.name),
      // Names with characters common in Jiangsu place names and rarer surnames.
      '荡口',
      '鸿山',
      '梅村',
      '甪直',
      '浒墅关',
      '堰桥',
      '圩',
      '垛',
      '缪',
      '仇',
      '卞',
      '翟',
      '储',
      '新安村·荡口片',
      '第（一）网格',
      '１２３号',
    ];
    expect(names.length).toBeGreaterThan(300);
    const chars = new Set(names.join(''));
    expect(chars.size).toBeGreaterThan(300);
    for (const name of names) {
      const bytes = encodeGbk(name);
      expect(bytes, name).not.toBeNull();
      expect(gbk.decode(bytes!), name).toBe(name);
    }
  });

  it('knows a character for every two-byte GBK sequence, each decoding back to itself', () => {
    const chars = gbkCharacters();
    // 126 lead × 190 trail bytes (the WHATWG decoder maps user-defined areas to private use) + €.
    expect(chars.length).toBe(126 * 190 + 1);
    const bytes = encodeGbk(chars.join(''));
    expect(gbk.decode(bytes!)).toBe(chars.join(''));
  });

  it('refuses a character outside GBK and names it, rather than writing a replacement', () => {
    // 𠀀 (CJK extension B) and 䶮 (extension A, in GB18030 only as four bytes), and an emoji.
    for (const char of ['𠀀', '䶮', '😀']) {
      expect(encodeGbk(`王${char}明`), char).toBeNull();
      expect(firstNonGbk(`王${char}明`)).toBe(char);
    }
    expect(firstNonGbk('王小明')).toBeNull();
  });
});
