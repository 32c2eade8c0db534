/**
 * Remembering the main window: size, position, maximised and full-screen, in window-state.json under
 * userData. Restoring is pure logic ({@link restoreWindowState}) so a monitor that was unplugged since the
 * last run cannot leave the window off screen. Units: screen pixels (DIP) as Electron reports them.
 */
import { z } from 'zod';
import { readJsonFile, writeJsonFile, writeJsonFileSync, type JsonFileProblem } from './json-file';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const int = z.number().int().finite();
export const windowStateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.positive(), height: int.positive() }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

function centredOn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * Where to open the window, given what was saved and the displays' work areas now (screen.getAllDisplays()
 * → workArea; `primary` is the primary display's work area).
 *
 * Edge rules: nothing saved → the default size centred on the primary display. Saved bounds that overlap a
 * display → moved and shrunk as needed to lie wholly inside the display they overlap most. Saved bounds that
 * overlap no display (its monitor is gone) → the saved size, shrunk to fit, centred on the primary display.
 * Maximised and full-screen flags are kept: they apply to whichever display the window lands on.
 */
export function restoreWindowState(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowState {
  if (!saved) {
    return {
      bounds: centredOn(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height),
      maximized: false,
      fullScreen: false,
    };
  }
  const { bounds } = saved;
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best) return { ...saved, bounds: centredOn(primary, bounds.width, bounds.height) };
  const width = Math.min(bounds.width, best.width);
  const height = Math.min(bounds.height, best.height);
  return {
    ...saved,
    bounds: {
      x: clamp(bounds.x, best.x, best.x + best.width - width),
      y: clamp(bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
  };
}

/** The state saved in `file`, or undefined on first run or when the file is damaged. */
export function readWindowState(file: string, onProblem?: JsonFileProblem): Promise<WindowState | undefined> {
  return readJsonFile(file, windowStateSchema, onProblem);
}

export function writeWindowState(file: string, state: WindowState): Promise<void> {
  return writeJsonFile(file, windowStateSchema.parse(state));
}

export function writeWindowStateSync(file: string, state: WindowState): void {
  writeJsonFileSync(file, windowStateSchema.parse(state));
}

/** The part of a BrowserWindow that {@link captureWindowState} reads. */
export interface WindowStateSource {
  getBounds(): Rect;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
}

/**
 * The state to save. When maximised or full screen, the bounds saved are the normal ones, so that leaving
 * that mode next time returns the window to the size the user gave it.
 */
export function captureWindowState(window: WindowStateSource): WindowState {
  const maximized = window.isMaximized();
  const fullScreen = window.isFullScreen();
  const raw = maximized || fullScreen ? window.getNormalBounds() : window.getBounds();
  return {
    bounds: {
      x: Math.round(raw.x),
      y: Math.round(raw.y),
      width: Math.max(1, Math.round(raw.width)),
      height: Math.max(1, Math.round(raw.height)),
    },
    maximized,
    fullScreen,
  };
}
