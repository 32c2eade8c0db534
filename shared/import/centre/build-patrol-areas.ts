/**
 * From the features of a patrol-area file (片区) to patrol-area rows: each names its team (a known
 * team, or a team derived from the name) and gets a colour (the file's, else the palette's).
 */
import type { PatrolArea, Team } from '../../model/organisation';
import type { GeoFeature } from '../geo';
import { checkDivisionCode, type CentreContext } from './context';
import { soundAreas } from './geometry';
import { propertyText, type FieldMapping } from './mapping';
import { IssueList, makeReport, type CentreReport } from './report';
import { paletteColour, parseColour, TeamResolver } from './teams';
import { roundM2 } from './grid-set-issues';
import { validateGridSet } from '../../spatial/validate-grid-set';

/**
 * Patrol areas that overlap (errors: a grid or a case there would belong to two teams), found by
 * validateGridSet; gaps between areas are left to the grids' check against the patrol areas.
 */
function overlaps(
  areas: readonly PatrolArea[],
  featureOfRow: readonly number[],
  issues: IssueList,
  minAreaM2: number,
): void {
  const report = validateGridSet<string>(
    areas.map((a, k) => ({ code: String(k), geometry: a.geometry })),
    { minAreaM2, shapesChecked: true },
  );
  for (const issue of report.issues) {
    if (issue.kind !== 'overlap') continue;
    const [j, k] = issue.codes.map(Number) as [number, number];
    const first = featureOfRow[j] as number;
    const other = featureOfRow[k] as number;
    issues.features('error', 'centreImport.patrolArea.overlap', [first, other], {
      feature: first + 1,
      otherFeature: other + 1,
      name: (areas[j] as PatrolArea).name,
      otherName: (areas[k] as PatrolArea).name,
      areaM2: roundM2(issue.areaM2),
      lon: Number(issue.at[0].toFixed(6)),
      lat: Number(issue.at[1].toFixed(6)),
    });
  }
}

export interface PatrolAreaBuild {
  readonly patrolAreas: readonly PatrolArea[];
  /** Teams derived from the team names (only when the context knows no teams). */
  readonly teams: readonly Team[];
  readonly report: CentreReport;
}

/**
 * Builds patrol areas from one file. Required per feature: a sound polygon, a name or an id (the name
 * defaults to the id, with a warning; the id to `area-<n>`), unique ids, and a team (matched to the
 * context's teams by id or name; derived from the name when the context has none). A colour that is
 * not #rrggbb is a warning; areas without a colour take the palette's next free colour, with one
 * warning counting them. Areas that overlap are errors, with the overlap's area in m².
 */
export function buildPatrolAreas(
  features: readonly GeoFeature[],
  mapping: FieldMapping<'patrolAreas'>,
  ctx: CentreContext,
): PatrolAreaBuild {
  checkDivisionCode(ctx);
  const issues = new IssueList(ctx.file);
  if (mapping.name === undefined && mapping.id === undefined) {
    issues.onFile('error', 'centreImport.mapping.noName');
    return { patrolAreas: [], teams: [], report: makeReport(issues.issues) };
  }
  const text = (f: GeoFeature, field: string | undefined): string =>
    field === undefined ? '' : propertyText(f.properties[field]);
  const areas = soundAreas(features, issues, ctx.applyRepairs === true);
  const resolver = new TeamResolver(ctx.teams);
  const firstOfId = new Map<string, number>();
  const colours = features.map((f, index) => {
    const value = text(f, mapping.color);
    if (value === '') return null;
    const colour = parseColour(value);
    if (colour === null)
      issues.feature('warning', 'centreImport.patrolArea.badColor', index, {
        field: mapping.color ?? '',
        value,
      });
    return colour;
  });
  const inUse = new Set(colours.filter((c): c is string => c !== null));
  let assigned = 0;
  const patrolAreas: PatrolArea[] = [];
  const featureOfRow: number[] = [];
  features.forEach((feature, index) => {
    const idText = text(feature, mapping.id);
    let name = text(feature, mapping.name);
    if (name === '' && idText === '') {
      issues.feature('error', 'centreImport.patrolArea.unnamed', index, {
        field: mapping.name ?? mapping.id ?? '',
      });
      return;
    }
    if (name === '') {
      issues.feature('warning', 'centreImport.patrolArea.nameMissing', index, {
        field: mapping.name ?? '',
        id: idText,
      });
      name = idText;
    }
    const id = idText === '' ? `area-${index + 1}` : idText;
    const key = idText === '' ? `name:${name}` : id;
    const seen = firstOfId.get(key);
    if (seen !== undefined) {
      issues.feature('error', 'centreImport.patrolArea.duplicate', index, {
        field: (idText === '' ? mapping.name : mapping.id) ?? '',
        value: idText === '' ? name : idText,
        firstFeature: seen + 1,
      });
      return;
    }
    firstOfId.set(key, index);
    const teamText = text(feature, mapping.team);
    let teamId = '';
    if (teamText === '') issues.feature('error', 'centreImport.team.missing', index, { patrolArea: name });
    else {
      const team = resolver.resolve(teamText);
      if (team === undefined)
        issues.feature('error', 'centreImport.team.unknown', index, {
          field: mapping.team ?? '',
          value: teamText,
        });
      teamId = team?.id ?? '';
    }
    const area = areas[index];
    if (!area) return;
    let color = colours[index] ?? null;
    if (color === null) {
      color = paletteColour(assigned++, inUse);
    }
    patrolAreas.push({ id, name, teamId, color, geometry: area.geometry });
    featureOfRow.push(index);
  });
  overlaps(patrolAreas, featureOfRow, issues, ctx.minAreaM2 ?? 1);
  if (assigned > 0) issues.onFile('warning', 'centreImport.patrolArea.colourAssigned', { count: assigned });
  return { patrolAreas, teams: resolver.teams, report: makeReport(issues.issues) };
}
