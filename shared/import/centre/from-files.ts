/**
 * A centre's dataset from its own files, every step in the order the set-up wizard runs them: the
 * teams sheet first (so the grids' team field is matched to it), then the officers sheet, the grids
 * from the features read from the grids file with the operator's field mapping, the boundary as the
 * union of the grids, the teams' leaders, the built-in matter catalogue (or none), and the assembly
 * checked by parseDataset. Every problem comes back as a message key with its parameters, each
 * naming its file, and feature or row and field; the dataset only when no problem is an error. Pure:
 * the import worker runs it where the features already are.
 */
import type { TownshipDataset } from '../../model/dataset';
import type { DatasetIssue } from '../../schema/issues';
import type { GeoFeature } from '../geo/result';
import { readImportFile } from '../table';
import {
  linkTeamLeaders,
  readOfficers,
  readTeams,
  sampleCatalogueSource,
  type TableProblem,
} from '../centre-tables';
import { assembleCentreDataset } from './assemble';
import { boundaryFromGrids } from './build-boundary';
import { buildGrids } from './build-grids';
import type { FieldMapping } from './mapping';
import type { CentreIssue } from './report';

/** A sheet the operator picked: its name as chosen and its bytes. */
export interface PickedTable {
  readonly name: string;
  readonly bytes: Uint8Array;
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
  /** Take the built-in matter catalogue and its county departments (their phones left empty). */
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

function tableOf(picked: PickedTable, problems: SetupProblem[]) {
  const read = readImportFile(picked.name, picked.bytes);
  if (read.ok) return read.table;
  problems.push({ severity: 'error', key: read.key, params: read.params });
  return null;
}

/** Builds the dataset from the grids' features and the picked sheets (see the file's comment). */
export function centreFromFiles(
  features: readonly GeoFeature[],
  input: CentreFromFiles,
): CentreFromFilesResult {
  const problems: SetupProblem[] = [];
  const teamsTable = tableOf(input.teams, problems);
  const officersTable = tableOf(input.officers, problems);
  if (teamsTable === null || officersTable === null) return { ok: false, problems };
  const teams = readTeams(teamsTable);
  problems.push(...teams.problems.map(fromTable));
  const teamList = teams.rows.map((r) => ({ ...r.team, leaderId: '' }));
  const officers = readOfficers(officersTable, { teams: teamList });
  problems.push(...officers.problems.map(fromTable));
  const grids = buildGrids(features, input.mapping, {
    file: input.gridsFile,
    countyCode: input.countyCode,
    townshipCode: input.townshipCode,
    teams: teamList,
    applyRepairs: input.applyRepairs,
  });
  problems.push(...grids.report.issues.map(fromCentre));
  const linked = linkTeamLeaders(
    input.teams.name,
    teams.rows,
    officers.rows.map((r) => r.officer),
  );
  problems.push(...linked.problems.map(fromTable));
  if (problems.some((p) => p.severity === 'error') || grids.grids.length === 0) {
    return { ok: false, problems };
  }
  const boundary = boundaryFromGrids(grids.grids, input.gridsFile);
  problems.push(...boundary.report.issues.map(fromCentre));
  if (boundary.boundary === null) return { ok: false, problems };
  const catalogue = input.catalogue ? sampleCatalogueSource() : { matters: [], departments: [] };
  const assembled = assembleCentreDataset({
    centreName: input.centreName,
    townshipName: input.townshipName,
    countyCode: input.countyCode,
    townshipCode: input.townshipCode,
    boundary: boundary.boundary,
    grids: grids.grids,
    communities: grids.communities,
    patrolAreas: grids.patrolAreas,
    teams: linked.rows.map((r) => r.team),
    officers: officers.rows.map((r) => r.officer),
    gridWorkers: grids.gridWorkers,
    matters: catalogue.matters,
    departments: catalogue.departments.map((d) => ({ ...d, phone: '' })),
    createdAt: input.createdAt,
  });
  problems.push(...assembled.issues.map(fromCentre), ...assembled.warnings.map(fromDataset));
  if (!assembled.ok) return { ok: false, problems: [...problems, ...assembled.errors.map(fromDataset)] };
  const d = assembled.dataset;
  return {
    ok: true,
    dataset: d,
    problems,
    counts: {
      grids: d.grids.length,
      patrolAreas: d.patrolAreas.length,
      teams: d.teams.length,
      officers: d.officers.length,
    },
  };
}
