import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { mapFontFaces, parseFontFaceRules } from '../../renderer/fonts/font-faces';

const PACKAGE = new URL('../../node_modules/@fontsource/noto-sans-sc/', import.meta.url);
const SAMPLE = new URL('../../resources/sample/township.json', import.meta.url);

/** Whether a CSS `unicode-range` entry (`U+4e00-4e3f`, `U+4e41`, `U+4??`) covers the code point. */
function covers(range: string, codePoint: number): boolean {
  const m = /^U\+([0-9a-f?]+)(?:-([0-9a-f]+))?$/i.exec(range);
  if (!m) throw new Error(`not a unicode range: ${range}`);
  const start = parseInt((m[1] ?? '').replace(/\?/g, '0'), 16);
  const end = m[2] !== undefined ? parseInt(m[2], 16) : parseInt((m[1] ?? '').replace(/\?/g, 'f'), 16);
  return codePoint >= start && codePoint <= end;
}

/** Every string in a JSON value. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) yield* strings(v);
}

describe('the bundled CJK webfont', () => {
  it('reads every @font-face of the package stylesheet, woff2 first, with its unicode range', async () => {
    const rules = parseFontFaceRules(await readFile(new URL('400.css', PACKAGE), 'utf8'));
    expect(rules.length).toBeGreaterThan(90);
    for (const rule of rules) {
      expect(rule).toMatchObject({ family: 'Noto Sans SC', weight: '400', style: 'normal' });
      expect(rule.src).toMatch(/^\.\/files\/noto-sans-sc-[\w-]+-400-normal\.woff2$/);
      expect(rule.unicodeRange.length).toBeGreaterThan(0);
      expect((await stat(new URL(rule.src, PACKAGE))).size).toBeGreaterThan(0);
    }
  });

  it('covers every Chinese character of the sample township (names of places, grids, teams, officers)', async () => {
    const rules = parseFontFaceRules(await readFile(new URL('400.css', PACKAGE), 'utf8'));
    const text = new Set<number>();
    for (const s of strings(JSON.parse(await readFile(SAMPLE, 'utf8')))) {
      for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp >= 0x3000) text.add(cp);
      }
    }
    expect(text.size).toBeGreaterThan(300);
    const missing = [...text].filter((cp) => !rules.some((r) => r.unicodeRange.some((u) => covers(u, cp))));
    expect(missing.map((cp) => String.fromCodePoint(cp))).toEqual([]);
  });

  it('hands MapLibre one font face per file the build serves, with the rule’s unicode range', () => {
    const rules = parseFontFaceRules(`
      @font-face { font-family: 'Noto Sans SC'; font-weight: 400;
        src: url(./files/a-4-400-normal.woff2) format('woff2'), url(./files/a-4-400-normal.woff) format('woff');
        unicode-range: U+4e00-4e3f, U+4e41; }
      @font-face { font-family: "Noto Sans SC"; src: url("./files/b.woff2") format('woff2'); }
      @font-face { font-family: 'Noto Sans SC'; src: url(./files/not-built.woff2); unicode-range: U+20; }`);
    const urls = new Map([
      ['a-4-400-normal.woff2', '/assets/a-4-400-normal-abc.woff2'],
      ['b.woff2', '/assets/b-def.woff2'],
    ]);
    expect(mapFontFaces(rules, (name) => urls.get(name))).toEqual([
      { url: '/assets/a-4-400-normal-abc.woff2', 'unicode-range': ['U+4e00-4e3f', 'U+4e41'] },
      { url: '/assets/b-def.woff2' },
    ]);
  });
});
