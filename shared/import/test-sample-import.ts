/**
 * The shared check of the sample 12345 export, used by shared/import/sample-export.test.ts (files built in
 * memory) and test/unit/import/12345-sample-files.test.ts (the committed files). Test support only.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { expect } from 'vitest';
import { greatCircleM } from '../cases/duplicates';
import type { TownshipDataset } from '../model/dataset';
import { asTurfArea } from '../sample/turf-geometry';
import { convertRows } from './convert';
import type { ImportRejection } from './intake-draft';
import { guessCoordSystem, guessMapping } from './mapping';
import type { HotlineSampleRow } from './sample-export';
import { readImportFile } from './table';

/** What each deliberate mistake must be refused as. */
const EXPECTED: Readonly<
  Record<NonNullable<HotlineSampleRow['defect']>, Pick<ImportRejection, 'field' | 'key'>>
> = {
  noDescription: { field: 'description', key: 'import.missingField' },
  badDate: { field: 'reportedAt', key: 'import.badDate' },
  latOutOfRange: { field: 'lat', key: 'import.badCoordinate' },
  unknownCategory: { field: 'category', key: 'import.unknownCategory' },
  duplicateRef: { field: 'externalRef', key: 'import.duplicateRef' },
};

/**
 * Imports a sample export as the dialog would with the guessed mapping, and checks it against the calls
 * the sample was made from: exactly the broken rows are refused, for their reason; every other call lands
 * within 1 m of its true WGS84 point, inside the township, with its matter, time and reference.
 */
export function checkSampleImport(
  fileName: string,
  bytes: Uint8Array,
  calls: readonly HotlineSampleRow[],
  dataset: Pick<TownshipDataset, 'matters' | 'township'>,
): void {
  const read = readImportFile(fileName, bytes);
  if (!read.ok) throw new Error(`${fileName}: ${read.key}`);
  const { table } = read;
  expect(table.encoding).toBe('utf-8');
  expect(table.rows).toHaveLength(calls.length);
  expect(guessCoordSystem(table.headers)).toBe('gcj02');
  const result = convertRows(table, guessMapping(table.headers), {
    coordSystem: 'gcj02',
    matters: dataset.matters,
  });

  const broken = calls.flatMap((call, k) =>
    call.defect === undefined ? [] : [{ row: k + 2, ...EXPECTED[call.defect] }],
  );
  expect(new Set(calls.map((c) => c.defect).filter((d) => d !== undefined)).size).toBe(5);
  expect(result.rejected.map((r) => ({ row: r.row, field: r.field, key: r.key }))).toEqual(broken);
  for (const rejection of result.rejected) {
    expect(rejection.params).toMatchObject({ file: fileName, row: rejection.row });
    expect(typeof rejection.params.column).toBe('string');
  }
  const duplicate = result.rejected.find((r) => r.key === 'import.duplicateRef');
  const original = calls.findIndex((c) => c.ref === duplicate?.params.value);
  expect(duplicate?.params.firstRow).toBe(original + 2);

  const good = calls.flatMap((call, k) => (call.defect === undefined ? [{ call, row: k + 2 }] : []));
  expect(result.acceptedRows).toEqual(good.map((g) => g.row));
  expect(result.accepted).toHaveLength(good.length);
  good.forEach(({ call }, k) => {
    const draft = result.accepted[k];
    if (draft === undefined) throw new Error(`no draft for ${call.ref}`);
    expect(draft.externalRef).toBe(call.ref);
    expect(draft.reportedAt).toBe(call.reportedAt);
    expect(draft.matterCode).toBe(call.matterCode);
    expect(draft.description).toBe(call.description.replace(/\r\n?/g, '\n'));
    if (call.wgs84 === null) {
      expect(draft.location).toBeNull();
      expect(draft.address).not.toBe('');
      return;
    }
    const location = draft.location;
    if (location === null) throw new Error(`${call.ref} lost its coordinates`);
    expect(greatCircleM(location, call.wgs84)).toBeLessThan(1);
    expect(booleanPointInPolygon([location[0], location[1]], asTurfArea(dataset.township.boundary))).toBe(
      true,
    );
  });
  expect(result.accepted.filter((d) => d.location === null)).toHaveLength(1);
}
