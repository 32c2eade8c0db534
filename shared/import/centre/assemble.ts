/**
 * The last step of setting up a centre: the rows of every step put together as a township dataset
 * (no cases yet, an empty basemap) and checked as every stored dataset is, by parseDataset.
 */
import { area } from '@turf/turf';
import type { TownshipDataset } from '../../model/dataset';
import type { AreaGeometry } from '../../model/geo';
import type { Matter } from '../../model/matter';
import type {
  Community,
  Department,
  Grid,
  GridWorker,
  Officer,
  PatrolArea,
  Team,
} from '../../model/organisation';
import type { DatasetIssue } from '../../schema/issues';
import { CURRENT_SCHEMA_VERSION } from '../../schema/migrations';
import { parseDataset } from '../../schema/parse';
import { IssueList, type CentreIssue } from './report';
import { paletteColour, parseColour } from './teams';

/** What the wizard has gathered. Officers, grid workers, matters and departments may come from other modules. */
export interface CentreParts {
  /** The centre's label (meta.label), e.g. "梅村街道综合行政执法指挥中心". */
  readonly centreName: string;
  /** The township or street office, e.g. "梅村街道". */
  readonly townshipName: string;
  readonly countyCode: string;
  readonly townshipCode: string;
  /** The county's name, e.g. "新吴区"; may be left empty. */
  readonly countyName?: string;
  readonly boundary: AreaGeometry;
  readonly grids: readonly Grid[];
  readonly communities: readonly Community[];
  readonly patrolAreas: readonly PatrolArea[];
  readonly teams: readonly Team[];
  readonly officers: readonly Officer[];
  /** Workers the grids name; buildGrids gives placeholders for grids without one. */
  readonly gridWorkers: readonly GridWorker[];
  readonly matters: readonly Matter[];
  /** Needed only for matters whose power a county department holds. */
  readonly departments?: readonly Department[];
  /** When the centre is set up, epoch milliseconds (meta.generatedAt). */
  readonly createdAt: number;
}

export type AssembleResult =
  | {
      readonly ok: true;
      readonly dataset: TownshipDataset;
      /** What the assembly did on its own (colours assigned) or found (see CentreIssue). */
      readonly issues: readonly CentreIssue[];
      /** parseDataset's warnings (e.g. a team leader who is not among the officers). */
      readonly warnings: readonly DatasetIssue[];
    }
  | {
      readonly ok: false;
      readonly issues: readonly CentreIssue[];
      /** parseDataset's errors: each names the collection, record and field. */
      readonly errors: readonly DatasetIssue[];
      readonly warnings: readonly DatasetIssue[];
    };

/** The file name the dataset's own issues are reported under. */
export const ASSEMBLED_FILE = 'centre';

/**
 * Puts a centre's dataset together and validates it with parseDataset.
 *
 * Required: at least one grid and one matter (errors otherwise), and for every team at least one
 * officer: a team without a leader (leaderId empty, as derived teams are) is led by its first officer,
 * and a team with no officer is an error. Optional: departments (empty), the county's name (empty).
 * A patrol area without a valid #rrggbb colour gets the palette's next free colour (a warning says
 * how many). The dataset has no cases and an empty basemap; the township's area is the boundary's
 * spherical area in m². Every reference (grid → patrol area, worker, community; area → team;
 * officer → team; matter → department) and every code is then checked by parseDataset.
 */
export function assembleCentreDataset(parts: CentreParts): AssembleResult {
  const issues = new IssueList(ASSEMBLED_FILE);
  if (parts.grids.length === 0) issues.onFile('error', 'centreImport.assemble.noGrids');
  if (parts.matters.length === 0) issues.onFile('error', 'centreImport.assemble.noMatters');

  const teams = parts.teams.map((team) => {
    if (team.leaderId !== '') return team;
    const first = parts.officers.find((o) => o.teamId === team.id);
    if (first === undefined) {
      issues.onFile('error', 'centreImport.assemble.teamWithoutOfficer', { team: team.name });
      return team;
    }
    return { ...team, leaderId: first.id };
  });

  const inUse = new Set(parts.patrolAreas.flatMap((a) => parseColour(a.color) ?? []));
  let assigned = 0;
  const patrolAreas = parts.patrolAreas.map((a) => {
    const colour = parseColour(a.color);
    if (colour !== null) return colour === a.color ? a : { ...a, color: colour };
    return { ...a, color: paletteColour(assigned++, inUse) };
  });
  if (assigned > 0) issues.onFile('warning', 'centreImport.patrolArea.colourAssigned', { count: assigned });

  const dataset: TownshipDataset = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { label: parts.centreName, synthetic: false, generatedAt: parts.createdAt },
    township: {
      name: parts.townshipName,
      countyCode: parts.countyCode,
      countyName: parts.countyName ?? '',
      townshipCode: parts.townshipCode,
      boundary: parts.boundary,
      areaM2:
        Math.round(area(parts.boundary as unknown as GeoJSON.Polygon | GeoJSON.MultiPolygon) * 100) / 100,
    },
    communities: parts.communities,
    grids: parts.grids,
    gridWorkers: parts.gridWorkers,
    patrolAreas,
    teams,
    officers: parts.officers,
    departments: parts.departments ?? [],
    matters: parts.matters,
    basemap: { roads: [], water: [], settlements: [], pois: [] },
    cases: [],
  };
  const parsed = parseDataset(dataset, ASSEMBLED_FILE);
  if (parsed.ok && !issues.hasErrors)
    return { ok: true, dataset: parsed.dataset, issues: issues.issues, warnings: parsed.warnings };
  return {
    ok: false,
    issues: issues.issues,
    errors: parsed.ok ? [] : parsed.errors,
    warnings: parsed.warnings,
  };
}
