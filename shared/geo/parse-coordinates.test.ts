import { describe, expect, it } from 'vitest';
import { parseCoordinatePair, parseCoordinates } from './parse-coordinates';

const near = (value: readonly number[] | undefined, lon: number, lat: number): void => {
  expect(value).toBeDefined();
  expect(value![0]).toBeCloseTo(lon, 9);
  expect(value![1]).toBeCloseTo(lat, 9);
};
const pairOf = (text: string) => {
  const read = parseCoordinatePair(text);
  return read?.ok ? read.value : undefined;
};

describe('a coordinate pair pasted into the locate box', () => {
  it('is read as "lon, lat" with a comma, a Chinese comma, a semicolon or spaces between', () => {
    for (const text of [
      '120.123456, 32.654321',
      '120.123456,32.654321',
      '120.123456，32.654321',
      '120.123456；32.654321',
      '120.123456 32.654321',
      '  120.123456\t32.654321  ',
      '120.123456、32.654321',
    ]) {
      near(pairOf(text), 120.123456, 32.654321);
    }
  });

  it('reads full-width digits, points and spaces from a Chinese input method', () => {
    near(pairOf('１２０．１２３４５６，３２．６５４３２１'), 120.123456, 32.654321);
    near(pairOf('１２０．５　３２．２５'), 120.5, 32.25);
  });

  it('reads degrees, minutes and seconds with ASCII marks, primes or Chinese units', () => {
    const lon = 120 + 7 / 60 + 24.5 / 3600;
    const lat = 32 + 39 / 60 + 15.6 / 3600;
    near(pairOf(`120°7'24.5", 32°39'15.6"`), lon, lat);
    near(pairOf('120°7′24.5″ 32°39′15.6″'), lon, lat);
    near(pairOf('120度7分24.5秒，32度39分15.6秒'), lon, lat);
    near(pairOf('东经120度7分24.5秒 北纬32度39分15.6秒'), lon, lat);
    near(pairOf('１２０°７′２４．５″，３２°３９′１５．６″'), lon, lat);
    near(pairOf("120° 30.5', 32° 15'"), 120 + 30.5 / 60, 32.25);
  });

  it('lets hemisphere letters say which is which, in either order', () => {
    near(pairOf('32.5N 120.25E'), 120.25, 32.5);
    near(pairOf('N32°30′ E120°15′'), 120.25, 32.5);
    near(pairOf('北纬32.5 东经120.25'), 120.25, 32.5);
    near(pairOf('120.25W, 32.5S'), -120.25, -32.5);
    near(pairOf('32.5, 120.25E'), 120.25, 32.5);
  });

  it('reads a "lat, lon" pair as map sites copy it when the second number cannot be a latitude', () => {
    near(pairOf('32.654321, 120.123456'), 120.123456, 32.654321);
    // Both could be either: the documented order, lon first, holds.
    near(pairOf('45.5, 60.25'), 45.5, 60.25);
  });

  it('is not a pair when there is one number, three, or words', () => {
    for (const text of ['120.5', '120.5, 32.1, 7', '北纬32度', 'abc, def', '120.132.2', '', '32N 33S']) {
      expect(parseCoordinatePair(text), text).toBeNull();
    }
  });

  it('names the coordinate out of range', () => {
    expect(parseCoordinatePair('190, 32')).toEqual({ ok: false, field: 'lon' });
    expect(parseCoordinatePair('E120, N95')).toEqual({ ok: false, field: 'lat' });
  });

  it('refuses minutes or seconds of 60 or more', () => {
    expect(parseCoordinatePair(`120°60', 32°0'`)).toBeNull();
    expect(parseCoordinatePair(`120°0'75", 32°0'0"`)).toBeNull();
  });
});

describe('the locate box’s two fields', () => {
  it('reads each field as decimal degrees or DMS', () => {
    const read = parseCoordinates('120°7\'24.5"E', '３２．５');
    expect(read.ok).toBe(true);
    if (read.ok) near(read.value, 120 + 7 / 60 + 24.5 / 3600, 32.5);
  });

  it('reads a pair pasted into either field while the other is empty', () => {
    const inLon = parseCoordinates('120.5，32.25', '');
    const inLat = parseCoordinates('', '120.5 32.25');
    expect(inLon).toEqual({ ok: true, value: [120.5, 32.25] });
    expect(inLat).toEqual({ ok: true, value: [120.5, 32.25] });
  });

  it('names the field that cannot be read', () => {
    expect(parseCoordinates('', '32.5')).toEqual({ ok: false, field: 'lon' });
    expect(parseCoordinates('120.5', '北纬32度多')).toEqual({ ok: false, field: 'lat' });
    expect(parseCoordinates('200', '32.5')).toEqual({ ok: false, field: 'lon' });
    expect(parseCoordinates('120.5', '-91')).toEqual({ ok: false, field: 'lat' });
  });

  it('refuses a hemisphere that contradicts its field', () => {
    expect(parseCoordinates('32.5N', '120.5')).toEqual({ ok: false, field: 'lon' });
    expect(parseCoordinates('120.5', '120.5E')).toEqual({ ok: false, field: 'lat' });
  });
});
