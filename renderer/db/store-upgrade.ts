import type { Transaction } from 'dexie';
import { storeStep, type StoreMigrationContext, type StoreRows } from '../../shared/schema/store-migrations';
import type { StoreTableName } from '../../shared/schema/store-tables';
import { WORKSTATION_ID_BYTES, workstationIdFrom, type WorkstationInfo } from '../../shared/model/ids';

/** A new workstation id, drawn from the platform's cryptographic random source. */
export function drawWorkstation(now: number): WorkstationInfo {
  return {
    id: workstationIdFrom(crypto.getRandomValues(new Uint8Array(WORKSTATION_ID_BYTES))),
    createdAt: now,
  };
}

/**
 * Dexie upgrade hook body for store version `version` (database.ts): reads the tables the shared step
 * reads (shared/schema/store-migrations.ts), runs it, and writes back every table it rewrote, all in
 * the version-change transaction `tx`. A step that throws aborts the upgrade: the database does not
 * open and its data stays as it was. `context` defaults to a freshly drawn workstation id and now.
 */
export async function upgradeStoreTo(
  version: number,
  tx: Transaction,
  context: StoreMigrationContext = defaultContext(),
): Promise<void> {
  const step = storeStep(version);
  const rows: StoreRows = Object.fromEntries(
    await Promise.all(step.reads.map(async (name) => [name, await tx.table(name).toArray()] as const)),
  );
  const rewritten = step.run(rows, context);
  for (const [name, table] of Object.entries(rewritten) as [StoreTableName, readonly unknown[]][]) {
    await tx.table(name).clear();
    await tx.table(name).bulkAdd([...table]);
  }
}

function defaultContext(): StoreMigrationContext {
  const now = Date.now();
  return { workstationId: drawWorkstation(now).id, now };
}
