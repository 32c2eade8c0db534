import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { POSITION_FIXES_CHANNEL } from '../shared/ipc/contract';
import type { AdmittedFix } from '../shared/positions/admit';
import { parseIpcEvent } from '../shared/ipc/validate';
import { APP_ENTRY_URL, APP_WALL_URL, isAppUrl } from './app-origin';
import { hardenWebContents } from './navigation';
import { wallWindowBounds } from './wall-displays';
import {
  MIN_WINDOW_SIZE,
  captureWindowState,
  readWindowState,
  restoreWindowState,
  writeWindowState,
  writeWindowStateSync,
} from './window-state';

/** webContents ids of the windows this app created: the only senders IPC serves (see ipc.ts). */
const ourWebContents = new Set<number>();

export function isOurWebContents(id: number): boolean {
  return ourWebContents.has(id);
}

/** Sends a batch of the position listener's fixes to every window of ours that shows our app. */
export function sendPositionFixes(fixes: readonly AdmittedFix[]): void {
  const payload = parseIpcEvent(POSITION_FIXES_CHANNEL, fixes);
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (window.isDestroyed() || !ourWebContents.has(contents.id) || !isAppUrl(contents.getURL())) continue;
    contents.send(POSITION_FIXES_CHANNEL, payload);
  }
}

/** The workstation window, while it is open: the wall leaves its display free. */
let workstation: BrowserWindow | undefined;
/** The display wall's windows, while they are open. */
const wallWindows = new Set<BrowserWindow>();

/**
 * The web preferences of every window of ours: the page is isolated from Node and Electron (sandboxed, context
 * isolation, no Node anywhere) and reaches main only through the preload's contract API.
 */
function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** Applies the navigation rules to a new window and lets IPC serve it until it is closed. */
function adoptWindow(window: BrowserWindow): void {
  const id = window.webContents.id;
  ourWebContents.add(id);
  window.on('closed', () => ourWebContents.delete(id));
  hardenWebContents(window.webContents);
}

export interface MainWindowOptions {
  /** dist-electron/preload.cjs */
  readonly preload: string;
  /** window-state.json under userData. */
  readonly stateFile: string;
}

const SAVE_DELAY_MS = 500;

/** Saves size, position, maximised and full-screen whenever they change (debounced) and when the window closes. */
function trackWindowState(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    timer = undefined;
    if (window.isDestroyed()) return;
    writeWindowState(file, captureWindowState(window)).catch((error: unknown) =>
      console.error(`[window] could not save ${file}: ${String(error)}`),
    );
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('enter-full-screen', schedule);
  window.on('leave-full-screen', schedule);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    try {
      writeWindowStateSync(file, captureWindowState(window));
    } catch (error) {
      console.error(`[window] could not save ${file}: ${String(error)}`);
    }
  });
}

/**
 * Opens the workstation window on app://griddesk with the hardened web preferences, where it was last time
 * (clamped onto the displays present now).
 */
export async function openMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const saved = await readWindowState(options.stateFile, (file, message) =>
    console.warn(`[window] ignoring ${file}: ${message}`),
  );
  const state = restoreWindowState(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'GridDesk 网格指挥台',
    backgroundColor: '#f5f7fa',
    webPreferences: hardenedWebPreferences(options.preload),
  });
  adoptWindow(window);
  workstation = window;
  // Full-screen wall windows without their workstation would be left with no menu to close them by, and
  // would keep the app running (and, on macOS, stop 'activate' from reopening the workstation).
  window.on('closed', () => {
    if (workstation === window) workstation = undefined;
    for (const wall of wallWindows) wall.close();
  });
  trackWindowState(window, options.stateFile);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    if (state.fullScreen) window.setFullScreen(true);
    window.show();
  });
  await window.loadURL(APP_ENTRY_URL);
  return window;
}

/**
 * Opens the display wall (指挥大屏): one full-screen window per display other than the workstation's, or one on
 * the only display (see wall-displays.ts), each loading the renderer with `?view=wall`. If the wall is open
 * already, brings its windows forward instead of opening more. Returns the number of wall windows open.
 * Wall windows are not remembered between runs: they always fill the displays present now.
 */
export function openWallWindows(preload: string): number {
  if (wallWindows.size > 0) {
    for (const wall of wallWindows) {
      if (wall.isMinimized()) wall.restore();
      wall.focus();
    }
    return wallWindows.size;
  }
  const home =
    workstation && !workstation.isDestroyed()
      ? screen.getDisplayMatching(workstation.getBounds())
      : screen.getPrimaryDisplay();
  for (const bounds of wallWindowBounds(screen.getAllDisplays(), home.id)) {
    const wall = new BrowserWindow({
      ...bounds,
      fullscreen: true,
      title: 'GridDesk 指挥大屏',
      backgroundColor: '#0b1220',
      webPreferences: hardenedWebPreferences(preload),
    });
    adoptWindow(wall);
    wallWindows.add(wall);
    wall.on('closed', () => wallWindows.delete(wall));
    wall.loadURL(APP_WALL_URL).catch((error: unknown) => {
      console.error(`[window] could not load ${APP_WALL_URL}: ${String(error)}`);
    });
  }
  return wallWindows.size;
}
