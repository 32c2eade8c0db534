export {
  applyPositionReports,
  parsePositionReports,
  positionReportSchema,
  type PositionIssue,
  type PositionReport,
} from './reports';
export { seededRandom, simulatePatrolStep } from './patrol-simulator';
