/**
 * What the import dialog asks the operator about a file, computed over all of its rows at once: whether
 * the file states its coordinate system, how many points land inside the township under each reading,
 * and how each distinct category matched. It runs where the rows are (the import worker), so a
 * county's 200,000-row file is never walked on the UI thread.
 */
import type { Matter } from '../model/matter';
import type { AreaGeometry, LonLat } from '../model/geo';
import { reviewCategories, type CategoryReviewRow } from './category-review';
import { plainLonLat } from './convert';
import { crsFit, statedCoordSystem, type CrsFit, type StatedCoordSystem } from './crs-guess';
import type { ColumnMapping } from './mapping';
import type { ImportTable } from './table-types';

export interface ImportReviewFacts {
  /** The system the file itself names (a header remark or a 坐标系 column), or null: then ask. */
  readonly stated: StatedCoordSystem | null;
  /** Points inside `boundary` under each reading; all zero without a boundary. */
  readonly fit: CrsFit;
  /** Every distinct category text with how it matched (see reviewCategories). */
  readonly categories: readonly CategoryReviewRow[];
}

/** The facts of {@link ImportReviewFacts} for `table` read with `mapping`. */
export function reviewImportTable(
  table: ImportTable,
  mapping: ColumnMapping,
  matters: readonly Matter[],
  boundary: AreaGeometry | undefined,
): ImportReviewFacts {
  const points: LonLat[] = [];
  if (boundary !== undefined) {
    for (const record of table.rows) {
      const p = plainLonLat(record, mapping);
      if (p !== null) points.push(p);
    }
  }
  return {
    stated: statedCoordSystem(table, mapping),
    fit: boundary ? crsFit(points, boundary) : { total: 0, inside: { wgs84: 0, gcj02: 0, bd09: 0 } },
    categories: reviewCategories(table, mapping, matters),
  };
}
