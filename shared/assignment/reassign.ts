import type { Case } from '../model/case';
import type { GridCode } from '../grid/code';
import type { Organisation } from './responsibility';

/** One open case whose grid or team no longer matches where it lies. */
export type CaseGridChange =
  | {
      readonly kind: 'moved';
      readonly caseId: string;
      readonly caseNo: string;
      readonly from: { readonly gridCode: GridCode; readonly teamId: string };
      readonly to: { readonly gridCode: GridCode; readonly teamId: string };
    }
  | {
      /** The case now lies outside every grid: it needs a decision (referral), not an automatic update. */
      readonly kind: 'outside';
      readonly caseId: string;
      readonly caseNo: string;
      readonly from: { readonly gridCode: GridCode; readonly teamId: string };
    };

/** Packs case locations for the locator: lon and lat as separate typed arrays, in case order. */
export function caseCoordinates(cases: readonly Case[]): { lon: Float64Array; lat: Float64Array } {
  const lon = new Float64Array(cases.length);
  const lat = new Float64Array(cases.length);
  cases.forEach((c, i) => {
    lon[i] = c.location[0];
    lat[i] = c.location[1];
  });
  return { lon, lat };
}

/**
 * Compares each case's stored grid and team with the grid its point lies in now (`gridIndex[i]` is the
 * locator's answer for `cases[i]`, an index into `org.grids`, or -1 outside) and the team that owns that
 * grid's patrol area. Returns only the cases that change. Used after a grid or zone change; only open
 * cases should be passed, since closed cases keep the grid they were handled in.
 */
export function caseGridChanges(
  cases: readonly Case[],
  gridIndex: Int32Array,
  org: Organisation,
): CaseGridChange[] {
  if (gridIndex.length !== cases.length) {
    throw new RangeError(`caseGridChanges: ${cases.length} cases but ${gridIndex.length} grid answers`);
  }
  const teamOfArea = new Map(org.patrolAreas.map((a) => [a.id, a.teamId]));
  const changes: CaseGridChange[] = [];
  cases.forEach((c, i) => {
    const from = { gridCode: c.gridCode, teamId: c.teamId };
    const index = gridIndex[i] ?? -1;
    const grid = index >= 0 ? org.grids[index] : undefined;
    if (!grid) {
      changes.push({ kind: 'outside', caseId: c.id, caseNo: c.caseNo, from });
      return;
    }
    const teamId = teamOfArea.get(grid.patrolAreaId);
    if (teamId === undefined)
      throw new RangeError(`grid ${grid.code} names patrol area ${grid.patrolAreaId}, which does not exist`);
    if (grid.code !== c.gridCode || teamId !== c.teamId) {
      changes.push({
        kind: 'moved',
        caseId: c.id,
        caseNo: c.caseNo,
        from,
        to: { gridCode: grid.code, teamId },
      });
    }
  });
  return changes;
}
