export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

/** The part of the Storage API this needs; `navigator.storage` in a browser or Electron. */
export type PersistableStorage = Pick<StorageManager, 'persist' | 'persisted'>;

function defaultStorage(): Partial<PersistableStorage> | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return (navigator as Partial<Navigator>).storage;
}

/**
 * Asks the browser to keep this origin's IndexedDB when disk runs low (persistent storage), so the
 * case history is not evicted. 'unsupported' where the Storage API is missing (older engines, Node);
 * 'denied' when the browser says no or the request fails.
 */
export async function requestPersistentStorage(
  storage: Partial<PersistableStorage> | undefined = defaultStorage(),
): Promise<PersistenceResult> {
  if (storage === undefined || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
