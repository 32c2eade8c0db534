import type { Transaction } from 'dexie';
import { CURRENT_SCHEMA_VERSION, type MigrateOptions } from '../../shared/schema/migrations';
import { parseDataset } from '../../shared/schema/parse';
import { datasetTables, readStoredDataset, writeDataset } from './tables';

/** Thrown from an upgrade hook: aborts the version change, so the stored data stays as it was. */
export class StoredDatasetUpgradeError extends Error {
  override readonly name = 'StoredDatasetUpgradeError';
  constructor(
    readonly key: string,
    readonly details: readonly string[],
  ) {
    super(`${key}: ${details.join('; ')}`);
  }
}

/**
 * Dexie upgrade hook body: brings a stored dataset written under an older schema version to the
 * current one with the shared migration steps (the same ones imports and backups use), validates it
 * and writes it back, all in the version-change transaction `tx`. Nothing stored, or already
 * current: nothing to do. Throws {@link StoredDatasetUpgradeError} when the stored data cannot be
 * migrated, which aborts the upgrade and leaves the database as it was.
 */
export async function upgradeStoredDataset(tx: Transaction, options: MigrateOptions = {}): Promise<void> {
  const tables = datasetTables(tx);
  const stored = await readStoredDataset(tables);
  if (stored === undefined || stored.schemaVersion === (options.currentVersion ?? CURRENT_SCHEMA_VERSION))
    return;
  const parsed = parseDataset(stored.dataset, 'IndexedDB griddesk', options);
  if (!parsed.ok) {
    throw new StoredDatasetUpgradeError(
      'schema.storedUpgradeFailed',
      parsed.errors.map((e) => e.text),
    );
  }
  await writeDataset(tables, parsed.dataset, stored.info);
}
