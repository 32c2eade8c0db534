import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { registerCommands, runCommand } from './registry';
import { UNDO_LIMIT, useUndoStore } from '../stores/undo';

describe('undoing what a command changed', () => {
  beforeEach(() => setActivePinia(createPinia()));

  /** A stand-in edit: a command that moves a value and says how to move it back. */
  function counterCommand(): { value: () => number; unregister: () => void } {
    let value = 0;
    const unregister = registerCommands([
      {
        id: 'map.fitTownship',
        label: 'layers.fitTownship',
        edits: true,
        run: () => {
          const before = value;
          value += 1;
          return { label: 'layers.fitTownship', undo: () => void (value = before) };
        },
      },
    ]);
    return { value: () => value, unregister };
  }

  it('records a command’s change and takes it back, newest first', async () => {
    const counter = counterCommand();
    const undo = useUndoStore();
    await runCommand('map.fitTownship');
    await runCommand('map.fitTownship');
    expect(counter.value()).toBe(2);
    expect(undo.canUndo).toBe(true);
    expect(undo.nextLabel).toBe('layers.fitTownship');
    expect(await undo.undo()).toBe(true);
    expect(counter.value()).toBe(1);
    expect(await undo.undo()).toBe(true);
    expect(counter.value()).toBe(0);
    expect(await undo.undo()).toBe(false);
    expect(undo.canUndo).toBe(false);
    counter.unregister();
  });

  it('does not record a command that changes nothing or cannot be undone', async () => {
    const unregister = registerCommands([
      { id: 'view.toggleLayerPanel', label: 'layers.title', run: () => undefined },
      {
        id: 'cases.reassignAll',
        label: 'reassign.start',
        edits: true,
        run: () => ({ label: 'reassign.start' }),
      },
    ]);
    await runCommand('view.toggleLayerPanel');
    expect(await runCommand('cases.reassignAll')).toEqual({ label: 'reassign.start' });
    expect(useUndoStore().entries).toHaveLength(0);
    unregister();
  });

  it('keeps only the newest changes, and drops a failing undo instead of retrying it', async () => {
    const counter = counterCommand();
    const undo = useUndoStore();
    for (let i = 0; i < UNDO_LIMIT + 5; i++) await runCommand('map.fitTownship');
    expect(undo.entries).toHaveLength(UNDO_LIMIT);
    undo.record({
      label: 'broken',
      undo: () => {
        throw new Error('gone');
      },
    });
    await expect(undo.undo()).rejects.toThrow('gone');
    expect(undo.nextLabel).toBe('layers.fitTownship');
    undo.clear();
    expect(undo.canUndo).toBe(false);
    counter.unregister();
  });
});
