import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: '立案' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"立案","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    const one = {
      actor: { id: 'op', role: 'operator' },
      at: 1_772_409_600_000,
      action: { type: 'x', payload: {} },
    };
    const other = {
      action: { payload: {}, type: 'x' },
      at: 1_772_409_600_000,
      actor: { role: 'operator', id: 'op' },
    };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('keeps array order, since order is meaning there', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('prints numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson({ n: 0.1, e: 1e21, neg: -5, s: 'a"b\n' })).toBe(
      '{"e":1e+21,"n":0.1,"neg":-5,"s":"a\\"b\\n"}',
    );
  });

  it('leaves out undefined properties, so an absent and an undefined field hash the same', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('sorts keys by code unit, so upper case comes before lower case', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3 })).toBe('{"B":2,"a":3,"b":1}');
  });

  it('rejects values that have no JSON form', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
