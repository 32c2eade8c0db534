/**
 * The main process: wires the feature modules, nothing more (each module's file says what it does).
 * Order matters in two places: the app:// scheme is declared privileged before the app is ready, and the
 * single-instance lock is taken before anything opens.
 */
import { join } from 'node:path';
import { BrowserWindow, app, session } from 'electron';
import { registerIpcHandlers } from './ipc';
import { registerMenu } from './menu';
import { hardenWebContents } from './navigation';
import { registerPermissionHandlers } from './permissions';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { createServices } from './services';
import { SETTINGS_FILE, loadLocaleController } from './settings';
import { openMainWindow, openWallWindows } from './window';
import { WINDOW_STATE_FILE } from './window-state';

registerAppScheme();
app.enableSandbox();

async function start(): Promise<void> {
  const appPath = app.getAppPath();
  const userData = app.getPath('userData');
  registerAppProtocol(join(appPath, 'dist', 'renderer'));
  registerPermissionHandlers(session.defaultSession);
  const locale = await loadLocaleController(join(userData, SETTINGS_FILE), (file, message) =>
    console.warn(`[settings] ignoring ${file}: ${message}`),
  );
  registerMenu(locale);
  const preload = join(appPath, 'dist-electron', 'preload.cjs');
  registerIpcHandlers(
    createServices({
      info: {
        version: app.getVersion(),
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        platform: process.platform,
      },
      locale,
      openWall: () => openWallWindows(preload),
    }),
  );
  const open = (): Promise<BrowserWindow> =>
    openMainWindow({ preload, stateFile: join(userData, WINDOW_STATE_FILE) });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open();
  });
  await open();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] start-up failed', error);
      app.exit(1);
    });
}
