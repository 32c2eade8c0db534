/**
 * Classifying a hotline category (诉求分类) to an enforcement matter of the power list. 12345 platforms
 * use their own category trees, so exact matches are rare beyond codes and names; we fall back to the
 * overlap of Chinese character pairs, which works for the usual short phrases (夜间施工噪声, 占道摆摊).
 */
import type { Matter } from '../model/matter';

export type MatterMatch =
  | { readonly kind: 'matched'; readonly matter: Matter; readonly by: 'code' | 'name' | 'keywords' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Matter[] }
  | { readonly kind: 'none' };

/** Share of the category's character pairs that must appear in the matter name for a keyword match. */
const MIN_OVERLAP = 0.5;

/** The words every name of the power list has: 对…的行政处罚 / 行政强制 / 行政检查. */
export function matterCore(name: string): string {
  return name.replace(/^对/, '').replace(/的?行政(处罚|强制|检查|许可|确认|征收|奖励|裁决)$/, '');
}

/** Splits a category into its own words: `城市管理>市容环境>占道经营` → the parts, plus the whole. */
function categoryParts(text: string): string[] {
  const parts = text
    .split(/[>＞\-/／\\|｜\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 1 ? parts : [text];
}

function bigrams(text: string): Set<string> {
  const clean = text.replace(/[^\p{L}\p{N}]/gu, '');
  const grams = new Set<string>();
  for (let k = 0; k + 1 < clean.length; k++) grams.add(clean.slice(k, k + 2));
  return grams;
}

/**
 * Finds the matter for a category text: the exact code (case-insensitive), the exact name or its core
 * (without 对…的行政处罚), a core contained in the category or the category contained in one name; else
 * the matter whose name holds the largest share (≥ 50 %) of the category's character pairs, ties broken by
 * the shorter name. A tie that remains, or two names containing the category, is `ambiguous`.
 * For a category like `城市管理>夜间施工噪声扰民`, the most specific (last) part that matches wins.
 * Answers are remembered per power list (by identity) and category text: an export of 200,000 rows
 * names a few dozen categories, and matching one costs a pass over every matter.
 */
export function matchMatter(category: string, matters: readonly Matter[]): MatterMatch {
  let byText = remembered.get(matters);
  if (byText === undefined) {
    byText = new Map();
    remembered.set(matters, byText);
  }
  const known = byText.get(category);
  if (known !== undefined) return known;
  const match = findMatter(category, matters);
  byText.set(category, match);
  return match;
}

const remembered = new WeakMap<readonly Matter[], Map<string, MatterMatch>>();

function findMatter(category: string, matters: readonly Matter[]): MatterMatch {
  const text = category.trim();
  if (text === '') return { kind: 'none' };
  const upper = text.toUpperCase();
  const byCode = matters.find((m) => m.code.toUpperCase() === upper);
  if (byCode !== undefined) return { kind: 'matched', matter: byCode, by: 'code' };
  const byName = matters.find((m) => m.name === text || matterCore(m.name) === text);
  if (byName !== undefined) return { kind: 'matched', matter: byName, by: 'name' };
  const parts = categoryParts(text).reverse();
  for (const part of parts) {
    const result = matchPart(part, matters);
    if (result.kind !== 'none') return result;
  }
  return { kind: 'none' };
}

function matchPart(part: string, matters: readonly Matter[]): MatterMatch {
  const named = matters.find((m) => m.name === part || matterCore(m.name) === part || m.code === part);
  if (named !== undefined) return { kind: 'matched', matter: named, by: 'name' };
  const containing = matters.filter((m) => part.length >= 2 && matterCore(m.name).includes(part));
  if (containing.length === 1) return { kind: 'matched', matter: containing[0] as Matter, by: 'keywords' };
  if (containing.length > 1) return { kind: 'ambiguous', candidates: containing };
  const within = matters.filter((m) => part.includes(matterCore(m.name)));
  if (within.length > 0) {
    const longest = Math.max(...within.map((m) => matterCore(m.name).length));
    const top = within.filter((m) => matterCore(m.name).length === longest);
    if (top.length === 1) return { kind: 'matched', matter: top[0] as Matter, by: 'keywords' };
    return { kind: 'ambiguous', candidates: top };
  }
  const grams = bigrams(part);
  if (grams.size === 0) return { kind: 'none' };
  let best: Matter[] = [];
  let bestScore = 0;
  for (const matter of matters) {
    const nameGrams = bigrams(matterCore(matter.name));
    let shared = 0;
    for (const g of grams) if (nameGrams.has(g)) shared++;
    const score = shared / grams.size;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = [matter];
    } else if (Math.abs(score - bestScore) <= 1e-9 && score > 0) best.push(matter);
  }
  if (bestScore < MIN_OVERLAP || best.length === 0) return { kind: 'none' };
  if (best.length === 1) return { kind: 'matched', matter: best[0] as Matter, by: 'keywords' };
  const shortest = Math.min(...best.map((m) => matterCore(m.name).length));
  const tied = best.filter((m) => matterCore(m.name).length === shortest);
  return tied.length === 1
    ? { kind: 'matched', matter: tied[0] as Matter, by: 'keywords' }
    : { kind: 'ambiguous', candidates: tied };
}
