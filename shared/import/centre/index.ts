/**
 * Setting up a centre from a township's own files: the step between features read from a file
 * (shared/import/geo) and the rows a centre's dataset stores. Guess a field mapping, build grids,
 * patrol areas and the boundary with a report naming every problem, assemble the dataset.
 */
export { CENTRE_FIELDS, guessMapping, propertyNames, propertyText } from './mapping';
export type { CentreField, CentreLayerKind, FieldMapping } from './mapping';
export type { CentreContext } from './context';
export { CENTRE_ISSUE_KEYS } from './report';
export type { CentreIssue, CentreIssueKey, CentreReport, Severity } from './report';
export { buildGrids, VACANT_GRID_WORKER_NAME, vacantGridWorkerId } from './build-grids';
export type { GridBuild } from './build-grids';
export { buildPatrolAreas } from './build-patrol-areas';
export type { PatrolAreaBuild } from './build-patrol-areas';
export { boundaryFromGrids, buildBoundary } from './build-boundary';
export type { BoundaryBuild } from './build-boundary';
export { ASSEMBLED_FILE, assembleCentreDataset } from './assemble';
export type { AssembleResult, CentreParts } from './assemble';
export { PATROL_AREA_PALETTE, paletteColour, parseColour } from './teams';
export { centreFromFiles } from './from-files';
export type {
  CentreFromFiles,
  CentreFromFilesResult,
  PickedLayer,
  PickedTable,
  SetupProblem,
} from './from-files';
export { applyGridWorkerSheet } from './grid-worker-sheet';
export { mergeDepartments, mergeMatters } from './catalogue-sheets';
