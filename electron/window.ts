import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { hardenWebContents } from './navigation';
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
    webPreferences: {
      preload: options.preload,
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
    },
  });
  const id = window.webContents.id;
  ourWebContents.add(id);
  window.on('closed', () => ourWebContents.delete(id));
  hardenWebContents(window.webContents);
  trackWindowState(window, options.stateFile);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    if (state.fullScreen) window.setFullScreen(true);
    window.show();
  });
  await window.loadURL(APP_ENTRY_URL);
  return window;
}
