import { describe, expect, it } from 'vitest';
import { WktError, readWkt } from './wkt';

const geometry = (text: string) => readWkt(text).geometry;

function failsAt(text: string): { at: number; reason: string } {
  try {
    readWkt(text);
  } catch (error) {
    if (error instanceof WktError) return { at: error.at, reason: error.reason };
    throw error;
  }
  throw new Error(`${text} was read`);
}

describe('reading WKT', () => {
  it('reads every simple type, any case, with or without a space before the parenthesis', () => {
    expect(geometry('POINT (120 31.5)')).toEqual({ type: 'Point', coordinates: [120, 31.5] });
    expect(geometry('point(120 31.5)')).toEqual({ type: 'Point', coordinates: [120, 31.5] });
    expect(geometry('LINESTRING (1 2, 3 4)')).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(geometry('POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    });
    expect(geometry('MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))')).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    });
    expect(geometry('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))')).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    });
    expect(geometry('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))')).toEqual({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
  });

  it('reads MULTIPOINT with and without parentheses around each point', () => {
    const both = {
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(geometry('MULTIPOINT ((1 2), (3 4))')).toEqual(both);
    expect(geometry('MULTIPOINT (1 2, 3 4)')).toEqual(both);
  });

  it('keeps a height and drops a measure, however the dimensions are written', () => {
    expect(geometry('POINT Z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(geometry('POINTZ (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(geometry('POINT (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(geometry('POINT M (1 2 9)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(geometry('LineStringM (1 2 9, 3 4 9)')).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(geometry('POINT ZM (1 2 3 9)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(geometry('POINT (1 2 3 9)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(geometry('MultiPolygonZ (((0 0 5, 1 0 5, 1 1 5, 0 0 5)))')).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0, 5],
            [1, 0, 5],
            [1, 1, 5],
            [0, 0, 5],
          ],
        ],
      ],
    });
  });

  it('reads EMPTY as no geometry, and leaves empty members out', () => {
    for (const empty of [
      'POINT EMPTY',
      'POINT Z EMPTY',
      'LINESTRING EMPTY',
      'POLYGON EMPTY',
      'MULTIPOLYGON EMPTY',
    ]) {
      expect(geometry(empty), empty).toBeNull();
    }
    expect(geometry('GEOMETRYCOLLECTION (POINT EMPTY, POINT (1 2))')).toEqual({
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1, 2] }],
    });
    expect(geometry('MULTIPOLYGON (EMPTY, ((0 0, 1 0, 1 1, 0 0)))')).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      ],
    });
  });

  it('reads numbers as written: signs, exponents, no leading digit', () => {
    expect(geometry('POINT (-1.5e3 +.25)')).toEqual({ type: 'Point', coordinates: [-1500, 0.25] });
  });

  it('reads the EWKT SRID prefix', () => {
    expect(readWkt('SRID=4490;POINT(120 31.5)')).toEqual({
      geometry: { type: 'Point', coordinates: [120, 31.5] },
      srid: 4490,
    });
  });

  it('names the character where the text stops being WKT, and why', () => {
    expect(failsAt('POLYGON ((0 0, 1 0, 1 1')).toEqual({ at: 24, reason: 'unexpected' });
    expect(failsAt('CIRCULARSTRING (0 0, 1 1, 2 0)')).toEqual({ at: 1, reason: 'unknownType' });
    expect(failsAt('LINESTRING (0 0, 1 1 1)')).toEqual({ at: 18, reason: 'dimensions' });
    expect(failsAt('POINT Z (1 2)')).toEqual({ at: 10, reason: 'dimensions' });
    expect(failsAt('POINT (1)')).toEqual({ at: 8, reason: 'dimensions' });
    expect(failsAt('POINT (1 2) POINT (3 4)')).toEqual({ at: 13, reason: 'trailing' });
    expect(failsAt('POINT (1 2；')).toEqual({ at: 11, reason: 'unexpected' });
    expect(failsAt('SRID=4490;POINT (x 2)')).toEqual({ at: 18, reason: 'dimensions' });
    expect(failsAt('')).toEqual({ at: 1, reason: 'unexpected' });
  });
});
