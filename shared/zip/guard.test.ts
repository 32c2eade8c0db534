import { inflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openGuardedZip, type ZipPolicy } from './guard';
import { deflatedEntry, deflatedZeros, writeForgedZip } from './test-zip';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Archives of `data.json` and `files/<n>`; anything else is refused, `notes/*` skipped. */
const policy: ZipPolicy = {
  maxArchiveBytes: 64 * MiB,
  maxEntries: 100,
  maxTotalBytes: 32 * MiB,
  rule: (name) =>
    name === 'data.json'
      ? { kind: 'read', maxBytes: 16 * MiB }
      : /^files\/\d+$/.test(name)
        ? { kind: 'read', maxBytes: 8 * MiB }
        : name.startsWith('notes/')
          ? { kind: 'skip' }
          : { kind: 'refuse' },
};

function open(bytes: Uint8Array, p: ZipPolicy = policy) {
  return openGuardedZip(bytes, 'upload.zip', p);
}

describe('the zeros bomb generator', () => {
  it('writes a DEFLATE stream fflate inflates to exactly that many zeros', () => {
    for (const size of [259, 1000, 258 * 9 + 1, 3 * MiB + 17]) {
      const out = inflateSync(deflatedZeros(size));
      expect(out.length).toBe(size);
      expect(out.every((b) => b === 0)).toBe(true);
    }
  });
});

describe('openGuardedZip', () => {
  it('reads the allowed entries of an honest archive and skips the others', () => {
    const bytes = zipSync({
      'data.json': strToU8('{"a":1}'),
      'files/1': new Uint8Array(5000).fill(7),
      'notes/readme.txt': strToU8('not needed'),
    });
    const opened = open(bytes);
    if (!opened.ok) throw new Error(opened.refusal.key);
    expect(opened.zip.entries.map((e) => e.name)).toEqual(['data.json', 'files/1']);
    const read = opened.zip.read('data.json');
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe('{"a":1}');
    const file = opened.zip.read('files/1');
    expect(file.ok && file.bytes.length).toBe(5000);
    expect(opened.zip.read('notes/readme.txt')).toMatchObject({
      ok: false,
      refusal: { key: 'zip.entryNotAllowed', params: { file: 'upload.zip', entry: 'notes/readme.txt' } },
    });
  });

  it('refuses a 7 MB archive holding a 1 GiB entry from its directory, before inflating anything', () => {
    const bomb = writeForgedZip([
      { name: 'data.json', data: deflatedZeros(GiB), method: 8, declaredSize: GiB },
    ]);
    expect(bomb.length).toBeLessThan(8 * MiB);
    expect(open(bomb)).toEqual({
      ok: false,
      refusal: {
        key: 'zip.entryTooBig',
        params: { file: 'upload.zip', entry: 'data.json', size: 1024, limit: 16 },
      },
    });
  });

  it('stops inflating an entry whose header says 1 KiB but which holds 1 GiB, after one slice', () => {
    const liar = writeForgedZip([
      { name: 'files/1', data: deflatedZeros(GiB), method: 8, declaredSize: 1024 },
    ]);
    const opened = open(liar);
    if (!opened.ok) throw new Error(opened.refusal.key);
    const seen: number[] = [];
    const read = opened.zip.read('files/1', (n) => seen.push(n));
    expect(read).toMatchObject({
      ok: false,
      refusal: { key: 'zip.sizeMismatch', params: { file: 'upload.zip', entry: 'files/1', declared: 1024 } },
    });
    // One 16 KiB slice of compressed input inflates to at most ~17 MiB: memory stayed bounded.
    expect(read.ok ? 0 : read.inflated).toBeLessThan(32 * MiB);
    expect(Math.max(0, ...seen)).toBeLessThanOrEqual(1024);
  });

  it('refuses an entry that inflates to less than it declares', () => {
    const short = writeForgedZip([deflatedEntry('files/2', new Uint8Array(100), 5000)]);
    const opened = open(short);
    if (!opened.ok) throw new Error(opened.refusal.key);
    expect(opened.zip.read('files/2')).toMatchObject({ ok: false, refusal: { key: 'zip.sizeMismatch' } });
  });

  it('refuses an entry outside the whitelist, naming it, even when it is small', () => {
    const bytes = zipSync({ 'data.json': strToU8('{}'), '../../evil.sh': strToU8('rm -rf /') });
    expect(open(bytes)).toEqual({
      ok: false,
      refusal: { key: 'zip.entryNotAllowed', params: { file: 'upload.zip', entry: '../../evil.sh' } },
    });
  });

  it('refuses when the declared sizes together pass the total, naming the entry that passed it', () => {
    const entries = [1, 2, 3, 4, 5].map((n) => ({
      name: `files/${n}`,
      data: deflatedZeros(7 * MiB),
      method: 8 as const,
      declaredSize: 7 * MiB,
    }));
    expect(open(writeForgedZip(entries))).toEqual({
      ok: false,
      refusal: { key: 'zip.totalTooBig', params: { file: 'upload.zip', entry: 'files/5', limit: 32 } },
    });
  });

  it('counts the real output of every read against the total', () => {
    // As when several names share one compressed stream (Fifield's overlapping "better zip bomb"):
    // each read is honest and within its cap, but together they pass the total on the fifth.
    const zeros = deflatedZeros(7 * MiB);
    const tight: ZipPolicy = { ...policy, maxTotalBytes: 30 * MiB };
    const one = writeForgedZip([{ name: 'files/1', data: zeros, method: 8, declaredSize: 7 * MiB }]);
    const opened = open(one, tight);
    if (!opened.ok) throw new Error(opened.refusal.key);
    const results = [1, 2, 3, 4, 5].map(() => opened.zip.read('files/1'));
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true);
    expect(results[4]).toMatchObject({ ok: false, refusal: { key: 'zip.totalTooBig' } });
  });

  it('checks the archive size before looking inside, and the entry count from the end record', () => {
    const small: ZipPolicy = { ...policy, maxArchiveBytes: 1000 };
    expect(open(new Uint8Array(2000), small)).toEqual({
      ok: false,
      refusal: { key: 'zip.archiveTooBig', params: { file: 'upload.zip', size: 0, limit: 0 } },
    });
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 101 }, (_, k) => [`files/${k}`, strToU8('x')])),
    );
    expect(open(many)).toMatchObject({
      ok: false,
      refusal: { key: 'zip.tooManyEntries', params: { count: 101, limit: 100 } },
    });
  });

  it('refuses bytes that are not a ZIP, a truncated stream and a name given twice', () => {
    expect(open(strToU8('a,b\n1,2'))).toMatchObject({ ok: false, refusal: { key: 'zip.notZip' } });
    const zeros = deflatedZeros(4000);
    const cut = writeForgedZip([
      { name: 'files/1', data: zeros.subarray(0, 2), method: 8, declaredSize: 4000 },
    ]);
    const opened = open(cut);
    expect(opened.ok && opened.zip.read('files/1')).toMatchObject({
      ok: false,
      refusal: { key: 'zip.corrupt', params: { entry: 'files/1' } },
    });
    const twice = writeForgedZip([
      deflatedEntry('data.json', strToU8('{}')),
      deflatedEntry('data.json', strToU8('[]')),
    ]);
    expect(open(twice)).toMatchObject({ ok: false, refusal: { key: 'zip.duplicateEntry' } });
  });
});
