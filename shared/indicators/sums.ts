/**
 * The indicators as plain sums: each ratio's numerator and denominator, added up case by case. A case's
 * facts (case-facts.ts) become sums, sums of any set of cases add up, and the indicators are read off
 * the sums at the end. Plain numbers only, so sums can be stored (a day's roll-up, tally.ts) and sent to
 * a worker; adding them in any order gives the same result, because every addend is a whole number
 * (counts and epoch-ms durations), far below 2^53.
 */
import type { CaseFacts } from './case-facts';
import type { Indicators, Ratio } from './types';

/** numerator / denominator, or null for an empty denominator (never NaN). */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** The rates of {@link Indicators} (counts over counts), in the order the dialog and the sheet show them. */
export const RATE_KEYS = [
  'closureRate',
  'onTimeClosureRate',
  'onTimeHandlingRate',
  'onTimeRegistrationRate',
  'accurateRegistrationRate',
  'validReportRate',
  'reworkRate',
  'extensionRate',
] as const satisfies readonly (keyof Indicators)[];

/** The ratios of {@link Indicators}, in their order: every key but `cases` (the rates, then the averages). */
export const RATIO_KEYS = [
  ...RATE_KEYS,
  'averageResponseMs',
  'averageHandlingMs',
] as const satisfies readonly Exclude<keyof Indicators, 'cases'>[];
export type RatioKey = (typeof RATIO_KEYS)[number];

/** One ratio's running sums. */
export interface RatioSums {
  numerator: number;
  denominator: number;
}

/**
 * The numerators and denominators of every indicator over a set of cases, and how many cases. An
 * accumulator: {@link addFacts} and {@link addSums} add into it in place.
 */
export type IndicatorSums = { cases: number } & { [K in RatioKey]: RatioSums };

/** Sums of no case. */
export function emptySums(): IndicatorSums {
  const sums = { cases: 0 } as IndicatorSums;
  for (const key of RATIO_KEYS) sums[key] = { numerator: 0, denominator: 0 };
  return sums;
}

/** A count: the case is in the denominator or not, and if it is, in the numerator or not. */
function count(sums: RatioSums, inDenominator: boolean, inNumerator: boolean): void {
  if (!inDenominator) return;
  sums.denominator += 1;
  if (inNumerator) sums.numerator += 1;
}

/** An average: a value adds to the numerator and the case to the denominator; null adds nothing. */
function average(sums: RatioSums, value: number | null): void {
  if (value === null) return;
  sums.denominator += 1;
  sums.numerator += value;
}

/**
 * Adds one case's facts into `into` (changing it) and returns it. Ratios follow 数字城管 practice: 结案率
 * and 按期结案率 over 应结案数 (registered, not voided or merged); 按时立案率, 准确立案率 and 延期率 over
 * 立案数; 有效上报率 over decided reports; 返工率 over verified cases; 按期处置率 over handled cases. A case
 * of an unknown matter (no clocks) is left out of the time-based ratios, numerator and denominator.
 */
export function addFacts(into: IndicatorSums, f: CaseFacts): IndicatorSums {
  const shouldClose = f.registered && !f.voided && !f.merged;
  into.cases += 1;
  count(into.closureRate, shouldClose, f.closed);
  if (f.clocks !== null) count(into.onTimeClosureRate, shouldClose, f.closed && f.allOnTime === true);
  if (f.handledOnTime !== null) count(into.onTimeHandlingRate, true, f.handledOnTime);
  if (f.clocks !== null) count(into.onTimeRegistrationRate, f.registered, f.registeredOnTime === true);
  count(into.accurateRegistrationRate, f.registered, !f.voided && !f.returnedToReported);
  count(into.validReportRate, f.registered || f.rejected, f.registered && !f.rejected);
  count(into.reworkRate, f.verified, f.reworked);
  count(into.extensionRate, f.registered, f.extended);
  average(into.averageResponseMs, f.responseMs);
  average(into.averageHandlingMs, f.handlingMs);
  return into;
}

/** Adds `from` into `into` (changing it) and returns it. */
export function addSums(into: IndicatorSums, from: Readonly<IndicatorSums>): IndicatorSums {
  into.cases += from.cases;
  for (const key of RATIO_KEYS) {
    into[key].numerator += from[key].numerator;
    into[key].denominator += from[key].denominator;
  }
  return into;
}

/** The indicators the sums give. */
export function indicatorsOfSums(sums: Readonly<IndicatorSums>): Indicators {
  const out = { cases: sums.cases } as { -readonly [K in keyof Indicators]: Indicators[K] };
  for (const key of RATIO_KEYS) out[key] = ratio(sums[key].numerator, sums[key].denominator);
  return out;
}
