import type { AreaGeometry } from '../../model/geo';
import type { PatrolArea, Team } from '../../model/organisation';

/**
 * What a centre set-up step knows besides the file: the centre's division code (every grid code must
 * start with its 6-digit county code and 3-digit township code) and what earlier steps produced.
 */
export interface CentreContext {
  /** The file's name as the operator chose it; every issue names it. */
  readonly file: string;
  /** 6-digit county-level division code, e.g. "320214". */
  readonly countyCode: string;
  /** 3-digit township/street code inside the county, e.g. "105". */
  readonly townshipCode: string;
  /** The township boundary (lon/lat), when already set: grids outside it are reported. */
  readonly boundary?: AreaGeometry;
  /** Known teams (from the teams step): team values in the file must name one, by id or name. */
  readonly teams?: readonly Team[];
  /** Known patrol areas (from a patrol-area file): grid values must name one, by id or name. */
  readonly patrolAreas?: readonly PatrolArea[];
  /** Apply the safe geometry repairs (rewinding, closing rings) instead of refusing the feature. */
  readonly applyRepairs?: boolean;
  /** Overlaps, gaps and outside parts smaller than this many m² are ignored; default 1 m². */
  readonly minAreaM2?: number;
}

/** Checks the division code parts; a wizard validates them first, so a bad one is a programming error. */
export function checkDivisionCode(ctx: CentreContext): void {
  if (!/^\d{6}$/.test(ctx.countyCode)) throw new RangeError(`county code ${ctx.countyCode} is not 6 digits`);
  if (!/^\d{3}$/.test(ctx.townshipCode))
    throw new RangeError(`township code ${ctx.townshipCode} is not 3 digits`);
}
