import { describe, expect, it } from 'vitest';
import { wallWindowBounds, type DisplayLike } from './wall-displays';

// A 1920×1080 workstation display, two 3840×2160 wall panels to its right and one 1920×1080 panel above.
const workstation: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const wallLeft: DisplayLike = { id: 7, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const wallRight: DisplayLike = { id: 3, bounds: { x: 5760, y: 0, width: 3840, height: 2160 } };
const above: DisplayLike = { id: 9, bounds: { x: 1920, y: -1080, width: 1920, height: 1080 } };

describe('wallWindowBounds', () => {
  it('opens one window per display other than the workstation display', () => {
    expect(wallWindowBounds([workstation, wallLeft, wallRight], workstation.id)).toEqual([
      wallLeft.bounds,
      wallRight.bounds,
    ]);
  });

  it('never covers the workstation display, wherever it is', () => {
    expect(wallWindowBounds([workstation, wallLeft, wallRight], wallLeft.id)).toEqual([
      workstation.bounds,
      wallRight.bounds,
    ]);
  });

  it('opens on the only display when there is just one', () => {
    expect(wallWindowBounds([workstation], workstation.id)).toEqual([workstation.bounds]);
  });

  it('orders by x, then y, whatever order the displays are listed in', () => {
    const displays = [wallRight, above, workstation, wallLeft];
    const expected = [above.bounds, wallLeft.bounds, wallRight.bounds];
    expect(wallWindowBounds(displays, workstation.id)).toEqual(expected);
    expect(wallWindowBounds([...displays].reverse(), workstation.id)).toEqual(expected);
  });

  it('uses every display when the workstation display is not among them, and none when there are none', () => {
    expect(wallWindowBounds([wallRight, wallLeft], 42)).toEqual([wallLeft.bounds, wallRight.bounds]);
    expect(wallWindowBounds([], 1)).toEqual([]);
  });

  it('returns plain bounds, not the display objects', () => {
    const display = { ...wallLeft, scaleFactor: 2, workArea: wallLeft.bounds };
    const [bounds] = wallWindowBounds([workstation, display], workstation.id);
    expect(Object.keys(bounds ?? {}).sort()).toEqual(['height', 'width', 'x', 'y']);
    expect(bounds).not.toBe(wallLeft.bounds);
  });
});
