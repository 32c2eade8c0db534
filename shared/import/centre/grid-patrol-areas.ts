/**
 * Which patrol area each grid belongs to, and the patrol areas themselves when no patrol-area file
 * was given: the grids naming one patrol area (or one team) are dissolved into it.
 */
import type { GridCode } from '../../grid/code';
import type { AreaGeometry } from '../../model/geo';
import type { PatrolArea, Team } from '../../model/organisation';
import { dissolveAreas } from '../../spatial/dissolve';
import { buildPolygonStore, containsPoint } from '../../spatial/polygon-store';
import type { CentreContext } from './context';
import { interiorPoint } from './interior-point';
import type { FieldMapping } from './mapping';
import type { IssueList } from './report';
import { findPatrolArea, paletteColour, TeamResolver } from './teams';

export interface GridAreaValues {
  readonly index: number;
  readonly code: GridCode;
  readonly geometry: AreaGeometry;
  /** The patrol-area field's value ('' when not mapped or empty). */
  readonly patrolArea: string;
  /** The team field's value. */
  readonly team: string;
}

export interface GridPatrolAreas {
  /** Per grid (same order as the input), the patrol area id; '' where none could be given. */
  readonly idOfGrid: readonly string[];
  readonly patrolAreas: readonly PatrolArea[];
  /** Teams derived from names (empty when the context knows teams). */
  readonly teams: readonly Team[];
}

function derive(
  grids: readonly GridAreaValues[],
  keyOf: (g: GridAreaValues) => string,
  keyField: string,
  mapping: FieldMapping<'grids'>,
  ctx: CentreContext,
  issues: IssueList,
): GridPatrolAreas {
  const groups = new Map<string, number[]>();
  grids.forEach((g, k) => {
    const key = keyOf(g);
    if (key === '') {
      issues.feature('error', 'centreImport.grid.patrolAreaMissing', g.index, {
        field: keyField,
        code: g.code,
      });
      return;
    }
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [k]);
    else list.push(k);
  });
  const resolver = new TeamResolver(ctx.teams);
  const idOfGrid: string[] = grids.map(() => '');
  const patrolAreas: PatrolArea[] = [];
  const unknownTeams = new Set<string>();
  for (const [name, members] of groups) {
    const id = `area-${patrolAreas.length + 1}`;
    for (const k of members) idOfGrid[k] = id;
    // The team most of the area's grids name; another team on some grids is a warning.
    const counts = new Map<string, number>();
    for (const k of members) {
      const team = (grids[k] as GridAreaValues).team;
      if (team !== '') counts.set(team, (counts.get(team) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const teamName = ranked[0]?.[0];
    if (ranked.length > 1)
      issues.onFile('warning', 'centreImport.grid.teamConflict', {
        field: mapping.team ?? '',
        patrolArea: name,
        team: teamName ?? '',
        others: ranked
          .slice(1)
          .map(([t]) => t)
          .join(', '),
      });
    let teamId = '';
    if (teamName === undefined) issues.onFile('error', 'centreImport.team.missing', { patrolArea: name });
    else {
      const team = resolver.resolve(teamName);
      if (team !== undefined) teamId = team.id;
      else if (!unknownTeams.has(teamName)) {
        unknownTeams.add(teamName);
        const first = members.find((k) => (grids[k] as GridAreaValues).team === teamName) as number;
        issues.feature('error', 'centreImport.team.unknown', (grids[first] as GridAreaValues).index, {
          field: mapping.team ?? '',
          value: teamName,
        });
      }
    }
    const geometry = dissolveAreas(members.map((k) => (grids[k] as GridAreaValues).geometry));
    if (geometry === null) continue;
    patrolAreas.push({ id, name, teamId, color: paletteColour(patrolAreas.length), geometry });
  }
  return { idOfGrid, patrolAreas, teams: resolver.teams };
}

/**
 * Gives every grid a patrol area: by the patrol-area field (matched to the context's patrol areas by
 * id or name, or new areas dissolved from their grids), else by location in the context's patrol
 * areas (the area containing a point inside the grid, {@link interiorPoint}; a point in none or in
 * two areas, where a sliver of overlap below the overlap check's minimum lies, is an error), else one area per team named by the team
 * field. Each failure is an error naming the feature and field.
 */
export function assignPatrolAreas(
  grids: readonly GridAreaValues[],
  mapping: FieldMapping<'grids'>,
  ctx: CentreContext,
  issues: IssueList,
): GridPatrolAreas {
  const known = ctx.patrolAreas;
  if (mapping.patrolArea !== undefined && known !== undefined) {
    const field = mapping.patrolArea;
    const idOfGrid = grids.map((g) => {
      if (g.patrolArea === '') {
        issues.feature('error', 'centreImport.grid.patrolAreaMissing', g.index, { field, code: g.code });
        return '';
      }
      const area = findPatrolArea(known, g.patrolArea);
      if (area === undefined)
        issues.feature('error', 'centreImport.grid.unknownPatrolArea', g.index, {
          field,
          value: g.patrolArea,
        });
      return area?.id ?? '';
    });
    return { idOfGrid, patrolAreas: known, teams: [] };
  }
  if (mapping.patrolArea !== undefined)
    return derive(grids, (g) => g.patrolArea, mapping.patrolArea, mapping, ctx, issues);
  if (known !== undefined && known.length > 0) {
    const store = buildPolygonStore(known.map((a) => a.geometry));
    const idOfGrid = grids.map((g) => {
      const [lon, lat] = interiorPoint(g.geometry);
      const inside = known.filter((_, k) => containsPoint(store, k, lon, lat));
      const [first, second] = inside;
      if (first !== undefined && second !== undefined) {
        issues.feature('error', 'centreImport.grid.inTwoPatrolAreas', g.index, {
          code: g.code,
          patrolArea: first.name,
          otherPatrolArea: second.name,
        });
        return '';
      }
      if (first !== undefined) return first.id;
      issues.feature('error', 'centreImport.grid.outsidePatrolAreas', g.index, { code: g.code });
      return '';
    });
    return { idOfGrid, patrolAreas: known, teams: [] };
  }
  if (mapping.team !== undefined) return derive(grids, (g) => g.team, mapping.team, mapping, ctx, issues);
  issues.onFile('error', 'centreImport.grid.noPatrolArea');
  return { idOfGrid: grids.map(() => ''), patrolAreas: [], teams: [] };
}
