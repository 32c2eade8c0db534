import { BrowserWindow, Menu, app } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommandId } from '../shared/ipc/contract';
import { parseIpcEvent } from '../shared/ipc/validate';
import { isAppUrl } from './app-origin';
import { buildMenuTemplate } from './menu-template';
import type { LocaleController } from './settings';

/** Sends a menu command to the focused window (or the first one), if it shows our app. */
function sendMenuCommand(id: MenuCommandId): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!target || target.isDestroyed()) return;
  const contents = target.webContents;
  if (!isAppUrl(contents.getURL())) {
    console.error(`[menu] not sending ${id} to ${contents.getURL()}`);
    return;
  }
  contents.send(MENU_COMMAND_CHANNEL, parseIpcEvent(MENU_COMMAND_CHANNEL, id));
}

/** Installs the application menu in the current locale and rebuilds it whenever the locale changes. */
export function registerMenu(locale: LocaleController): void {
  const install = (): void => {
    const template = buildMenuTemplate({
      locale: locale.current,
      platform: process.platform,
      developer: !app.isPackaged,
      onCommand: sendMenuCommand,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  install();
  locale.onChange(install);
}
