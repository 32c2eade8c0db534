/**
 * 数字城管 performance indicators (绩效考核) over any set of cases: the whole township, a team, a grid,
 * an officer, a matter or a county department. Each case is replayed once into facts
 * (case-facts.ts); indicators are sums over those facts (sums.ts).
 */
import { caseFacts, type CaseFacts } from './case-facts';
import { addFacts, emptySums, indicatorsOfSums } from './sums';
import type { GroupKey, IndicatorCase, IndicatorGroup, IndicatorOptions, Indicators } from './types';

export { ratio } from './sums';

/** Indicators over facts already read (see {@link caseFacts}): a fold of {@link addFacts}. */
export function indicatorsOfFacts(facts: readonly CaseFacts[]): Indicators {
  const sums = emptySums();
  for (const f of facts) addFacts(sums, f);
  return indicatorsOfSums(sums);
}

/**
 * The indicators over a set of cases. Clocks are taken from each case when given, else computed from
 * `options` (calendar, policy, matters) as of `options.now`. Ratios follow 数字城管 practice: 结案率 and
 * 按期结案率 over 应结案数 (registered, not voided or merged); 按时立案率, 准确立案率 and 延期率 over 立案数;
 * 有效上报率 over decided reports; 返工率 over verified cases; 按期处置率 over handled cases.
 */
export function computeIndicators(cases: readonly IndicatorCase[], options: IndicatorOptions): Indicators {
  return indicatorsOfFacts(cases.map((item) => caseFacts(item, options)));
}

function keysOf(item: IndicatorCase, facts: CaseFacts, by: GroupKey): readonly string[] {
  switch (by) {
    case 'officer':
      return [...new Set(item.case.officerIds ?? [])];
    case 'team':
      return [item.case.teamId];
    case 'grid':
      return [item.case.gridCode];
    case 'matter':
      return [item.case.matterCode];
    case 'department':
      return facts.departments;
  }
}

/**
 * Indicators per officer (a case counts for each of its officerIds), team, grid, matter or county
 * department (whistle cases, for each department called in), sorted by key. Cases without a key (no
 * officers, no whistle) are in no group. Each case is replayed once whatever the grouping.
 */
export function groupIndicators(
  cases: readonly IndicatorCase[],
  by: GroupKey,
  options: IndicatorOptions,
): IndicatorGroup[] {
  const groups = new Map<string, CaseFacts[]>();
  for (const item of cases) {
    const facts = caseFacts(item, options);
    for (const key of keysOf(item, facts, by)) {
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [facts]);
      else list.push(facts);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, facts]) => ({ key, indicators: indicatorsOfFacts(facts) }));
}
