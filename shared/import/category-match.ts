/**
 * Classifying a hotline category to a matter of the centre's power list, in the order an operator would
 * trust: what the operator chose for this source before, then the one matter matcher of
 * shared/matters (searchMatters: code, name, the listed words, parts of names, character pairs), read
 * strictly. Pure and per category: the import converts row by row and may call this from a worker.
 */
import type { Matter } from '../model/matter';
import { searchMatters, type MatterHit, type MatterHitTier } from '../matters/search';
import { searchKey } from '../matters/text';

export type CategoryMatch =
  | {
      readonly kind: 'matched';
      readonly matter: Matter;
      readonly by: 'operator' | 'code' | 'name' | 'synonym' | 'keywords';
    }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Matter[] }
  | { readonly kind: 'none' };

/** Category text → matter code, as the operator mapped it for one source. */
export type CategoryChoices = Readonly<Record<string, string>>;

/** Words hotlines append to a category that change nothing: 占道经营问题, 噪音扰民投诉, 违建类. */
const NOISE_SUFFIX = /(问题|投诉|举报|现象|行为|情况|类)$/;

/**
 * The form a category is compared in: no spaces or punctuation, full-width letters as ASCII, and a
 * trailing 问题/投诉/举报/现象/行为/情况/类 dropped (repeatedly, so a key is its own key). Two texts with one
 * key are one category to the operator.
 */
export function categoryKey(text: string): string {
  let key = searchKey(text);
  for (
    let next = key.replace(NOISE_SUFFIX, '');
    next !== key && next !== '';
    next = key.replace(NOISE_SUFFIX, '')
  )
    key = next;
  return key;
}

/**
 * How the import reads the matcher's tiers, strongest first. Name prefixes and parts are one level (a
 * category that starts one name and is inside another fits both); code prefixes and pinyin initials are
 * typing aids of the intake field, never a classification.
 */
const IMPORT_LEVELS: readonly (readonly MatterHitTier[])[] = [
  ['code'],
  ['name'],
  ['synonym'],
  ['name-prefix', 'name-substring'],
  ['name-within'],
  ['synonym-partial'],
  ['keywords'],
];

const BY: Readonly<Record<MatterHitTier, 'code' | 'name' | 'synonym' | 'keywords'>> = {
  code: 'code',
  name: 'name',
  synonym: 'synonym',
  'code-prefix': 'code',
  'name-prefix': 'keywords',
  'name-substring': 'keywords',
  'name-within': 'keywords',
  initials: 'keywords',
  'synonym-partial': 'synonym',
  keywords: 'keywords',
};

/** Splits `城市管理>市容环境>占道经营` into its parts, most specific (last) first. */
function partsMostSpecificFirst(text: string): string[] {
  return text
    .split(/[>＞\-—/／\\|｜]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .reverse();
}

interface Reading {
  readonly level: number;
  readonly match: CategoryMatch;
}

/** The strongest import level among `hits`, and the matter (or the tied candidates) at its best rank. */
function readHits(hits: readonly MatterHit[], short: boolean): Reading | null {
  for (let level = 0; level < IMPORT_LEVELS.length; level++) {
    const tiers = IMPORT_LEVELS[level] as readonly MatterHitTier[];
    // A one-character part (a 类 left alone, a stray 站) is too short to be part of a name or a word.
    if (short && level >= 3) return null;
    const atLevel = hits.filter((h) => tiers.includes(h.tier));
    if (atLevel.length === 0) continue;
    const best = Math.min(...atLevel.map((h) => h.rank));
    const top = atLevel.filter((h) => h.rank === best);
    const first = top[0] as MatterHit;
    return {
      level,
      match:
        top.length === 1
          ? { kind: 'matched', matter: first.matter, by: BY[first.tier] }
          : { kind: 'ambiguous', candidates: top.map((h) => h.matter) },
    };
  }
  return null;
}

/**
 * Finds the matter for one category cell. `choices` are the operator's own mappings for the file's source
 * (by {@link categoryKey}); a choice naming a code that is not in `matters` is ignored. Then
 * searchMatters on the whole text and on each part of a path (`城市管理>市容环境>占道经营`), read by
 * level: code, formal name, a listed word (synonym), the start or a part of one name, a whole name inside
 * the category, a listed word inside it (or it inside one), shared character pairs. The strongest level
 * over all parts wins (the most specific part on a tie); two matters at that level and rank are
 * `ambiguous`. An empty category is `none`.
 */
export function classifyCategory(
  category: string,
  matters: readonly Matter[],
  choices: CategoryChoices = {},
): CategoryMatch {
  const text = category.trim();
  if (text === '') return { kind: 'none' };
  const chosen = choices[categoryKey(text)];
  const chosenMatter = chosen === undefined ? undefined : matters.find((m) => m.code === chosen);
  if (chosenMatter !== undefined) return { kind: 'matched', matter: chosenMatter, by: 'operator' };
  const parts = partsMostSpecificFirst(text);
  // The whole text only for its code or name: a path's parts are read one by one.
  const texts = parts.length > 1 ? [text, ...parts] : [text];
  let best: Reading | null = null;
  texts.forEach((part, k) => {
    const key = categoryKey(part);
    const whole = k === 0 && parts.length > 1;
    const hits = searchMatters(key, matters).filter((h) => !whole || h.tier === 'code' || h.tier === 'name');
    const reading = readHits(hits, key.length < 2);
    if (reading !== null && (best === null || reading.level < best.level)) best = reading;
  });
  return (best as Reading | null)?.match ?? { kind: 'none' };
}
