import type { GridCode } from '../grid/code';
import type { Grid, PatrolArea, Team } from '../model/organisation';

/** Where a point falls and who answers for it (局管全面、队管片区、员管网格). */
export type Responsibility =
  | {
      readonly kind: 'inside';
      readonly grid: Grid;
      readonly patrolArea: PatrolArea;
      /** The team on duty for the patrol area. */
      readonly team: Team;
    }
  | {
      /** Outside every grid: refer to the neighbouring township; the nearest grid helps the call-taker. */
      readonly kind: 'outside';
      readonly nearest: { readonly grid: Grid; readonly distanceM: number } | null;
    };

/**
 * A point further than this from the nearest grid, metres, is far outside the township: nobody of ours
 * is proposed for it, the call is only referred to whoever holds that place. Closer than this an
 * officer near the boundary may still be sent across it in support.
 */
export const FAR_OUTSIDE_M = 5_000;

/**
 * Whether a located point is far outside the township ({@link FAR_OUTSIDE_M} or more from the nearest
 * grid, or with no grid to measure from): then the placement lists no officers, only the referral.
 */
export function isFarOutside(r: Responsibility, limitM: number = FAR_OUTSIDE_M): boolean {
  return r.kind === 'outside' && (r.nearest === null || r.nearest.distanceM >= limitM);
}

export interface Organisation {
  readonly grids: readonly Grid[];
  readonly patrolAreas: readonly PatrolArea[];
  readonly teams: readonly Team[];
}

/** A located point as the locator reports it: a grid code, or outside with the nearest grid's code. */
export type GridHit =
  | { readonly kind: 'inside'; readonly code: GridCode }
  | {
      readonly kind: 'outside';
      readonly nearest: { readonly code: GridCode; readonly distanceM: number } | null;
    };

/**
 * Turns a located point into the grid, patrol area and team responsible for it. Until shift rosters
 * exist, the team on duty for a patrol area is the team that owns it. Throws a RangeError naming the
 * broken reference when the organisation is inconsistent (a grid without its area, an area without its
 * team): such data never passes the dataset schema, so this is a programming error, not user input.
 */
export function resolveResponsibility(hit: GridHit, org: Organisation): Responsibility {
  const grid = (code: GridCode): Grid => {
    const found = org.grids.find((g) => g.code === code);
    if (!found) throw new RangeError(`grid ${code} is not in the organisation`);
    return found;
  };
  if (hit.kind === 'outside') {
    return {
      kind: 'outside',
      nearest: hit.nearest ? { grid: grid(hit.nearest.code), distanceM: hit.nearest.distanceM } : null,
    };
  }
  const g = grid(hit.code);
  const patrolArea = org.patrolAreas.find((a) => a.id === g.patrolAreaId);
  if (!patrolArea)
    throw new RangeError(`grid ${g.code} names patrol area ${g.patrolAreaId}, which does not exist`);
  const team = org.teams.find((t) => t.id === patrolArea.teamId);
  if (!team)
    throw new RangeError(
      `patrol area ${patrolArea.id} names team ${patrolArea.teamId}, which does not exist`,
    );
  return { kind: 'inside', grid: g, patrolArea, team };
}
