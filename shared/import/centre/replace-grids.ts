/**
 * 替换网格: new grids for a centre that already works, from a grid file (re-gridding by the surveying
 * bureau). The grids, their communities, grid workers and patrol areas are built from the file against
 * the centre's own teams and boundary (buildGrids), and every open case is located in the new grids:
 * what moves to another grid or team is listed before anything is written, and an open case that no
 * new grid contains is an error (it would belong nowhere). Closed cases keep the grid they were handled
 * in, retired or not. Pure: the import worker runs it where the file's features are.
 */
import type { Case } from '../../model/case';
import type { TownshipDataset } from '../../model/dataset';
import type { Community, Grid, GridWorker, PatrolArea } from '../../model/organisation';
import { caseCoordinates, caseGridChanges, type CaseGridChange } from '../../assignment/reassign';
import { createGridLocator } from '../../spatial';
import type { GeoFeature } from '../geo/result';
import { buildGrids } from './build-grids';
import type { FieldMapping } from './mapping';
import type { SetupProblem } from './from-files';
import { foldRepeatedWarnings } from './fold';

/** The centre as it is: what the new grids are built against and checked with. */
export interface GridReplacementCurrent {
  /** The stored dataset's organisation (its cases are not read: pass the open ones apart). */
  readonly dataset: Pick<TownshipDataset, 'township' | 'teams' | 'grids'>;
  readonly openCases: readonly Case[];
}

export interface GridReplacementInput {
  /** The grid file's name as chosen; every problem names it. */
  readonly file: string;
  readonly mapping: FieldMapping<'grids'>;
  readonly countyCode: string;
  readonly townshipCode: string;
  readonly applyRepairs: boolean;
}

/** The rows a replacement writes: the new grid layer, whole. */
export interface GridLayer {
  readonly grids: readonly Grid[];
  readonly communities: readonly Community[];
  readonly gridWorkers: readonly GridWorker[];
  readonly patrolAreas: readonly PatrolArea[];
}

export type MovedCase = Extract<CaseGridChange, { readonly kind: 'moved' }>;

export type GridReplacement =
  | {
      readonly ok: true;
      readonly layer: GridLayer;
      /** Open cases whose grid or team changes, with where they go. */
      readonly moves: readonly MovedCase[];
      /** Grid codes of the centre that the new grids no longer have. */
      readonly retired: readonly string[];
      /** Codes that are new. */
      readonly added: readonly string[];
      readonly problems: readonly SetupProblem[];
    }
  | { readonly ok: false; readonly problems: readonly SetupProblem[] };

/**
 * Builds the new grid layer from `features` and works out what it does to the open cases; repeated
 * warnings of one kind come folded into one line each, as the set-up's do (fold.ts).
 */
export function planGridReplacement(
  features: readonly GeoFeature[],
  input: GridReplacementInput,
  current: GridReplacementCurrent,
): GridReplacement {
  const planned = planReplacement(features, input, current);
  return { ...planned, problems: foldRepeatedWarnings(planned.problems) };
}

function planReplacement(
  features: readonly GeoFeature[],
  input: GridReplacementInput,
  current: GridReplacementCurrent,
): GridReplacement {
  const built = buildGrids(features, input.mapping, {
    file: input.file,
    countyCode: input.countyCode,
    townshipCode: input.townshipCode,
    teams: current.dataset.teams,
    boundary: current.dataset.township.boundary,
    applyRepairs: input.applyRepairs,
  });
  const problems: SetupProblem[] = built.report.issues.map((issue) => ({
    severity: issue.severity,
    key: issue.key,
    params: issue.params,
  }));
  // The team field must name the centre's own teams (buildGrids names any other): new teams would
  // have no officers.
  if (problems.some((p) => p.severity === 'error') || built.grids.length === 0)
    return { ok: false, problems };

  const locator = createGridLocator(built.grids.map((g) => ({ code: g.code, geometry: g.geometry })));
  const { lon, lat } = caseCoordinates(current.openCases);
  // The locator's index is the grid's place in the list it was built from: built.grids.
  const answers = new Int32Array(current.openCases.length);
  for (let i = 0; i < answers.length; i += 1) {
    const found = locator.locate(lon[i] as number, lat[i] as number);
    answers[i] = found.kind === 'inside' ? found.index : -1;
  }
  const changes = caseGridChanges(current.openCases, answers, {
    grids: built.grids,
    patrolAreas: built.patrolAreas,
    teams: current.dataset.teams,
  });
  const moves: MovedCase[] = [];
  for (const change of changes) {
    if (change.kind === 'moved') moves.push(change);
    else {
      problems.push({
        severity: 'error',
        key: 'replaceGrids.caseOutside',
        params: { file: input.file, caseNo: change.caseNo, grid: change.from.gridCode },
      });
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  const next = new Set(built.grids.map((g) => g.code));
  const before = new Set(current.dataset.grids.map((g) => g.code));
  return {
    ok: true,
    layer: {
      grids: built.grids,
      communities: built.communities,
      gridWorkers: built.gridWorkers,
      patrolAreas: built.patrolAreas,
    },
    moves,
    retired: [...before].filter((code) => !next.has(code)),
    added: [...next].filter((code) => !before.has(code)),
    problems,
  };
}
