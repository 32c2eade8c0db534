import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  captureWindowState,
  readWindowState,
  restoreWindowState,
  writeWindowState,
  type Rect,
  type WindowState,
} from './window-state';

// A 1920×1080 primary display with a taskbar at the bottom, and a 2560×1440 display to its right.
const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

const inside = (b: Rect, area: Rect): boolean =>
  b.x >= area.x &&
  b.y >= area.y &&
  b.x + b.width <= area.x + area.width &&
  b.y + b.height <= area.y + area.height;

const saved = (bounds: Rect, extra: Partial<WindowState> = {}): WindowState => ({
  bounds,
  maximized: false,
  fullScreen: false,
  ...extra,
});

describe('restoreWindowState', () => {
  it('opens at the default size centred on the primary display on first run', () => {
    const state = restoreWindowState(undefined, [primary, right], primary);
    expect(state.bounds.width).toBe(DEFAULT_WINDOW_SIZE.width);
    expect(state.bounds.height).toBe(DEFAULT_WINDOW_SIZE.height);
    expect(inside(state.bounds, primary)).toBe(true);
    expect(state.bounds.x - primary.x).toBe(
      primary.x + primary.width - (state.bounds.x + state.bounds.width),
    );
  });

  it('keeps a position that is wholly on a display', () => {
    const bounds = { x: 2000, y: 100, width: 1200, height: 800 };
    expect(restoreWindowState(saved(bounds), [primary, right], primary).bounds).toEqual(bounds);
  });

  it('brings a window whose monitor was unplugged back onto the primary display', () => {
    const state = restoreWindowState(
      saved({ x: 2400, y: 200, width: 1200, height: 800 }),
      [primary],
      primary,
    );
    expect(inside(state.bounds, primary)).toBe(true);
    expect(state.bounds.width).toBe(1200);
    expect(state.bounds.height).toBe(800);
  });

  it('pulls a window hanging off the edge of a display back inside it', () => {
    const state = restoreWindowState(
      saved({ x: -300, y: 900, width: 1000, height: 700 }),
      [primary, right],
      primary,
    );
    expect(inside(state.bounds, primary)).toBe(true);
    expect(state.bounds.width).toBe(1000);
  });

  it('shrinks a window larger than its display to fit', () => {
    const state = restoreWindowState(saved({ x: 0, y: 0, width: 5000, height: 3000 }), [primary], primary);
    expect(state.bounds).toEqual(primary);
  });

  it('moves a straddling window onto the display it overlaps most', () => {
    const state = restoreWindowState(
      saved({ x: 1700, y: 100, width: 1000, height: 700 }),
      [primary, right],
      primary,
    );
    expect(inside(state.bounds, right)).toBe(true);
  });

  it('keeps the maximised and full-screen flags', () => {
    const state = restoreWindowState(
      saved({ x: 9000, y: 9000, width: 800, height: 600 }, { maximized: true, fullScreen: true }),
      [primary],
      primary,
    );
    expect(state.maximized).toBe(true);
    expect(state.fullScreen).toBe(true);
  });
});

describe('captureWindowState', () => {
  it('saves the normal bounds of a maximised window', () => {
    const normal = { x: 100, y: 80, width: 1200, height: 800 };
    const state = captureWindowState({
      getBounds: () => primary,
      getNormalBounds: () => normal,
      isMaximized: () => true,
      isFullScreen: () => false,
    });
    expect(state).toEqual({ bounds: normal, maximized: true, fullScreen: false });
  });
});

describe('the window-state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'griddesk-window-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a state', async () => {
    const file = join(dir, 'window-state.json');
    const state = saved({ x: 10, y: 20, width: 1000, height: 700 }, { maximized: true });
    await writeWindowState(file, state);
    expect(await readWindowState(file)).toEqual(state);
  });

  it('reads nothing on first run, and reports a damaged file instead of failing', async () => {
    const problems: string[] = [];
    expect(await readWindowState(join(dir, 'missing.json'), (_f, m) => problems.push(m))).toBeUndefined();
    expect(problems).toEqual([]);
    const file = join(dir, 'window-state.json');
    await writeFile(file, '{"bounds":{"x":"left"}');
    expect(await readWindowState(file, (_f, m) => problems.push(m))).toBeUndefined();
    await writeFile(
      file,
      '{"bounds":{"x":"left","y":0,"width":10,"height":10},"maximized":false,"fullScreen":false}',
    );
    expect(await readWindowState(file, (_f, m) => problems.push(m))).toBeUndefined();
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^bounds\.x: /);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ bounds: { x: 'left' } });
  });
});
