/**
 * The application menu as a pure function of the locale, so tests read it without Electron. Items that are
 * app commands carry the command id (as the item's `id`) and send it to the renderer, which runs the same
 * command its buttons and keys run. Editing, zoom and quit are Electron roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale, MenuCommandId } from '../shared/ipc/contract';
import { MENU_LABELS } from './menu-labels';

export interface MenuTemplateOptions {
  readonly locale: Locale;
  /** process.platform: macOS gets its application menu first. */
  readonly platform: string;
  /** Reload and developer tools, for unpackaged builds only. */
  readonly developer: boolean;
  /** Called when an item that is an app command is chosen. */
  readonly onCommand: (id: MenuCommandId) => void;
}

/**
 * Builds the menu template. Shortcuts shown for commands are the renderer's own key bindings
 * (renderer/app/commands.ts); they are displayed but not registered (`registerAccelerator: false`), so one key
 * press runs the command once, through the renderer.
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[options.locale];
  const command = (id: MenuCommandId, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    click: () => options.onCommand(id),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push(
    {
      label: l.file,
      submenu: [command('data.resetToSample', l.resetToSample), separator, { role: 'quit', label: l.quit }],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        separator,
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        command('view.toggleLayerPanel', l.layerPanel, 'L'),
        command('view.toggleUnitBoard', l.unitBoard, 'K'),
        command('view.toggleFullScreen', l.fullScreen, 'F11'),
        command('view.openWall', l.openWall, 'F9'),
        separator,
        { role: 'resetZoom', label: l.actualSize },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        separator,
        command('app.switchLanguage', l.switchLanguage),
        ...(options.developer
          ? [
              separator,
              { role: 'reload', label: l.reload } as const,
              { role: 'toggleDevTools', label: l.devTools } as const,
            ]
          : []),
      ],
    },
    { label: l.map, submenu: [command('map.fitTownship', l.fitTownship, 'Home')] },
    { label: l.window, submenu: [{ role: 'minimize', label: l.minimize }] },
    { label: l.help, role: 'help', submenu: [command('app.about', l.about)] },
  );
  return template;
}
