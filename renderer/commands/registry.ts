import { useUndoStore, type CommandResult } from '../stores/undo';

export type { CommandResult } from '../stores/undo';

/**
 * User operations as commands (VS Code / Excalidraw style): one id, an i18n label, an optional
 * shortcut and a run function. Buttons, the keyboard and the Electron menu all call the same command.
 */
export type CommandId =
  | 'map.fitTownship'
  | 'incident.locate'
  | 'incident.cancel'
  | 'cases.reassignAll'
  | 'cases.focusQueue'
  | 'view.toggleLayerPanel'
  | 'view.toggleUnitBoard'
  | 'view.toggleFullScreen'
  | 'view.openWall'
  | 'view.geofenceAlerts'
  | 'data.resetToSample'
  | 'app.switchLanguage'
  | 'app.about';

interface CommandBase {
  readonly id: CommandId;
  /** i18n key of the label. */
  readonly label: string;
  /** A KeyboardEvent.key, optionally prefixed "Ctrl+" / "Shift+". */
  readonly shortcut?: string;
  /**
   * Whether to offer the command now (buttons show it only then). The Electron menu cannot follow,
   * so `run` must still refuse, with a message, when it is not enabled.
   */
  readonly enabled?: () => boolean;
}

/** A command that edits nothing (moves the view, opens a window, starts a gesture). */
export interface ActionCommand extends CommandBase {
  readonly edits?: false;
  run(): void | Promise<void>;
}

/**
 * A command that edits something: it returns what it changed (Excalidraw's perform result), with an
 * `undo` where the change can be taken back; `runCommand` puts that on the undo stack.
 */
export interface EditCommand extends CommandBase {
  readonly edits: true;
  run(): CommandResult | Promise<CommandResult>;
}

export type Command = ActionCommand | EditCommand;

const commands = new Map<CommandId, Command>();

export function registerCommands(list: readonly Command[]): () => void {
  for (const c of list) commands.set(c.id, c);
  return () => list.forEach((c) => commands.delete(c.id));
}

export function isCommandId(value: string): value is CommandId {
  return commands.has(value as CommandId);
}

/** Whether a registered command is offered now (see {@link Command.enabled}); false if unknown. */
export function commandEnabled(id: CommandId): boolean {
  const command = commands.get(id);
  return command !== undefined && (command.enabled?.() ?? true);
}

/** Runs a command and records an undoable result on the undo stack; returns the result, if any. */
export async function runCommand(id: CommandId): Promise<CommandResult | undefined> {
  const command = commands.get(id);
  if (!command) throw new Error(`command ${id} is not registered`);
  if (!command.edits) {
    await command.run();
    return undefined;
  }
  const result = await command.run();
  useUndoStore().record(result);
  return result;
}

function keyOf(e: KeyboardEvent): string {
  return `${e.ctrlKey || e.metaKey ? 'Ctrl+' : ''}${e.shiftKey && e.key.length > 1 ? 'Shift+' : ''}${e.key.length === 1 ? e.key.toLowerCase() : e.key}`;
}

/** Finds the command bound to a key press, ignoring held keys, Alt chords, text fields and open dialogs. */
export function commandForKey(e: KeyboardEvent): Command | undefined {
  if (e.repeat || e.altKey) return undefined;
  // While a modal dialog is open, its keys are its own.
  if (typeof document !== 'undefined' && document.querySelector('.el-overlay:not([style*="display: none"])'))
    return undefined;
  const target = e.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
    return undefined;
  const key = keyOf(e);
  return [...commands.values()].find((c) => c.shortcut?.toLowerCase() === key.toLowerCase());
}
