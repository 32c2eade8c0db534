/**
 * The shared check of the hotline-shaped sample export (sample-export-hotline.ts), used by
 * shared/import/sample-export-hotline.test.ts (files built in memory) and
 * test/unit/import/12345-sample-files.test.ts (the committed files). Test support only.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { expect } from 'vitest';
import { greatCircleM } from '../cases/duplicates';
import type { TownshipDataset } from '../model/dataset';
import { asTurfArea } from '../sample/turf-geometry';
import { categoryKey } from './category-match';
import { unmatchedCategories } from './category-review';
import { convertRows } from './convert';
import { suggestCoordSystem } from './crs-guess';
import { reviewImportTable } from './import-review';
import { guessMapping } from './mapping';
import { REAL_HOTLINE_UNMATCHED, type RealHotlineSampleRow } from './sample-export-hotline';
import { readImportFile } from './table';

/**
 * Reads a hotline-shaped export as the dialog does and checks it against the calls it was made from:
 * the file states no coordinate system and the position check suggests GCJ-02; the only category left for
 * the operator is the catch-all; with GCJ-02 and that one choice, every call imports with its matter, in
 * its true grid, within 1 m of its true point. Read as WGS84 instead, every point is 400–700 m off.
 */
export function checkHotlineImport(
  fileName: string,
  bytes: Uint8Array,
  calls: readonly RealHotlineSampleRow[],
  dataset: Pick<TownshipDataset, 'matters' | 'township' | 'grids'>,
): void {
  const read = readImportFile(fileName, bytes);
  if (!read.ok) throw new Error(`${fileName}: ${read.key}`);
  const { table } = read;
  expect(table.rows).toHaveLength(calls.length);
  const mapping = guessMapping(table.headers);
  expect(mapping.description).toBe(table.headers.indexOf('诉求内容'));
  // What the import worker tells the dialog about all rows (reviewImportTable).
  const facts = reviewImportTable(table, mapping, dataset.matters, dataset.township.boundary);
  expect(facts.stated).toBeNull();
  expect(facts.fit.total).toBe(calls.length);
  expect(facts.fit.inside.gcj02).toBe(calls.length);
  expect(suggestCoordSystem(facts.fit)).toBe('gcj02');

  const unmatched = unmatchedCategories(facts.categories);
  expect(unmatched.map((u) => [u.text, u.rows])).toEqual([
    [
      REAL_HOTLINE_UNMATCHED.category,
      calls.filter((c) => c.category === REAL_HOTLINE_UNMATCHED.category).length,
    ],
  ]);
  const result = convertRows(table, mapping, {
    coordSystem: 'gcj02',
    matters: dataset.matters,
    categoryChoices: { [categoryKey(REAL_HOTLINE_UNMATCHED.category)]: REAL_HOTLINE_UNMATCHED.matterCode },
  });
  expect(result.rejected).toEqual([]);
  expect(result.accepted).toHaveLength(calls.length);
  calls.forEach((call, k) => {
    const draft = result.accepted[k];
    if (draft?.location == null) throw new Error(`${call.ref} did not import with a point`);
    expect(draft.externalRef).toBe(call.ref);
    expect(draft.reportedAt).toBe(call.reportedAt);
    expect(draft.matterCode).toBe(call.matterCode);
    expect(draft.description).toBe(call.description);
    expect(greatCircleM(draft.location, call.wgs84)).toBeLessThan(1);
    const grid = dataset.grids.find((g) => g.code === call.gridCode);
    if (grid === undefined) throw new Error(`no grid ${call.gridCode}`);
    expect(booleanPointInPolygon([draft.location[0], draft.location[1]], asTurfArea(grid.geometry))).toBe(
      true,
    );
  });

  const misread = convertRows(table, mapping, { coordSystem: 'wgs84', matters: dataset.matters });
  misread.accepted.forEach((draft, k) => {
    const call = calls[(misread.acceptedRows[k] ?? 0) - 2];
    if (draft.location === null || call === undefined) throw new Error('lost a point');
    const off = greatCircleM(draft.location, call.wgs84);
    expect(off).toBeGreaterThan(400);
    expect(off).toBeLessThan(700);
  });
}
