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
export { caseFacts, type CaseFacts } from './case-facts';
export { computeIndicators, groupIndicators, indicatorsOfFacts, ratio } from './compute';
export { departmentScorecards, type DepartmentScorecard } from './departments';
