import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { chooseCentre, listCentres, type CentreRow } from '../db/centres';
import { centresDb, currentDb } from '../db/handle';
import { createCentre, type NewCentreInput, type NewCentreResult } from '../db/new-centre';
import { workstationId } from '../db/workstation-repo';

/**
 * The centres of this PC (db/centres.ts): which one is open, the list for 切换中心, and 新建中心. Opening
 * another centre reloads the window, which then opens that centre's database from scratch; other
 * windows of this installation hear of it and follow (app/session.ts).
 */
export const useCentresStore = defineStore('centres', () => {
  const open = shallowRef<CentreRow | null>(null);
  const all = shallowRef<readonly CentreRow[]>([]);
  const dialogOpen = ref(false);

  function setOpen(centre: CentreRow): void {
    open.value = centre;
  }

  async function refresh(): Promise<void> {
    all.value = await listCentres(centresDb());
  }

  async function showDialog(): Promise<void> {
    await refresh();
    dialogOpen.value = true;
  }

  function closeDialog(): void {
    dialogOpen.value = false;
  }

  /** Announces the open centre's new database to the other windows, then reloads this one into it. */
  function reopen(dbName: string): void {
    announceCentreDb(dbName);
    window.location.reload();
  }

  async function switchTo(id: string): Promise<void> {
    if (id === open.value?.id) return;
    const centre = await chooseCentre(centresDb(), id);
    reopen(centre.dbName);
  }

  /** Sets up an empty centre with its first shift leader and opens it (the window reloads into it). */
  async function create(input: NewCentreInput): Promise<NewCentreResult> {
    const db = currentDb();
    await workstationId(db);
    const row = await db.meta.get('workstation');
    if (row?.key !== 'workstation') throw new Error('the workstation id is missing');
    const result = await createCentre(centresDb(), row.value, input, Date.now());
    if (result.ok) reopen(result.centre.dbName);
    return result;
  }

  return { open, all, dialogOpen, setOpen, refresh, showDialog, closeDialog, switchTo, create };
});

/**
 * The channel on which the windows of this installation (the workstation, the wall) hear that the
 * open centre's database changed: another centre was opened, a reset to the sample swapped it, or
 * (`replaced`) its data was replaced as a whole in place (an import undone).
 */
export const CENTRE_CHANNEL = 'griddesk-centre';

/** Tells the other windows of this installation that the open centre's database is now `dbName`. */
export function announceCentreDb(dbName: string, { replaced = false } = {}): void {
  const channel = new BroadcastChannel(CENTRE_CHANNEL);
  channel.postMessage({ dbName, replaced });
  channel.close();
}

export type { CentreRow } from '../db/centres';
export type { NewCentreField, NewCentreIssue } from '../db/new-centre';
