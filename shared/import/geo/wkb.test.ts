import { describe, expect, it } from 'vitest';
import { WkbError, readWkb } from './wkb';

/** WKB as the OGC specification lays it out: byte order, type code, then counts and doubles. */
function wkb(
  littleEndian: boolean,
  type: number,
  ...parts: (number | { count: number } | Uint8Array)[]
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const head = new Uint8Array(5);
  head[0] = littleEndian ? 1 : 0;
  new DataView(head.buffer).setUint32(1, type, littleEndian);
  chunks.push(head);
  for (const part of parts) {
    if (part instanceof Uint8Array) chunks.push(part);
    else if (typeof part === 'number') {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, part, littleEndian);
      chunks.push(b);
    } else {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setUint32(0, part.count, littleEndian);
      chunks.push(b);
    }
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function failure(bytes: Uint8Array): string {
  try {
    readWkb(bytes);
  } catch (error) {
    if (error instanceof WkbError) return `${error.reason}@${error.offset}`;
    throw error;
  }
  throw new Error('read');
}

describe('reading WKB', () => {
  it('reads both byte orders alike', () => {
    for (const le of [true, false]) {
      expect(readWkb(wkb(le, 1, 120, 31.5))).toEqual({ type: 'Point', coordinates: [120, 31.5] });
      expect(readWkb(wkb(le, 2, { count: 2 }, 1, 2, 3, 4))).toEqual({
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      });
    }
  });

  it('reads ISO and EWKB dimensions: heights kept, measures dropped', () => {
    expect(readWkb(wkb(true, 1001, 1, 2, 3))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(readWkb(wkb(true, 2001, 1, 2, 9))).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(readWkb(wkb(false, 3001, 1, 2, 3, 9))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(readWkb(wkb(true, 0x80000001, 1, 2, 3))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(readWkb(wkb(true, 0xc0000001, 1, 2, 3, 9))).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    // EWKB with an SRID after the type code (0x20000000), here 4490.
    const srid = new Uint8Array(4);
    new DataView(srid.buffer).setUint32(0, 4490, true);
    expect(readWkb(wkb(true, 0x20000001, srid, 120, 31.5))).toEqual({
      type: 'Point',
      coordinates: [120, 31.5],
    });
  });

  it('reads a multi-geometry whose parts have their own byte order', () => {
    const bytes = wkb(true, 4, { count: 2 }, wkb(false, 1, 1, 2), wkb(true, 1, 3, 4));
    expect(readWkb(bytes)).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('reads empty geometries as none', () => {
    expect(readWkb(wkb(true, 1, Number.NaN, Number.NaN))).toBeNull();
    expect(readWkb(wkb(true, 3, { count: 0 }))).toBeNull();
    expect(readWkb(wkb(true, 7, { count: 0 }))).toBeNull();
  });

  it('refuses what is not WKB, naming the byte', () => {
    expect(failure(wkb(true, 1, 120).subarray(0, 15))).toBe('truncated@13');
    expect(failure(new Uint8Array([2, 1, 0, 0, 0]))).toBe('badByteOrder@0');
    expect(failure(wkb(true, 17))).toBe('unknownType@1');
    expect(failure(wkb(true, 2, { count: 1_000_000 }, 1, 2))).toBe('badCount@5');
    // A MultiPolygon holding a point.
    expect(failure(wkb(true, 6, { count: 1 }, wkb(true, 1, 1, 2)))).toBe('unknownType@9');
  });
});
