import { describe, expect, it } from 'vitest';
import { parseDataset, parseDatasetFiles } from './parse';
import { FIXTURE_GRID_CODES, makeFixtureDataset, makeFixtureSampleFiles } from './test-fixture';
import type { DatasetIssue } from './issues';
import { isOpenStage, type LoopStage } from '../model/case';

type Json = Record<string, unknown> & {
  grids: Record<string, unknown>[];
  cases: Record<string, unknown>[];
  officers: Record<string, unknown>[];
  matters: Record<string, unknown>[];
};

/** The fixture as parsed JSON, ready to be broken. */
function fixtureJson(): Json {
  return JSON.parse(JSON.stringify(makeFixtureDataset())) as Json;
}

function errorsOf(json: unknown, fileName = 'township.json'): readonly DatasetIssue[] {
  const result = parseDataset(json, fileName);
  if (result.ok) throw new Error('expected the dataset to be refused');
  return result.errors;
}

describe('parseDataset', () => {
  it('accepts a valid dataset and returns it unchanged, without warnings', () => {
    const result = parseDataset(fixtureJson(), 'township.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.dataset).toEqual(makeFixtureDataset());
    expect(result.fromVersion).toBe(1);
  });

  it('accepts the sample split into township.json and cases.json as the same dataset', () => {
    const [township, cases] = makeFixtureSampleFiles();
    const result = parseDatasetFiles([
      { fileName: 'township.json', json: township },
      { fileName: 'cases.json', json: cases },
    ]);
    expect(result.ok && result.dataset).toEqual(makeFixtureDataset());
  });

  it('reports a 14-digit grid code and a case pointing at a missing grid together, naming file, record and field', () => {
    const [township, cases] = makeFixtureSampleFiles() as [Json, Json['cases']];
    const grid = township.grids[2];
    const at = cases.findIndex((c) => isOpenStage(c['stage'] as LoopStage));
    const kase = cases[at];
    const closed = cases.find((c) => c['stage'] === 'closed');
    if (grid === undefined || kase === undefined || closed === undefined)
      throw new Error('fixture too small');
    grid['code'] = '32038110500100';
    kase['gridCode'] = '320381105009009';
    // A closed case keeps the grid it was handled in, even one since retired: not an error.
    closed['gridCode'] = '320381105009008';
    const result = parseDatasetFiles([
      { fileName: 'township.json', json: township },
      { fileName: 'cases.json', json: cases },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const gridIssue = result.errors.find((e) => e.key === 'gridCode.length');
    expect(gridIssue).toMatchObject({
      file: 'township.json',
      collection: 'grids',
      index: 2,
      recordId: '32038110500100',
      field: 'code',
      params: { length: 14 },
      where: 'township.json › grids[2] (32038110500100) › code',
    });
    expect(gridIssue?.message).toContain('14');
    const caseIssue = result.errors.find(
      (e) => e.key === 'dataset.missingReference' && e.params['value'] === '320381105009009',
    );
    expect(caseIssue).toMatchObject({
      collection: 'cases',
      index: at,
      recordId: kase['id'],
      field: 'gridCode',
      params: { value: '320381105009009', target: 'grids' },
      where: `cases.json › cases[${at}] (${String(kase['id'])}) › gridCode`,
    });
    expect(result.errors.some((e) => e.params['value'] === '320381105009008')).toBe(false);
    // The case in the grid whose code broke now points nowhere as well.
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.missingReference',
        params: { value: FIXTURE_GRID_CODES[2], target: 'grids' },
      }),
    );
  });

  it('reports an unknown field as a warning and leaves it out of the dataset', () => {
    const json = fixtureJson();
    const grid = json.grids[1];
    if (grid === undefined) throw new Error('fixture too small');
    grid['colour'] = 'red';
    const result = parseDataset(json, 'import.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      severity: 'warning',
      key: 'dataset.unknownField',
      collection: 'grids',
      index: 1,
      field: 'colour',
    });
    expect(result.dataset.grids[1]).not.toHaveProperty('colour');
  });

  it('refuses rings that are not closed, too short, or out of range, pointing at the coordinates', () => {
    const json = fixtureJson();
    const [g0, g1, g2] = json.grids as { geometry: { coordinates: number[][][] } }[];
    if (g0 === undefined || g1 === undefined || g2 === undefined) throw new Error('fixture too small');
    g0.geometry.coordinates[0]?.pop();
    g1.geometry.coordinates[0] = [
      [118, 34],
      [118.1, 34],
      [118, 34],
    ];
    const corner = g2.geometry.coordinates[0]?.[2];
    if (corner === undefined) throw new Error('fixture too small');
    corner[1] = 134.5;
    const errors = errorsOf(json);
    expect(errors.find((e) => e.index === 0)).toMatchObject({
      key: 'geometry.ringNotClosed',
      field: 'geometry.coordinates[0]',
    });
    expect(errors.find((e) => e.index === 1)).toMatchObject({
      key: 'geometry.ringTooShort',
      params: { count: 3 },
    });
    expect(errors.find((e) => e.index === 2)).toMatchObject({
      key: 'geometry.latOutOfRange',
      field: 'geometry.coordinates[0][2][1]',
      params: { value: 134.5 },
    });
  });

  it('refuses coordinates that are not finite numbers', () => {
    const dataset = makeFixtureDataset();
    const broken = { ...dataset, communities: [{ ...dataset.communities[0], centre: [Number.NaN, 34] }] };
    expect(errorsOf(broken)[0]).toMatchObject({
      key: 'dataset.invalidType',
      field: 'centre[0]',
      collection: 'communities',
    });
  });

  it('names missing fields, wrong types and values outside an enumeration', () => {
    const json = fixtureJson();
    const [c0, c1] = json.cases;
    const [o0, o1] = json.officers;
    if (c0 === undefined || c1 === undefined || o0 === undefined || o1 === undefined)
      throw new Error('fixture');
    delete c0['caseNo'];
    c1['stage'] = 'lost';
    delete o0['certificateNo'];
    o1['kind'] = 'volunteer';
    json['meta'] = { label: 3, synthetic: true, generatedAt: 0 };
    const errors = errorsOf(json);
    expect(errors).toContainEqual(
      expect.objectContaining({ key: 'dataset.required', collection: 'cases', index: 0, field: 'caseNo' }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.invalidValue',
        index: 1,
        field: 'stage',
        params: expect.objectContaining({ received: '"lost"' }),
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.required',
        collection: 'officers',
        index: 0,
        field: 'certificateNo',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.invalidValue',
        collection: 'officers',
        index: 1,
        field: 'kind',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.invalidType',
        collection: 'meta',
        index: null,
        field: 'label',
        where: 'township.json › meta › label',
      }),
    );
  });

  it('refuses duplicate keys and references to records that do not exist', () => {
    const json = fixtureJson();
    const [m0, m1, m2] = json.matters;
    const [o0] = json.officers;
    if (m0 === undefined || m1 === undefined || m2 === undefined || o0 === undefined)
      throw new Error('fixture');
    m1['code'] = m0['code'];
    m2['authority'] = { kind: 'department', departmentId: 'dept-nowhere' };
    o0['teamId'] = 'team-9';
    const errors = errorsOf(json);
    expect(errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.duplicateKey',
        collection: 'matters',
        index: 1,
        field: 'code',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.missingReference',
        collection: 'matters',
        index: 2,
        field: 'authority.departmentId',
        params: { value: 'dept-nowhere', target: 'departments' },
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ key: 'dataset.missingReference', collection: 'officers', field: 'teamId' }),
    );
  });

  it('warns when a grid code does not repeat its community code', () => {
    const json = fixtureJson();
    const grid = json.grids[0];
    if (grid === undefined) throw new Error('fixture');
    grid['communityCode'] = '002';
    const result = parseDataset(json, 'township.json');
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        key: 'dataset.gridCodeMismatch',
        params: expect.objectContaining({ part: 'community' }),
      }),
    );
  });

  it('refuses a file that is not an object, a case file that is not a list, and a newer schema', () => {
    expect(errorsOf([1, 2])[0]).toMatchObject({ key: 'dataset.notObject', file: 'township.json' });
    const split = parseDatasetFiles([
      { fileName: 'township.json', json: fixtureJson() },
      { fileName: 'cases.json', json: { cases: [] } },
    ]);
    expect(split.ok || split.errors[0]).toMatchObject({ key: 'dataset.casesNotArray', file: 'cases.json' });
    const newer = { ...fixtureJson(), schemaVersion: 99 };
    expect(errorsOf(newer, 'backup.json')[0]).toMatchObject({
      key: 'schema.versionTooNew',
      file: 'backup.json',
      field: 'schemaVersion',
      params: { version: 99, current: 1 },
    });
  });
});
