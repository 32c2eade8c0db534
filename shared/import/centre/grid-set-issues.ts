/**
 * The grid set as a whole, in the operator's terms: validateGridSet's overlaps and gaps named by
 * feature number and grid code, and each grid's fit to the township boundary.
 */
import type { GridCode } from '../../grid/code';
import type { AreaGeometry } from '../../model/geo';
import { validateGridSet } from '../../spatial/validate-grid-set';
import { fitToBoundary } from './boundary-fit';
import type { IssueList } from './report';

export interface PlacedGrid {
  readonly index: number;
  readonly code: GridCode;
  readonly geometry: AreaGeometry;
  readonly areaM2: number;
}

/** Rounds an area for a message: whole m² (at least 0.1 m² shown for a small sliver). */
export function roundM2(m2: number): number {
  return m2 >= 10 ? Math.round(m2) : Math.round(m2 * 10) / 10;
}

/**
 * Overlaps (errors: a point there would belong to two grids), gaps (warnings: ground inside the
 * township or enclosed by grids that no grid covers; a case there is offered the nearest grid) and,
 * with a boundary, grids wholly outside it (errors) or partly outside (warnings, with the area outside).
 */
export function gridSetIssues(
  grids: readonly PlacedGrid[],
  boundary: AreaGeometry | undefined,
  minAreaM2: number,
  issues: IssueList,
): void {
  const byKey = new Map(grids.map((g) => [String(g.index), g]));
  const report = validateGridSet<string>(
    grids.map((g) => ({ code: String(g.index), geometry: g.geometry })),
    { minAreaM2, shapesChecked: true, ...(boundary === undefined ? {} : { boundary }) },
  );
  const gridOf = (key: string): PlacedGrid => byKey.get(key) as PlacedGrid;
  for (const issue of report.issues) {
    if (issue.kind === 'overlap') {
      const [a, b] = issue.codes.map(gridOf) as [PlacedGrid, PlacedGrid];
      issues.features('error', 'centreImport.grid.overlap', [a.index, b.index], {
        feature: a.index + 1,
        otherFeature: b.index + 1,
        code: a.code,
        otherCode: b.code,
        areaM2: roundM2(issue.areaM2),
        lon: Number(issue.at[0].toFixed(6)),
        lat: Number(issue.at[1].toFixed(6)),
      });
    } else if (issue.kind === 'gap') {
      const around = issue.codes.map(gridOf);
      issues.features(
        'warning',
        'centreImport.grid.gap',
        around.map((g) => g.index),
        {
          features: around.map((g) => g.index + 1).join(', '),
          codes: around.map((g) => g.code).join(', '),
          areaM2: roundM2(issue.areaM2),
          lon: Number(issue.at[0].toFixed(6)),
          lat: Number(issue.at[1].toFixed(6)),
        },
      );
    } else if (issue.kind === 'overlay-failed') {
      const involved = issue.codes.map(gridOf);
      issues.features(
        'error',
        'centreImport.grid.overlayFailed',
        involved.length <= 2 ? involved.map((g) => g.index) : [],
        {
          features: involved.length <= 2 ? involved.map((g) => g.index + 1).join(', ') : '',
          message: issue.message,
        },
      );
    }
  }
  if (boundary === undefined) return;
  fitToBoundary(grids, boundary, minAreaM2).forEach((fit, k) => {
    const grid = grids[k] as PlacedGrid;
    if (fit.kind === 'outside')
      issues.feature('error', 'centreImport.grid.outsideBoundary', grid.index, { code: grid.code });
    else if (fit.kind === 'partly')
      issues.feature('warning', 'centreImport.grid.partlyOutside', grid.index, {
        code: grid.code,
        areaM2: roundM2(fit.outsideM2),
        percent: Math.round((fit.outsideM2 / grid.areaM2) * 1000) / 10,
      });
    else if (fit.kind === 'failed')
      issues.features('error', 'centreImport.grid.overlayFailed', [grid.index], {
        features: String(grid.index + 1),
        message: fit.message,
      });
  });
}
