export {
  ISSUE_MESSAGES_EN,
  formatLocation,
  interpolate,
  type DatasetIssue,
  type IssueKey,
  type IssueLocation,
  type IssueParams,
} from './issues';
export {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  migrateDataset,
  readSchemaVersion,
  type MigrateOptions,
  type MigrationError,
  type MigrationResult,
  type MigrationStep,
} from './migrations';
export { parseDataset, parseDatasetFiles, type DatasetFile, type ParseDatasetResult } from './parse';
export { SAMPLE_LEAD_MS, newestEventAt, sampleTimeShift, shiftDatasetTime } from './time-shift';
export { townshipDatasetSchema } from './entities';
