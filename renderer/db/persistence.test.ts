import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from './persistence';

afterEach(() => {
  vi.unstubAllGlobals();
});

function browserStorage(grant: boolean, already = false) {
  return { persisted: () => Promise.resolve(already), persist: () => Promise.resolve(grant) };
}

describe('requestPersistentStorage', () => {
  it('says unsupported where there is no Storage API, as in plain Node', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({})).toBe('unsupported');
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe('unsupported');
    vi.stubGlobal('navigator', undefined);
    expect(await requestPersistentStorage()).toBe('unsupported');
  });

  it('uses navigator.storage by default', async () => {
    vi.stubGlobal('navigator', { storage: browserStorage(true) });
    expect(await requestPersistentStorage()).toBe('granted');
  });

  it('reports what the browser decides', async () => {
    expect(await requestPersistentStorage(browserStorage(true))).toBe('granted');
    expect(await requestPersistentStorage(browserStorage(false))).toBe('denied');
    expect(await requestPersistentStorage(browserStorage(false, true))).toBe('granted');
    expect(
      await requestPersistentStorage({ persist: () => Promise.reject(new Error('insecure context')) }),
    ).toBe('denied');
  });
});
