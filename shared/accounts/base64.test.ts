import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

const text = (s: string) => new TextEncoder().encode(s);

describe('strict base64', () => {
  it('encodes the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(bytesToBase64(text(plain))).toBe(encoded);
      expect(base64ToBytes(encoded)).toEqual(text(plain));
    }
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
  });

  it('refuses text that is not canonical base64', () => {
    for (const bad of ['Zg', 'Zg=', 'Zm9v\n', ' Zm9v', 'Zm-v', 'Zh==', 'Zm9=', '====', 'Zm9vYmFy=']) {
      expect(base64ToBytes(bad), bad).toBeNull();
    }
  });
});
