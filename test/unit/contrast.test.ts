import { describe, expect, it } from 'vitest';
import { coloursIn, contrastRatio, parseColour } from '../e2e/contrast';

describe('WCAG contrast ratio', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 6);
    expect(contrastRatio(parseColour('#1d4ed8'), parseColour('rgb(29, 78, 216)'))).toBe(1);
  });

  it('puts #767676 on white just above AA and #777777 just below', () => {
    expect(contrastRatio(parseColour('#767676'), parseColour('#ffffff'))).toBeGreaterThan(4.5);
    expect(contrastRatio(parseColour('#777777'), parseColour('#ffffff'))).toBeLessThan(4.5);
  });

  it('reads the stops of a computed gradient', () => {
    expect(coloursIn('linear-gradient(90deg, rgb(15, 42, 74), rgb(29, 78, 216))')).toEqual([
      [15, 42, 74],
      [29, 78, 216],
    ]);
  });
});
