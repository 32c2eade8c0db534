import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, migrateDataset, type MigrationStep } from './migrations';
import { parseDataset } from './parse';
import { makeFixtureDataset } from './test-fixture';

/**
 * A made-up version 0 layout, for testing the mechanism only: cases were called `incidents` and an
 * officer had a `certified` flag instead of the `kind` discriminator.
 */
function makeV0Document(): Record<string, unknown> {
  const { cases, officers, ...rest } = makeFixtureDataset();
  return JSON.parse(
    JSON.stringify({
      ...rest,
      schemaVersion: undefined,
      incidents: cases,
      officers: officers.map(({ kind, ...officer }) => ({ ...officer, certified: kind === 'certified' })),
    }),
  ) as Record<string, unknown>;
}

const v0ToV1: MigrationStep = {
  version: 1,
  up(old) {
    const { incidents, officers, ...rest } = old;
    return {
      ...rest,
      cases: incidents,
      officers: (officers as Record<string, unknown>[]).map(({ certified, ...officer }) => ({
        ...officer,
        kind: certified === true ? 'certified' : 'auxiliary',
      })),
    };
  },
};

describe('migrateDataset', () => {
  it('passes a current document through untouched, applying no step', () => {
    const doc = { ...makeFixtureDataset() };
    const result = migrateDataset(doc);
    expect(result).toMatchObject({ ok: true, fromVersion: CURRENT_SCHEMA_VERSION, applied: [] });
    expect(result.ok && result.value).toEqual(doc);
  });

  it('upgrades a version 0 document with the given step, and the result parses as the current dataset', () => {
    const v0 = makeV0Document();
    const before = JSON.stringify(v0);
    const migrated = migrateDataset(v0, { steps: [v0ToV1] });
    expect(migrated).toMatchObject({ ok: true, fromVersion: 0, applied: [1] });
    expect(JSON.stringify(v0)).toBe(before);
    const parsed = parseDataset(v0, 'old-backup.json', { steps: [v0ToV1] });
    expect(parsed.ok && parsed.dataset).toEqual(makeFixtureDataset());
    expect(parsed.ok && parsed.fromVersion).toBe(0);
  });

  it('refuses an old document when a step is missing', () => {
    expect(migrateDataset(makeV0Document(), { steps: [] })).toEqual({
      ok: false,
      error: { key: 'schema.noMigration', from: 0, to: 1 },
    });
  });

  it('applies several steps in version order, whatever order they are listed in', () => {
    const seen: number[] = [];
    const step = (version: number): MigrationStep => ({
      version,
      up: (old) => {
        seen.push(version);
        return { ...old, trail: [...((old['trail'] as number[] | undefined) ?? []), old['schemaVersion']] };
      },
    });
    const result = migrateDataset({ schemaVersion: 1 }, { steps: [step(3), step(2)], currentVersion: 3 });
    expect(seen).toEqual([2, 3]);
    expect(result).toEqual({
      ok: true,
      value: { schemaVersion: 3, trail: [1, 2] },
      fromVersion: 1,
      applied: [2, 3],
    });
  });

  it('refuses a newer version instead of guessing', () => {
    expect(migrateDataset({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toEqual({
      ok: false,
      error: {
        key: 'schema.versionTooNew',
        version: CURRENT_SCHEMA_VERSION + 1,
        current: CURRENT_SCHEMA_VERSION,
      },
    });
  });

  it('reports a step that throws and a version that is not a whole number', () => {
    const failing: MigrationStep = {
      version: 1,
      up: () => {
        throw new Error('incidents missing');
      },
    };
    expect(migrateDataset({}, { steps: [failing] })).toEqual({
      ok: false,
      error: { key: 'schema.migrationFailed', to: 1, detail: 'incidents missing' },
    });
    expect(migrateDataset({ schemaVersion: '1' })).toMatchObject({
      ok: false,
      error: { key: 'schema.versionInvalid' },
    });
    expect(migrateDataset(null)).toEqual({ ok: false, error: { key: 'dataset.notObject' } });
  });
});
