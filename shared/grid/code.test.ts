import { describe, expect, it } from 'vitest';
import { formatGridCode, parseDivisionCode, parseGridCode, westToEastNorthToSouth } from './code';

describe('grid codes', () => {
  it('accepts a 15-digit code and splits county, township, community and sequence', () => {
    const result = parseGridCode('320381105003012');
    expect(result).toEqual({
      ok: true,
      code: '320381105003012',
      parts: { county: '320381', township: '105', community: '003', sequence: '012' },
    });
  });

  it.each([
    [12345, 'gridCode.notString'],
    ['32038110500301', 'gridCode.length'],
    ['3203811050030120', 'gridCode.length'],
    ['32038110500301A', 'gridCode.nonDigit'],
    ['990381105003012', 'gridCode.province'],
    ['320000105003012', 'gridCode.countyZero'],
    ['321200105003012', 'gridCode.countyZero'],
    ['320381000003012', 'gridCode.townshipZero'],
    ['320381105000012', 'gridCode.communityZero'],
    ['320381105003000', 'gridCode.sequenceZero'],
  ])('rejects %s with %s', (value, key) => {
    const result = parseGridCode(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.key).toBe(key);
  });

  it('formats codes from numbers and refuses parts out of range', () => {
    expect(formatGridCode('320381', 105, 3, 12)).toBe('320381105003012');
    expect(() => formatGridCode('320381', 105, 0, 12)).toThrow(/community/);
    expect(() => formatGridCode('320381', 105, 3, 1000)).toThrow(/sequence/);
  });

  it('numbers cells west to east within a row, rows from north to south', () => {
    const cells: [number, number][] = [
      [120.2, 32.0], // south-east
      [120.0, 32.1], // north-west
      [120.1, 32.0], // south-west
      [120.3, 32.1], // north-east
    ];
    expect(westToEastNorthToSouth(cells, 0.05)).toEqual([1, 3, 2, 0]);
  });
});

describe('a township division code (9 digits)', () => {
  it('takes a county-level code and a township code, and names what is wrong otherwise', () => {
    expect(parseDivisionCode('320381105')).toEqual({ ok: true, county: '320381', township: '105' });
    expect(parseDivisionCode('32038110')).toEqual({
      ok: false,
      error: { key: 'gridCode.length', length: 8 },
    });
    expect(parseDivisionCode('32038110x')).toEqual({ ok: false, error: { key: 'gridCode.nonDigit' } });
    expect(parseDivisionCode('990381105')).toEqual({
      ok: false,
      error: { key: 'gridCode.province', prefix: '99' },
    });
    expect(parseDivisionCode('321200105')).toEqual({ ok: false, error: { key: 'gridCode.countyZero' } });
    expect(parseDivisionCode('320381000')).toEqual({ ok: false, error: { key: 'gridCode.townshipZero' } });
  });
});
