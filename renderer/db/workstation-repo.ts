import type { GridDeskDb } from './database';
import { drawWorkstation } from './store-upgrade';

/**
 * This installation's workstation id (shared/model/ids.ts): drawn when the database was created or
 * upgraded to store version 3 and kept by every reset and restore. Should it be missing all the same
 * (a meta table emptied by hand), a new one is drawn and kept, so ids stay scoped.
 * Reads `db.meta` only: it runs inside any transaction that includes that table.
 */
export async function workstationId(db: GridDeskDb, now: number = Date.now()): Promise<string> {
  const row = await db.meta.get('workstation');
  if (row?.key === 'workstation') return row.value.id;
  return db.transaction('rw', db.meta, async () => {
    const again = await db.meta.get('workstation');
    if (again?.key === 'workstation') return again.value.id;
    const drawn = drawWorkstation(now);
    await db.meta.add({ key: 'workstation', value: drawn });
    return drawn.id;
  });
}
