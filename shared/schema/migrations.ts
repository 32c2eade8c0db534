/**
 * Versioned dataset layout (after hoppscotch-data's versioned entities): every saved dataset carries a
 * `schemaVersion`; a file from an older GridDesk is upgraded one step at a time, a file from a newer one
 * is refused rather than half-understood. The same steps serve the Dexie upgrade hooks, imports and
 * backups.
 *
 * Adding version N+1: bump {@link CURRENT_SCHEMA_VERSION}, change the schemas in entities.ts to the new
 * layout, and append `{ version: N + 1, up(old) { … } }` to {@link MIGRATIONS}. `up` receives the
 * document as version N (plain JSON, not yet validated) and returns it as version N+1 without mutating
 * its input; it need not set `schemaVersion`, the runner does.
 */

/** The dataset layout this code reads and writes. */
export const CURRENT_SCHEMA_VERSION = 1;

/** One upgrade: turns a version `version - 1` document into a version `version` document. */
export interface MigrationStep {
  readonly version: number;
  up(old: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** The real steps, in order. Version 1 is the first layout: nothing to upgrade from yet. */
export const MIGRATIONS: readonly MigrationStep[] = [];

export type MigrationError =
  | { readonly key: 'dataset.notObject' }
  | { readonly key: 'schema.versionInvalid'; readonly version: string }
  | { readonly key: 'schema.versionTooNew'; readonly version: number; readonly current: number }
  | { readonly key: 'schema.noMigration'; readonly from: number; readonly to: number }
  | { readonly key: 'schema.migrationFailed'; readonly to: number; readonly detail: string };

export type MigrationResult =
  | {
      readonly ok: true;
      readonly value: Record<string, unknown>;
      /** The version the input had. */
      readonly fromVersion: number;
      /** The versions of the steps applied, in order; empty when the input was current. */
      readonly applied: readonly number[];
    }
  | { readonly ok: false; readonly error: MigrationError };

export interface MigrateOptions {
  /** Defaults to {@link MIGRATIONS}; tests pass their own. */
  readonly steps?: readonly MigrationStep[];
  /** Defaults to {@link CURRENT_SCHEMA_VERSION}. */
  readonly currentVersion?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the schema version of a dataset document. A document without `schemaVersion` is version 0,
 * the layout before versioning; anything else that is not a whole number ≥ 0 is an error.
 */
export function readSchemaVersion(json: Readonly<Record<string, unknown>>): number | MigrationError {
  const version = json['schemaVersion'];
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { key: 'schema.versionInvalid', version: JSON.stringify(version) ?? String(version) };
  }
  return version;
}

/**
 * Upgrades a dataset document (parsed JSON) to the current schema version, step by step. Returns a new
 * object; the input is not changed. Does not validate the result: run parseDataset on it for that.
 * Refuses a version newer than the current one, a gap in the steps and a step that throws.
 */
export function migrateDataset(json: unknown, options: MigrateOptions = {}): MigrationResult {
  const steps = options.steps ?? MIGRATIONS;
  const current = options.currentVersion ?? CURRENT_SCHEMA_VERSION;
  if (!isRecord(json)) return { ok: false, error: { key: 'dataset.notObject' } };
  const fromVersion = readSchemaVersion(json);
  if (typeof fromVersion !== 'number') return { ok: false, error: fromVersion };
  if (fromVersion > current) {
    return { ok: false, error: { key: 'schema.versionTooNew', version: fromVersion, current } };
  }
  let value: Record<string, unknown> = json;
  const applied: number[] = [];
  for (let version = fromVersion + 1; version <= current; version++) {
    const step = steps.find((s) => s.version === version);
    if (step === undefined)
      return { ok: false, error: { key: 'schema.noMigration', from: version - 1, to: version } };
    try {
      value = { ...step.up(value), schemaVersion: version };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { key: 'schema.migrationFailed', to: version, detail } };
    }
    applied.push(version);
  }
  return { ok: true, value: applied.length === 0 ? { ...value } : value, fromVersion, applied };
}
