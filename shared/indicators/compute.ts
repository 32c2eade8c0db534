/**
 * 数字城管 performance indicators (绩效考核) over any set of cases: the whole township, a team, a grid,
 * an officer, a matter or a county department. Each case is replayed once into facts
 * (case-facts.ts); indicators are counts over those facts.
 */
import { caseFacts, type CaseFacts } from './case-facts';
import type { GroupKey, IndicatorCase, IndicatorGroup, IndicatorOptions, Indicators, Ratio } from './types';

/** numerator / denominator, or null for an empty denominator (never NaN). */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

class Tally {
  n = 0;
  d = 0;
  add(inDenominator: boolean, inNumerator: boolean): void {
    if (!inDenominator) return;
    this.d += 1;
    if (inNumerator) this.n += 1;
  }
  sum(value: number | null): void {
    if (value === null) return;
    this.d += 1;
    this.n += value;
  }
  ratio(): Ratio {
    return ratio(this.n, this.d);
  }
}

/** Indicators over facts already read (see {@link caseFacts}). */
export function indicatorsOfFacts(facts: readonly CaseFacts[]): Indicators {
  const closure = new Tally();
  const onTimeClosure = new Tally();
  const onTimeHandling = new Tally();
  const onTimeRegistration = new Tally();
  const accurate = new Tally();
  const valid = new Tally();
  const rework = new Tally();
  const extension = new Tally();
  const response = new Tally();
  const handling = new Tally();
  for (const f of facts) {
    const shouldClose = f.registered && !f.voided && !f.merged;
    closure.add(shouldClose, f.closed);
    // Unknown matter: no clocks, so the case is left out of the time-based ratios.
    if (f.clocks !== null) onTimeClosure.add(shouldClose, f.closed && f.allOnTime === true);
    if (f.handledOnTime !== null) onTimeHandling.add(true, f.handledOnTime);
    if (f.clocks !== null) onTimeRegistration.add(f.registered, f.registeredOnTime === true);
    accurate.add(f.registered, !f.voided && !f.returnedToReported);
    valid.add(f.registered || f.rejected, f.registered && !f.rejected);
    rework.add(f.verified, f.reworked);
    extension.add(f.registered, f.extended);
    response.sum(f.responseMs);
    handling.sum(f.handlingMs);
  }
  return {
    cases: facts.length,
    closureRate: closure.ratio(),
    onTimeClosureRate: onTimeClosure.ratio(),
    onTimeHandlingRate: onTimeHandling.ratio(),
    onTimeRegistrationRate: onTimeRegistration.ratio(),
    accurateRegistrationRate: accurate.ratio(),
    validReportRate: valid.ratio(),
    reworkRate: rework.ratio(),
    extensionRate: extension.ratio(),
    averageResponseMs: response.ratio(),
    averageHandlingMs: handling.ratio(),
  };
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
