import { defineStore } from 'pinia';
import { ref } from 'vue';

export type WorkspaceDialog =
  | 'record'
  | 'import'
  | 'export'
  | 'imports'
  | 'replaceGrids'
  | 'importPlaces'
  | 'importHistory'
  | 'indicators'
  | 'settings'
  | 'backup'
  | 'accounts'
  | 'basemap'
  | 'phones';

/** Which workspace dialog is open (one at a time). */
export const useDialogsStore = defineStore('dialogs', () => {
  const open = ref<WorkspaceDialog | null>(null);
  function show(dialog: WorkspaceDialog): void {
    open.value = dialog;
  }
  function close(): void {
    open.value = null;
  }
  return { open, show, close };
});
