/**
 * The one matter matcher (执法事项检索): what an operator types into the intake's matter field and what a
 * 12345 export writes in its category column, matched against the centre's power list. Pure; the index
 * of a power list (keys, pinyin initials, synonyms) is built once per list and reused.
 */
import type { Matter } from '../model/matter';
import { MATTER_SYNONYMS, type MatterSynonyms } from './synonyms';
import { matterCore, pinyinInitials, searchKey } from './text';

/**
 * Why a matter matched, strongest first; a search lists its hits in this order.
 * - `code`: the query is the matter's code (`cg-009`, `ＣＧ００９`).
 * - `name`: the query is the formal name, or the name without 对…的行政处罚.
 * - `synonym`: the query is one of the words listed for the matter (洗车, 违建, 占道经营).
 * - `code-prefix`: the code starts with the query (`CG-0`), or holds it when it has a digit (`009`).
 * - `name-prefix`, `name-substring`: the name (without 对) starts with, or holds, the query.
 * - `name-within`: the query holds the whole name without 对…的行政处罚 (a longer sentence).
 * - `initials`: the query is latin letters that the pinyin initials of a listed word or of the name
 *   are, start with, or (from 3 letters) hold: `zdjy` 占道经营, `xc` 洗车.
 * - `synonym-partial`: a listed word holds the query (噪音 in 施工噪音), or the query holds a listed word.
 * - `keywords`: nothing above matched any matter, and at least half the query's character pairs are in
 *   the name (消防通道被占用堵塞 → 占用、堵塞消防车通道).
 */
export const MATTER_HIT_TIERS = [
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
] as const;
export type MatterHitTier = (typeof MATTER_HIT_TIERS)[number];

/** One matter a search found, and why. */
export interface MatterHit {
  readonly matter: Matter;
  readonly tier: MatterHitTier;
  /**
   * Order inside the tier, lower first: for `name-within` the longer name, for `initials` a whole
   * word before a prefix before a part, for `synonym-partial` the longer word the query holds, for
   * `keywords` the larger share of character pairs, then the shorter name. Ties keep the catalogue's order.
   */
  readonly rank: number;
}

interface IndexedWord {
  readonly key: string;
  readonly initials: string;
}

interface IndexedMatter {
  readonly matter: Matter;
  readonly order: number;
  readonly code: string;
  readonly name: string;
  readonly core: string;
  readonly initials: string;
  readonly words: readonly IndexedWord[];
}

/** Share of the query's character pairs that must appear in the name for a `keywords` hit. */
const MIN_PAIR_SHARE = 0.5;

/**
 * The catalogue's matter for a synonym entry: the one with the entry's formal name (or its core), else
 * the one with the entry's code when its name shares the entry's core words; undefined when the power
 * list holds neither (a centre whose list has no such matter).
 */
export function resolveSynonyms(entry: MatterSynonyms, matters: readonly Matter[]): Matter | undefined {
  const core = matterCore(entry.name);
  const byName = matters.find((m) => m.name === entry.name || matterCore(m.name) === core);
  if (byName !== undefined) return byName;
  const byCode = matters.find((m) => m.code === entry.code);
  if (byCode === undefined) return undefined;
  const other = matterCore(byCode.name);
  return other.includes(core) || core.includes(other) ? byCode : undefined;
}

const indexes = new WeakMap<readonly Matter[], readonly IndexedMatter[]>();

function indexOf(matters: readonly Matter[]): readonly IndexedMatter[] {
  const known = indexes.get(matters);
  if (known !== undefined) return known;
  const wordsByCode = new Map<string, IndexedWord[]>();
  for (const entry of MATTER_SYNONYMS) {
    const matter = resolveSynonyms(entry, matters);
    if (matter === undefined) continue;
    const list = wordsByCode.get(matter.code) ?? [];
    for (const word of entry.words) list.push({ key: searchKey(word), initials: pinyinInitials(word) });
    wordsByCode.set(matter.code, list);
  }
  const index = matters.map((matter, order): IndexedMatter => {
    const core = matterCore(matter.name);
    return {
      matter,
      order,
      code: searchKey(matter.code),
      name: searchKey(matter.name),
      core: searchKey(core),
      initials: pinyinInitials(core),
      words: wordsByCode.get(matter.code) ?? [],
    };
  });
  indexes.set(matters, index);
  return index;
}

const TIER_ORDER: Readonly<Record<MatterHitTier, number>> = Object.fromEntries(
  MATTER_HIT_TIERS.map((tier, k) => [tier, k]),
) as Record<MatterHitTier, number>;

interface Draft {
  tier: MatterHitTier;
  rank: number;
}

const LATIN = /^[a-z]+$/;

function initialsRank(m: IndexedMatter, q: string): number | null {
  if (!LATIN.test(q) || q.length < 2) return null;
  if (m.words.some((w) => w.initials === q)) return 0;
  if (m.initials.startsWith(q)) return 1;
  if (m.words.some((w) => w.initials.startsWith(q))) return 2;
  if (q.length >= 3 && m.initials.includes(q)) return 3;
  return null;
}

function partialRank(m: IndexedMatter, q: string): number | null {
  if (m.words.some((w) => w.key.includes(q))) return 0;
  let longest = 0;
  for (const w of m.words)
    if (w.key.length >= 2 && q.includes(w.key)) longest = Math.max(longest, w.key.length);
  return longest > 0 ? 100 - longest : null;
}

/** The strongest reason `m` matches the query key `q` (see {@link MATTER_HIT_TIERS}), or null. */
function bestHit(m: IndexedMatter, q: string): Draft | null {
  if (m.code === q) return { tier: 'code', rank: 0 };
  if (m.name === q || m.core === q) return { tier: 'name', rank: 0 };
  if (m.words.some((w) => w.key === q)) return { tier: 'synonym', rank: 0 };
  if (q.length >= 2 && m.code.startsWith(q)) return { tier: 'code-prefix', rank: 0 };
  if (q.length >= 2 && /\d/.test(q) && m.code.includes(q)) return { tier: 'code-prefix', rank: 1 };
  if (m.core.startsWith(q) || m.name.startsWith(q)) return { tier: 'name-prefix', rank: 0 };
  if (m.core.includes(q)) return { tier: 'name-substring', rank: 0 };
  if (m.core.length >= 2 && q.includes(m.core)) return { tier: 'name-within', rank: -m.core.length };
  const initials = initialsRank(m, q);
  if (initials !== null) return { tier: 'initials', rank: initials };
  const partial = partialRank(m, q);
  if (partial !== null) return { tier: 'synonym-partial', rank: partial };
  return null;
}

function pairs(text: string): Set<string> {
  const grams = new Set<string>();
  for (let k = 0; k + 1 < text.length; k++) grams.add(text.slice(k, k + 2));
  return grams;
}

/** The `keywords` fallback: matters holding the largest share (≥ 50 %) of the query's character pairs. */
function keywordHits(index: readonly IndexedMatter[], q: string): { m: IndexedMatter; hit: Draft }[] {
  const grams = pairs(q);
  if (grams.size === 0) return [];
  const out: { m: IndexedMatter; hit: Draft }[] = [];
  for (const m of index) {
    const own = pairs(m.core);
    let shared = 0;
    for (const g of grams) if (own.has(g)) shared++;
    const share = shared / grams.size;
    if (share + 1e-9 < MIN_PAIR_SHARE) continue;
    // Larger share first, then the shorter name: both in one number.
    out.push({ m, hit: { tier: 'keywords', rank: Math.round((1 - share) * 1e6) * 1000 + m.core.length } });
  }
  return out;
}

/**
 * Builds the index of a power list (keys, pinyin initials, synonyms) ahead of the first search, which
 * otherwise pays for it (about 0.1 s for the sample's 110 matters, most of it pinyin-pro's first use).
 */
export function prepareMatterSearch(matters: readonly Matter[]): void {
  indexOf(matters);
}

/**
 * Finds the matters of `matters` (the centre's power list) for what someone typed, best first: by
 * tier ({@link MATTER_HIT_TIERS}: code, name, listed word, code prefix, name prefix, part of the name,
 * the name inside the query, pinyin initials, part of a listed word, shared character pairs), then by
 * rank inside the tier, then in the catalogue's order. The query is compared as {@link searchKey}
 * (case, width, spaces and punctuation ignored). Each matter appears once, for its strongest reason. An
 * empty query finds nothing; `limit` caps the list (all by default).
 */
export function searchMatters(query: string, matters: readonly Matter[], limit = Infinity): MatterHit[] {
  const q = searchKey(query);
  if (q === '') return [];
  const index = indexOf(matters);
  let found: { m: IndexedMatter; hit: Draft }[] = [];
  for (const m of index) {
    const hit = bestHit(m, q);
    if (hit !== null) found.push({ m, hit });
  }
  if (found.length === 0) found = keywordHits(index, q);
  found.sort(
    (a, b) =>
      TIER_ORDER[a.hit.tier] - TIER_ORDER[b.hit.tier] || a.hit.rank - b.hit.rank || a.m.order - b.m.order,
  );
  return found.slice(0, limit).map(({ m, hit }) => ({ matter: m.matter, tier: hit.tier, rank: hit.rank }));
}
