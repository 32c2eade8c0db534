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
export {
  addCaseDepartmentSums,
  addDepartmentSums,
  departmentScorecards,
  scorecardsOfSums,
  type DepartmentScorecard,
  type DepartmentSums,
  type DepartmentSumsById,
} from './departments';
export {
  indicatorReport,
  indicatorReportOfRollUps,
  reportStart,
  type IndicatorReport,
  type IndicatorRollUps,
} from './report';
export {
  addFacts,
  addSums,
  emptySums,
  indicatorsOfSums,
  RATIO_KEYS,
  type IndicatorSums,
  type RatioKey,
  type RatioSums,
} from './sums';
export {
  caseTally,
  dayKey,
  dayTallies,
  sumTallies,
  TALLY_VERSION,
  tallyBasis,
  type CaseTally,
  type DayTally,
  type Summable,
  type TallyOptions,
} from './tally';
