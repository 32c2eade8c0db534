import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';

/**
 * What a command that edited something hands back (Excalidraw's perform result): an i18n label of the
 * change and how to take it back. Commands that edit nothing return nothing; case actions never return an
 * undo (the record is append-only; a mistake is corrected by a further event, not erased).
 */
export interface CommandResult {
  /** i18n key naming the change, for an "undo …" menu entry or message. */
  readonly label: string;
  /** Takes the change back; absent when the change cannot be undone. */
  readonly undo?: () => Promise<void> | void;
}

/** An undoable change on the stack. */
export interface UndoEntry {
  readonly label: string;
  readonly undo: () => Promise<void> | void;
}

/** How many changes the stack keeps; the oldest goes first. */
export const UNDO_LIMIT = 50;

/**
 * The undo stack of this window's edits, newest last. Commands push what they changed (through
 * `runCommand`); undoing pops the newest and runs its `undo`. The entries hold functions, so they are
 * kept raw, out of deep reactivity; only the list itself is reactive.
 */
export const useUndoStore = defineStore('undo', () => {
  const entries = shallowRef<readonly UndoEntry[]>([]);
  const canUndo = computed(() => entries.value.length > 0);
  /** The label of the change an undo would take back, or null. */
  const nextLabel = computed(() => entries.value.at(-1)?.label ?? null);

  /** Records a command's result if it can be undone; a result without `undo` is not recorded. */
  function record(result: CommandResult): void {
    const { undo, label } = result;
    if (!undo) return;
    entries.value = [...entries.value, markRaw({ label, undo })].slice(-UNDO_LIMIT);
  }

  /**
   * Takes back the newest change; false when there is none. The entry leaves the stack before its undo
   * runs, so a failing undo is not retried by the next one (its error reaches the caller).
   */
  async function undo(): Promise<boolean> {
    const last = entries.value.at(-1);
    if (!last) return false;
    entries.value = entries.value.slice(0, -1);
    await last.undo();
    return true;
  }

  /** Forgets every change (a new session or a reset: what they changed is gone). */
  function clear(): void {
    entries.value = [];
  }

  return { entries, canUndo, nextLabel, record, undo, clear };
});
