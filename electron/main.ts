/**
 * The main process: wires the feature modules, nothing more (each module's file says what it does).
 * Order matters in three places: an installed copy started with debugging switches quits before anything
 * else; the app:// scheme is declared privileged before the app is ready; and the single-instance lock is
 * taken before anything opens.
 */
import { join } from 'node:path';
import { BrowserWindow, app, dialog, net, session } from 'electron';
import { REFUSED_DEBUG_SWITCHES, debugSwitchRefusal, refusedDebugSwitches } from './debug-switches';
import { registerIpcHandlers } from './ipc';
import { registerMenu } from './menu';
import { hardenWebContents } from './navigation';
import { registerPermissionHandlers } from './permissions';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { createServices } from './services';
import { createPositionHost } from './position-host';
import { startPositionListener } from './position-listener';
import { connectTraccar } from './traccar-connector';
import { sendPositionFixes } from './window';
import { fetchTileOutcome } from '../shared/tiles/fetch-tile';
import { BASEMAP_FILES_FILE, loadBasemapFileRegistry } from './basemap-files';
import { createLocalTileServer } from './local-tiles';
import { loadSqlJsFrom } from './sqlite';
import { SETTINGS_FILE, loadLocaleController } from './settings';
import { openMainWindow, openWallWindows } from './window';
import { WINDOW_STATE_FILE } from './window-state';

async function start(): Promise<void> {
  const appPath = app.getAppPath();
  const userData = app.getPath('userData');
  const basemapFiles = await loadBasemapFileRegistry(join(userData, BASEMAP_FILES_FILE), (file, message) =>
    console.warn(`[basemap files] ignoring ${file}: ${message}`),
  );
  registerAppProtocol(
    join(appPath, 'dist', 'renderer'),
    createLocalTileServer({
      resolve: (id) => basemapFiles.resolve(id),
      list: () => basemapFiles.list(),
      sqlite: () => loadSqlJsFrom(join(appPath, 'dist', 'renderer', 'assets')),
    }),
  );
  registerPermissionHandlers(session.defaultSession);
  const locale = await loadLocaleController(join(userData, SETTINGS_FILE), (file, message) =>
    console.warn(`[settings] ignoring ${file}: ${message}`),
  );
  registerMenu(locale);
  const preload = join(appPath, 'dist-electron', 'preload.cjs');
  // Phones' reports, for every window of ours (the workstation and the wall); stopped on quit.
  const positions = createPositionHost({
    start: startPositionListener,
    connectTraccar,
    deliver: sendPositionFixes,
  });
  app.on('will-quit', () => void positions.close());
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
      // Chromium's network stack: the PC's proxy settings and certificates, as a browser would use.
      fetchTile: (url) => fetchTileOutcome(url, (input, init) => net.fetch(input as string, init)),
      positions,
      basemapFiles,
      pickBasemapFile: async () => {
        const options: Electron.OpenDialogOptions = {
          properties: ['openFile'],
          filters: [{ name: 'PMTiles / MBTiles', extensions: ['pmtiles', 'mbtiles'] }],
        };
        const parent = BrowserWindow.getFocusedWindow();
        const picked = await (parent === null
          ? dialog.showOpenDialog(options)
          : dialog.showOpenDialog(parent, options));
        const path = picked.filePaths[0];
        if (picked.canceled || path === undefined) return { kind: 'cancelled' };
        const added = await basemapFiles.add(path);
        return added.ok ? { kind: 'picked', file: added.file } : { kind: 'refused', ...added.refusal };
      },
    }),
  );
  const open = (): Promise<BrowserWindow> =>
    openMainWindow({ preload, stateFile: join(userData, WINDOW_STATE_FILE) });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open();
  });
  await open();
}

/** Quits at once, saying why, when an installed copy was started with debugging switches. */
function refuseDebugSwitches(): boolean {
  let refused = refusedDebugSwitches(process.argv, app.isPackaged);
  // Chromium's own parse as well, for any spelling the argv check might not see.
  if (refused.length === 0 && app.isPackaged) {
    refused = REFUSED_DEBUG_SWITCHES.filter((name) => app.commandLine.hasSwitch(name)).map(
      (name) => `--${name}`,
    );
  }
  if (refused.length === 0) return false;
  const { title, body } = debugSwitchRefusal(refused);
  console.error(body);
  dialog.showErrorBox(title, body);
  app.exit(1);
  return true;
}

/** Declares the app:// scheme, takes the single-instance lock and opens the windows when ready. */
function run(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.enableSandbox();
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

if (!refuseDebugSwitches()) run();
