/**
 * From the features of a grid file to the grid rows of a centre, with everything wrong named by
 * feature and field: geometry, codes, names, the grid set (overlaps, gaps, fit to the boundary), and
 * the communities, patrol areas, teams and grid workers the grids name.
 */
import type { GridCode } from '../../grid/code';
import type { Community, Grid, GridWorker, PatrolArea, Team } from '../../model/organisation';
import type { GeoFeature } from '../geo';
import { deriveCommunities, type CommunityValue } from './communities';
import { checkDivisionCode, type CentreContext } from './context';
import { soundAreas } from './geometry';
import { checkGridCodes } from './grid-codes';
import { gridSetIssues, type PlacedGrid } from './grid-set-issues';
import { propertyText, type FieldMapping } from './mapping';
import { assignPatrolAreas } from './grid-patrol-areas';
import { IssueList, makeReport, type CentreReport } from './report';

/** The name a placeholder grid worker has until the centre enters the real one (data, not UI text). */
export const VACANT_GRID_WORKER_NAME = '待配备';

/** The id of the placeholder worker of a grid whose file names none. */
export function vacantGridWorkerId(code: GridCode): string {
  return `gw-vacant-${code}`;
}

export interface GridBuild {
  /** One row per feature with a sound geometry and an accepted code, in file order. */
  readonly grids: readonly Grid[];
  /** Derived from the codes' community part, named by the community-name field. */
  readonly communities: readonly Community[];
  /** The workers the file names (one per distinct name and phone) and a placeholder per grid without one. */
  readonly gridWorkers: readonly GridWorker[];
  /**
   * The patrol areas the grids belong to: the context's when it has them, else derived by dissolving
   * the grids that name the same patrol area (or, without a patrol-area field, the same team).
   */
  readonly patrolAreas: readonly PatrolArea[];
  /** Teams derived from the team names (only when the context knows no teams). */
  readonly teams: readonly Team[];
  readonly report: CentreReport;
}

/**
 * Builds the grids of a centre from the features of one file (lon/lat, as readGeoFile gives them).
 *
 * Required: a code property (15 digits starting with the centre's 6-digit county and 3-digit township
 * codes, unique) and a sound polygon per feature; refused features give errors and no row. A missing
 * name is a warning (the code is used). Every grid needs a patrol area: from the patrol-area field
 * (matched to the context's patrol areas, or new areas dissolved from their grids), else the patrol
 * area containing the grid (when the context has patrol areas), else one area per team named by the
 * team field; with none of these the file is refused. Grid workers are optional: a grid without one
 * gets a placeholder worker ({@link VACANT_GRID_WORKER_NAME}), with one warning counting them.
 */
export function buildGrids(
  features: readonly GeoFeature[],
  mapping: FieldMapping<'grids'>,
  ctx: CentreContext,
): GridBuild {
  checkDivisionCode(ctx);
  const issues = new IssueList(ctx.file);
  const empty = { grids: [], communities: [], gridWorkers: [], patrolAreas: [], teams: [] };
  const codeField = mapping.code;
  if (codeField === undefined) {
    issues.onFile('error', 'centreImport.mapping.noCode');
    return { ...empty, report: makeReport(issues.issues) };
  }
  const text = (feature: GeoFeature, field: string | undefined): string =>
    field === undefined ? '' : propertyText(feature.properties[field]);

  const areas = soundAreas(features, issues, ctx.applyRepairs === true);
  const codes = checkGridCodes(
    features.map((f) => text(f, codeField)),
    codeField,
    ctx.countyCode + ctx.townshipCode,
    issues,
  );
  const placed: PlacedGrid[] = [];
  features.forEach((_, index) => {
    const area = areas[index];
    const code = codes[index];
    if (area && code) placed.push({ index, code, geometry: area.geometry, areaM2: area.areaM2 });
  });
  gridSetIssues(placed, ctx.boundary, ctx.minAreaM2 ?? 1, issues);

  const communityValues: CommunityValue[] = placed.map((g) => {
    const feature = features[g.index] as GeoFeature;
    return {
      index: g.index,
      code: g.code,
      geometry: g.geometry,
      codeText: text(feature, mapping.communityCode),
      name: text(feature, mapping.communityName),
    };
  });
  const communities = deriveCommunities(communityValues, mapping, issues);
  const areasOf = assignPatrolAreas(
    placed.map((g) => ({
      ...g,
      patrolArea: text(features[g.index] as GeoFeature, mapping.patrolArea),
      team: text(features[g.index] as GeoFeature, mapping.team),
    })),
    mapping,
    ctx,
    issues,
  );

  const workers = new Map<string, GridWorker>();
  const gridWorkers: GridWorker[] = [];
  let vacant = 0;
  const grids: Grid[] = [];
  placed.forEach((g, k) => {
    const feature = features[g.index] as GeoFeature;
    let name = text(feature, mapping.name);
    if (name === '') {
      issues.feature('warning', 'centreImport.grid.nameMissing', g.index, {
        field: mapping.name ?? '',
        code: g.code,
      });
      name = g.code;
    }
    const workerName = text(feature, mapping.gridWorkerName);
    const phone = text(feature, mapping.gridWorkerPhone);
    let worker: GridWorker;
    if (workerName === '') {
      vacant++;
      worker = { id: vacantGridWorkerId(g.code), name: VACANT_GRID_WORKER_NAME, phone };
      gridWorkers.push(worker);
    } else {
      const key = `${workerName}\u0000${phone}`;
      const known = workers.get(key);
      if (known === undefined) {
        worker = { id: `gw-${String(workers.size + 1).padStart(4, '0')}`, name: workerName, phone };
        workers.set(key, worker);
        gridWorkers.push(worker);
      } else worker = known;
    }
    grids.push({
      code: g.code,
      name,
      communityCode: g.code.slice(9, 12),
      patrolAreaId: areasOf.idOfGrid[k] ?? '',
      gridWorkerId: worker.id,
      geometry: g.geometry,
      areaM2: Math.round(g.areaM2 * 100) / 100,
    });
  });
  if (vacant > 0) issues.onFile('warning', 'centreImport.grid.noGridWorker', { count: vacant });
  return {
    grids,
    communities,
    gridWorkers,
    patrolAreas: areasOf.patrolAreas,
    teams: areasOf.teams,
    report: makeReport(issues.issues),
  };
}
