/**
 * A centre's dataset from its own files, every step in the order the set-up wizard runs them: the
 * teams sheet first (so the grids' and patrol areas' team fields are matched to it), the officers
 * sheet, the departments and matters (sheets, the built-in catalogue, or both), the boundary file
 * (when given), the patrol-area file (when given), the grids from the features read from the grids
 * file with the operator's field mapping (checked against that boundary, placed in those patrol
 * areas), the grid workers sheet laid over the grids, the boundary as the union of the grids when no
 * file gave one, the teams' leaders, and the assembly checked by parseDataset. Every problem comes
 * back as a message key with its parameters, each naming its file, and feature or row and field; the
 * dataset only when no problem is an error. Pure: the import worker runs it where the features are.
 */
import type { TownshipDataset } from '../../model/dataset';
import type { DatasetIssue } from '../../schema/issues';
import type { GeoFeature } from '../geo/result';
import { readImportFile } from '../table';
import type { ImportTable } from '../table-types';
import {
  linkTeamLeaders,
  readDepartments,
  readGridWorkers,
  readMatters,
  readOfficers,
  readTeams,
  sampleCatalogueSource,
  type TableProblem,
} from '../centre-tables';
import { assembleCentreDataset } from './assemble';
import { boundaryFromGrids, buildBoundary } from './build-boundary';
import { buildGrids, vacantGridWorkerId } from './build-grids';
import { buildPatrolAreas } from './build-patrol-areas';
import { mergeDepartments, mergeMatters } from './catalogue-sheets';
import { applyGridWorkerSheet } from './grid-worker-sheet';
import type { CentreLayerKind, FieldMapping } from './mapping';
import type { CentreIssue } from './report';
import { foldRepeatedWarnings } from './fold';

/** A sheet the operator picked: its name as chosen and its bytes. */
export interface PickedTable {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A polygon file the operator picked besides the grids, read (lon/lat) and mapped. */
export interface PickedLayer<K extends CentreLayerKind> {
  /** The file's name as chosen (its issues name it). */
  readonly file: string;
  readonly features: readonly GeoFeature[];
  readonly mapping: FieldMapping<K>;
}

export interface CentreFromFiles {
  readonly centreName: string;
  readonly townshipName: string;
  readonly countyCode: string;
  readonly townshipCode: string;
  /** The grids file's name as chosen (every grid issue names it). */
  readonly gridsFile: string;
  readonly mapping: FieldMapping<'grids'>;
  readonly teams: PickedTable;
  readonly officers: PickedTable;
  /**
   * Patrol areas from their own file: each grid goes to the area holding a point inside it (the
   * grids' patrol-area field is then not read). Without it the grids' field (or team) makes them.
   */
  readonly patrolAreas?: PickedLayer<'patrolAreas'>;
  /** The township boundary from its own file; without it, the union of the grids. */
  readonly boundary?: PickedLayer<'boundary'>;
  /** 网格员表: workers and the grids each answers for (in place of the grids file's worker fields). */
  readonly gridWorkers?: PickedTable;
  /** 执法事项表: the township's matters, on top of the catalogue when that is taken too (the sheet wins). */
  readonly matters?: PickedTable;
  /** 县级部门表: departments with their phones; one the catalogue has too keeps the catalogue's id. */
  readonly departments?: PickedTable;
  /** Take the built-in matter catalogue and its county departments (phones from the departments sheet). */
  readonly catalogue: boolean;
  /** Apply the safe geometry repairs (rewinding, closing rings) instead of refusing those grids. */
  readonly applyRepairs: boolean;
  readonly createdAt: number;
}

/** One problem of any step, as the report lists it: its severity, message key and parameters. */
export interface SetupProblem {
  readonly severity: 'error' | 'warning';
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** For a problem the dataset's own check found: the issue, which renders with its location. */
  readonly issue?: DatasetIssue;
  /**
   * A warning that stands for several of its kind in its file (fold.ts): how many there are, and the
   * first features (1-based) they name.
   */
  readonly repeats?: { readonly count: number; readonly features: readonly number[] };
}

export type CentreFromFilesResult =
  | {
      readonly ok: true;
      readonly dataset: TownshipDataset;
      readonly problems: readonly SetupProblem[];
      readonly counts: {
        readonly grids: number;
        readonly patrolAreas: number;
        readonly teams: number;
        readonly officers: number;
        /** Grid workers named (placeholders of grids without one not counted). */
        readonly gridWorkers: number;
        readonly matters: number;
        readonly departments: number;
      };
    }
  | { readonly ok: false; readonly problems: readonly SetupProblem[] };

const fromCentre = (issue: CentreIssue): SetupProblem => ({
  severity: issue.severity,
  key: issue.key,
  params: issue.params,
});
const fromTable = (problem: TableProblem): SetupProblem => problem;
const fromDataset = (issue: DatasetIssue): SetupProblem => ({
  severity: issue.severity === 'error' ? 'error' : 'warning',
  key: issue.key,
  params: {},
  issue,
});

function tableOf(picked: PickedTable | undefined, problems: SetupProblem[]): ImportTable | null | undefined {
  if (picked === undefined) return undefined;
  const read = readImportFile(picked.name, picked.bytes);
  if (read.ok) return read.table;
  problems.push({ severity: 'error', key: read.key, params: read.params });
  return null;
}

/**
 * Builds the dataset from the grids' features and the picked files (see the file's comment); repeated
 * warnings of one kind come folded into one line each (fold.ts).
 */
export function centreFromFiles(
  features: readonly GeoFeature[],
  input: CentreFromFiles,
): CentreFromFilesResult {
  const built = buildFromFiles(features, input);
  return { ...built, problems: foldRepeatedWarnings(built.problems) };
}

function buildFromFiles(features: readonly GeoFeature[], input: CentreFromFiles): CentreFromFilesResult {
  const problems: SetupProblem[] = [];
  const teamsTable = tableOf(input.teams, problems);
  const officersTable = tableOf(input.officers, problems);
  const workersTable = tableOf(input.gridWorkers, problems);
  const mattersTable = tableOf(input.matters, problems);
  const departmentsTable = tableOf(input.departments, problems);
  if (!teamsTable || !officersTable || [workersTable, mattersTable, departmentsTable].includes(null))
    return { ok: false, problems };
  const teams = readTeams(teamsTable);
  problems.push(...teams.problems.map(fromTable));
  const teamList = teams.rows.map((r) => ({ ...r.team, leaderId: '' }));
  const officers = readOfficers(officersTable, { teams: teamList });
  problems.push(...officers.problems.map(fromTable));

  const catalogue = input.catalogue ? sampleCatalogueSource() : { matters: [], departments: [] };
  const departmentRows = departmentsTable ? readDepartments(departmentsTable) : null;
  if (departmentRows) problems.push(...departmentRows.problems.map(fromTable));
  const departments = mergeDepartments(catalogue.departments, departmentRows?.rows ?? []);
  const matterRows = mattersTable ? readMatters(mattersTable, { departments }) : null;
  if (matterRows) problems.push(...matterRows.problems.map(fromTable));
  const matters = mergeMatters(input.matters?.name ?? '', catalogue.matters, matterRows?.rows ?? []);
  problems.push(...matters.issues.map(fromCentre));

  const place = {
    countyCode: input.countyCode,
    townshipCode: input.townshipCode,
    applyRepairs: input.applyRepairs,
  };
  const ownBoundary = input.boundary
    ? buildBoundary(input.boundary.features, input.boundary.mapping, { ...place, file: input.boundary.file })
    : null;
  if (ownBoundary) problems.push(...ownBoundary.report.issues.map(fromCentre));
  const areas = input.patrolAreas
    ? buildPatrolAreas(input.patrolAreas.features, input.patrolAreas.mapping, {
        ...place,
        file: input.patrolAreas.file,
        teams: teamList,
      })
    : null;
  if (areas) problems.push(...areas.report.issues.map(fromCentre));
  // With a patrol-area file, grids are placed by location, not by their patrol-area field.
  const { patrolArea: _byField, ...byLocation } = input.mapping;
  const grids = buildGrids(features, areas ? byLocation : input.mapping, {
    ...place,
    file: input.gridsFile,
    teams: teamList,
    ...(ownBoundary?.boundary ? { boundary: ownBoundary.boundary } : {}),
    ...(areas ? { patrolAreas: areas.patrolAreas } : {}),
  });
  const workerRows = workersTable ? readGridWorkers(workersTable) : null;
  const sheet =
    workerRows && input.gridWorkers
      ? applyGridWorkerSheet(input.gridWorkers.name, grids.grids, grids.gridWorkers, workerRows.rows)
      : null;
  // The grids' count of grids without a worker is stale once the sheet has given them theirs.
  problems.push(
    ...grids.report.issues
      .filter((i) => sheet === null || i.key !== 'centreImport.grid.noGridWorker')
      .map(fromCentre),
  );
  if (workerRows) problems.push(...workerRows.problems.map(fromTable));
  if (sheet) {
    problems.push(...sheet.issues.map(fromCentre));
    if (sheet.vacant > 0)
      problems.push({
        severity: 'warning',
        key: 'centreImport.grid.noGridWorker',
        params: { file: input.gridsFile, count: sheet.vacant },
      });
  }
  const gridRows = sheet?.grids ?? grids.grids;
  const gridWorkers = sheet?.gridWorkers ?? grids.gridWorkers;
  if (areas) {
    const used = new Set(gridRows.map((g) => g.patrolAreaId));
    for (const a of areas.patrolAreas)
      if (!used.has(a.id))
        problems.push({
          severity: 'warning',
          key: 'centreImport.patrolArea.noGrids',
          params: { file: input.patrolAreas?.file ?? '', name: a.name },
        });
  }
  const linked = linkTeamLeaders(
    input.teams.name,
    teams.rows,
    officers.rows.map((r) => r.officer),
  );
  problems.push(...linked.problems.map(fromTable));
  if (problems.some((p) => p.severity === 'error') || gridRows.length === 0) {
    return { ok: false, problems };
  }
  const boundary = ownBoundary ?? boundaryFromGrids(gridRows, input.gridsFile);
  if (!ownBoundary) problems.push(...boundary.report.issues.map(fromCentre));
  if (boundary.boundary === null) return { ok: false, problems };
  const assembled = assembleCentreDataset({
    centreName: input.centreName,
    townshipName: input.townshipName,
    countyCode: input.countyCode,
    townshipCode: input.townshipCode,
    boundary: boundary.boundary,
    grids: gridRows,
    communities: grids.communities,
    patrolAreas: grids.patrolAreas,
    teams: linked.rows.map((r) => r.team),
    officers: officers.rows.map((r) => r.officer),
    gridWorkers,
    matters: matters.matters,
    departments,
    createdAt: input.createdAt,
  });
  problems.push(...assembled.issues.map(fromCentre), ...assembled.warnings.map(fromDataset));
  if (!assembled.ok) return { ok: false, problems: [...problems, ...assembled.errors.map(fromDataset)] };
  const d = assembled.dataset;
  const vacant = new Set(d.grids.map((g) => vacantGridWorkerId(g.code)));
  return {
    ok: true,
    dataset: d,
    problems,
    counts: {
      grids: d.grids.length,
      patrolAreas: d.patrolAreas.length,
      teams: d.teams.length,
      officers: d.officers.length,
      gridWorkers: d.gridWorkers.filter((w) => !vacant.has(w.id)).length,
      matters: d.matters.length,
      departments: d.departments.length,
    },
  };
}
