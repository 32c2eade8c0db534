import { describe, expect, it } from 'vitest';
import { commandForKey, isCommandId, registerCommands, runCommand } from './registry';

const key = (k: string, extra: Partial<KeyboardEvent> = {}): KeyboardEvent =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    repeat: false,
    target: null,
    ...extra,
  }) as KeyboardEvent;

describe('commands', () => {
  it('runs a registered command by id and finds it by its shortcut', async () => {
    let fitted = 0;
    const unregister = registerCommands([
      { id: 'map.fitTownship', label: 'layers.fitTownship', shortcut: 'Home', run: () => void fitted++ },
    ]);
    await runCommand('map.fitTownship');
    await commandForKey(key('Home'))?.run();
    expect(fitted).toBe(2);
    unregister();
    expect(isCommandId('map.fitTownship')).toBe(false);
  });

  it('ignores shortcuts typed into a text field', () => {
    const unregister = registerCommands([
      { id: 'view.toggleLayerPanel', label: 'layers.title', shortcut: 'l', run: () => undefined },
    ]);
    expect(commandForKey(key('l'))?.id).toBe('view.toggleLayerPanel');
    expect(commandForKey(key('L', { shiftKey: true }))?.id).toBe('view.toggleLayerPanel');
    expect(
      commandForKey(
        key('l', { target: { tagName: 'INPUT', isContentEditable: false } as unknown as EventTarget }),
      ),
    ).toBeUndefined();
    unregister();
  });

  it('refuses to run a command nobody registered', async () => {
    await expect(runCommand('app.about')).rejects.toThrow(/not registered/);
  });
});
