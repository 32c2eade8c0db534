/**
 * Where the display wall (指挥大屏) opens: pure logic over the displays Electron reports, so tests run it
 * without Electron. window.ts opens one full-screen wall window at each of the bounds returned here.
 */
import type { Rect } from './window-state';

/** The part of Electron's Display this module reads (`screen.getAllDisplays()` gives more). */
export interface DisplayLike {
  readonly id: number;
  /** The whole display in DIP, not its work area: wall windows are full screen. */
  readonly bounds: Rect;
}

/**
 * The bounds to open wall windows at: one per display other than the workstation's, so the operator keeps
 * the workstation; with a single display, one on that display. Sorted left to right, then top to bottom,
 * (then by id), so the windows open in the same order whatever order the system lists the displays in.
 */
export function wallWindowBounds(displays: readonly DisplayLike[], workstationDisplayId: number): Rect[] {
  const others = displays.filter((d) => d.id !== workstationDisplayId);
  const chosen = displays.length === 1 ? displays : others;
  return [...chosen]
    .sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id)
    .map(({ bounds: { x, y, width, height } }) => ({ x, y, width, height }));
}
