import type { WorkingCalendar } from '../calendar/config';
import type { LoopEvent, LoopStage } from '../cases/loop-types';
import type { CaseClocks, TimeLimitPolicy } from '../cases/time-limits';
import type { CaseSource, Urgency } from '../model/case';
import type { Matter } from '../model/matter';

/** The fields of a case the indicators read (a {@link Case} has them all). */
export interface IndicatorCaseInfo {
  readonly id: string;
  readonly matterCode: string;
  readonly urgency: Urgency;
  readonly source: CaseSource;
  readonly gridCode: string;
  readonly teamId: string;
  readonly officerIds?: readonly string[];
  /** Current stage; a loop stage or a terminal one ('rejected', 'voided', …). */
  readonly stage: LoopStage | (string & {});
  /** Epoch milliseconds. */
  readonly reportedAt: number;
}

/**
 * One case for the indicators: its fields, its event log in order, and optionally its clocks already
 * computed by `caseClocks` (with the same calendar, policy and `now`); when absent they are computed
 * here from `options.matters`.
 */
export interface IndicatorCase {
  readonly case: IndicatorCaseInfo;
  readonly events: readonly LoopEvent[];
  readonly clocks?: CaseClocks;
}

export interface IndicatorOptions {
  /** Epoch ms the running clocks are judged at (overdue now). */
  readonly now: number;
  readonly calendar: WorkingCalendar;
  readonly policy: TimeLimitPolicy;
  /**
   * Matters by code, for cases given without clocks. A case whose matter is unknown has no clocks and
   * is left out of the time-based indicators (both numerator and denominator), not counted as late.
   */
  readonly matters: ReadonlyMap<string, Matter>;
}

/**
 * A ratio or an average: `value` = numerator / denominator, null (never NaN) when the denominator is 0.
 * For averages the numerator is a sum (e.g. of working ms) and the denominator a count.
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
}

/**
 * The digital urban management indicators (数字城管考核指标) over a set of cases (a period's). What is
 * overdue now is no period's figure: see `currentAlarms` (current.ts).
 */
export interface Indicators {
  /** Cases in the set. */
  readonly cases: number;
  /** 结案率 = 结案数 / 应结案数 (registered, not voided or merged). */
  readonly closureRate: Ratio;
  /** 按期结案率 = 按期结案数 (closed, every clock period on time) / 应结案数. */
  readonly onTimeClosureRate: Ratio;
  /** 按期处置率 = cases whose every handling round finished on time / cases handled (fed back). */
  readonly onTimeHandlingRate: Ratio;
  /** 按时立案率 = cases registered within the register limit / 立案数. */
  readonly onTimeRegistrationRate: Ratio;
  /** 准确立案率 = registered, never voided nor returned to 上报 / 立案数. */
  readonly accurateRegistrationRate: Ratio;
  /** 有效上报率 = reports registered and never rejected / reports decided (registered or rejected). */
  readonly validReportRate: Ratio;
  /** 返工率 = cases with at least one 核查不通过 / cases verified at least once. */
  readonly reworkRate: Ratio;
  /** 延期率 = cases with at least one 延期 / 立案数. */
  readonly extensionRate: Ratio;
  /** Average working ms from report to registration (first register period, suspensions left out). */
  readonly averageResponseMs: Ratio;
  /** Average working ms from 签收 to 反馈, summed over handling rounds, suspensions left out. */
  readonly averageHandlingMs: Ratio;
}

/** What to group indicators by; 'department' groups whistle cases by the county department called in. */
export const GROUP_KEYS = ['officer', 'team', 'grid', 'matter', 'department'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export interface IndicatorGroup {
  /** Officer id, team id, grid code, matter code or department id. */
  readonly key: string;
  readonly indicators: Indicators;
}
