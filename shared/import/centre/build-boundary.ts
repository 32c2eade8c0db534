/**
 * The township boundary (镇域/街道范围) of a centre: one feature of a file, all its features
 * dissolved, or the union of the grids when the township has no boundary file.
 */
import { area } from '@turf/turf';
import type { AreaGeometry } from '../../model/geo';
import type { Grid } from '../../model/organisation';
import { dissolveAreas } from '../../spatial/dissolve';
import type { GeoFeature } from '../geo';
import { checkDivisionCode, type CentreContext } from './context';
import { soundAreas, type SoundArea } from './geometry';
import { propertyText, type FieldMapping } from './mapping';
import { IssueList, makeReport, type CentreReport } from './report';

export interface BoundaryBuild {
  /** Null when no sound area was found (the report says why). */
  readonly boundary: AreaGeometry | null;
  /** Spherical area, square metres. */
  readonly areaM2: number;
  /** The name the file gives the township (from the name field), to propose in the wizard. */
  readonly name: string;
  readonly report: CentreReport;
}

function measure(geometry: AreaGeometry | null): number {
  return geometry === null ? 0 : area(geometry as unknown as GeoJSON.Polygon | GeoJSON.MultiPolygon);
}

/**
 * The boundary from a file: feature number `choose.feature` (1-based) when given, the only feature
 * when there is one, else all features dissolved into one area (with a warning saying how many). A
 * code field that does not start with the centre's county and township codes is a warning (the file
 * may be another township's).
 */
export function buildBoundary(
  features: readonly GeoFeature[],
  mapping: FieldMapping<'boundary'>,
  ctx: CentreContext,
  choose: { readonly feature?: number } = {},
): BoundaryBuild {
  checkDivisionCode(ctx);
  const issues = new IssueList(ctx.file);
  const picked = choose.feature !== undefined ? features.slice(choose.feature - 1, choose.feature) : features;
  const offset = choose.feature !== undefined ? choose.feature - 1 : 0;
  if (picked.length === 0) {
    issues.onFile('error', 'centreImport.boundary.noFeatures');
    return { boundary: null, areaM2: 0, name: '', report: makeReport(issues.issues) };
  }
  const sub = new IssueList(ctx.file);
  const areas = soundAreas(picked, sub, ctx.applyRepairs === true);
  // Renumber the issues of a chosen feature to its place in the file.
  for (const issue of sub.issues) {
    const renumbered = issue.features.map((n) => n + offset);
    const feature = issue.params['feature'];
    issues.push({
      ...issue,
      features: renumbered,
      params: typeof feature === 'number' ? { ...issue.params, feature: feature + offset } : issue.params,
    });
  }
  const prefix = ctx.countyCode + ctx.townshipCode;
  picked.forEach((f, k) => {
    const code = mapping.code === undefined ? '' : propertyText(f.properties[mapping.code]);
    if (code !== '' && !code.startsWith(prefix))
      issues.feature('warning', 'centreImport.boundary.codeMismatch', k + offset, {
        field: mapping.code ?? '',
        value: code,
        expected: prefix,
      });
  });
  const name =
    mapping.name === undefined
      ? ''
      : (picked.map((f) => propertyText(f.properties[mapping.name as string])).find((n) => n !== '') ?? '');
  const sound = areas.filter((a): a is SoundArea => a !== null);
  if (issues.hasErrors || sound.length === 0) {
    if (sound.length === 0 && !issues.hasErrors) issues.onFile('error', 'centreImport.boundary.noFeatures');
    return { boundary: null, areaM2: 0, name, report: makeReport(issues.issues) };
  }
  if (sound.length > 1) issues.onFile('warning', 'centreImport.boundary.dissolved', { count: sound.length });
  const boundary =
    sound.length === 1 ? (sound[0] as SoundArea).geometry : dissolveAreas(sound.map((a) => a.geometry));
  return { boundary, areaM2: measure(boundary), name, report: makeReport(issues.issues) };
}

/**
 * The boundary as the union of the grids (for a township whose only file is its grids): the grids'
 * outline, with holes where they enclose ground none covers. A warning says it was derived.
 */
export function boundaryFromGrids(grids: readonly Grid[], file: string): BoundaryBuild {
  const issues = new IssueList(file);
  const boundary = dissolveAreas(grids.map((g) => g.geometry));
  if (boundary === null) issues.onFile('error', 'centreImport.boundary.noFeatures');
  else issues.onFile('warning', 'centreImport.boundary.fromGrids', { count: grids.length });
  return { boundary, areaM2: measure(boundary), name: '', report: makeReport(issues.issues) };
}
