export {
  applyPositionReports,
  MAX_REPORT_AGE_MS,
  MAX_REPORT_AHEAD_MS,
  parsePositionReports,
  positionReportSchema,
  type PositionCounts,
  type PositionIssue,
  type PositionReport,
} from './reports';
export { createPatrolSimulation, seededRandom, simulatorCalls } from './patrol-simulator';
