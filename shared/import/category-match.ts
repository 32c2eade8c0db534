/**
 * Classifying a hotline category to a matter of the centre's power list, in the order an operator would
 * trust: what the operator chose for this source before, then the matter's own code or name, then the
 * hotline names of {@link HOTLINE_CATEGORY_SYNONYMS}, then the character-pair guess of matchMatter.
 * Pure and per category: the import converts row by row and may call this from a worker.
 */
import type { Matter } from '../model/matter';
import { HOTLINE_CATEGORY_SYNONYMS, type HotlineCategorySynonym } from './hotline-categories';
import { matchMatter, matterCore } from './matter-match';

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
  const plain = text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
  let key = plain;
  for (
    let next = key.replace(NOISE_SUFFIX, '');
    next !== key && next !== '';
    next = key.replace(NOISE_SUFFIX, '')
  )
    key = next;
  return key;
}

const SYNONYM_INDEX: ReadonlyMap<string, HotlineCategorySynonym> = new Map(
  HOTLINE_CATEGORY_SYNONYMS.flatMap((entry) =>
    entry.names.map((name) => [categoryKey(name), entry] as const),
  ),
);

/**
 * The catalogue's matter for a synonym entry: the one with the entry's formal name (or its core), else
 * the one with the entry's code when its name shares the entry's core words; undefined when the power
 * list holds neither (a centre whose list has no such matter).
 */
function resolveSynonym(entry: HotlineCategorySynonym, matters: readonly Matter[]): Matter | undefined {
  const core = matterCore(entry.name);
  const byName = matters.find((m) => m.name === entry.name || matterCore(m.name) === core);
  if (byName !== undefined) return byName;
  const byCode = matters.find((m) => m.code === entry.code);
  if (byCode === undefined) return undefined;
  const other = matterCore(byCode.name);
  return other.includes(core) || core.includes(other) ? byCode : undefined;
}

/** Splits `城市管理>市容环境>占道经营` into its parts, most specific (last) first, the whole text first of all. */
function partsMostSpecificFirst(text: string): string[] {
  const parts = text
    .split(/[>＞\-—/／\\|｜]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [text, ...parts.reverse()];
}

/** The matter a hotline name of the synonym table means, trying the most specific part of a path first. */
export function synonymMatter(category: string, matters: readonly Matter[]): Matter | undefined {
  for (const part of partsMostSpecificFirst(category.trim())) {
    const entry = SYNONYM_INDEX.get(categoryKey(part));
    const matter = entry === undefined ? undefined : resolveSynonym(entry, matters);
    if (matter !== undefined) return matter;
  }
  return undefined;
}

/**
 * Finds the matter for one category cell. `choices` are the operator's own mappings for the file's source
 * (by {@link categoryKey}); a choice naming a code that is not in `matters` is ignored. Then the matter's
 * code or formal name (matchMatter), then the synonym table, then matchMatter's character-pair guess,
 * which may also answer `ambiguous`. An empty category is `none`.
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
  const direct = matchMatter(text, matters);
  if (direct.kind === 'matched' && direct.by !== 'keywords') return direct;
  const synonym = synonymMatter(text, matters);
  if (synonym !== undefined) return { kind: 'matched', matter: synonym, by: 'synonym' };
  return direct;
}
