export {
  GROUP_KEYS,
  type GroupKey,
  type IndicatorCase,
  type IndicatorCaseInfo,
  type IndicatorGroup,
  type IndicatorOptions,
  type Indicators,
  type Ratio,
} from './types';
export { caseFacts, computeClocks, type CaseFacts } from './case-facts';
export {
  currentAlarm,
  currentAlarms,
  tallyAlarms,
  type AlarmCounts,
  type ClockedCase,
  type CurrentAlarm,
  type CurrentAlarms,
} from './current';
export { computeIndicators, groupIndicators, indicatorsOfFacts, ratio } from './compute';
export { departmentScorecards, type DepartmentScorecard } from './departments';
export { indicatorReport, reportStart, type IndicatorReport } from './report';
