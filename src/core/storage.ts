import { warn } from './log.js';

/**
 * localStorage that never throws into the host page. When storage is missing or refuses
 * (SecurityError in sandboxed frames, disabled cookies, QuotaExceededError), the value lives in
 * memory for the page's lifetime so the visitor's choice still takes effect.
 */
export interface SafeStorage {
  read(): string | null;
  write(value: string): void;
  remove(): void;
}

export function createSafeStorage(key: string): SafeStorage {
  let memory: string | null = null;
  let inMemory = false;

  // Once storage has failed, every later operation stays in memory: one warning per instance.
  function attempt<T>(use: (storage: Storage) => T, fallback: () => T): T {
    if (!inMemory) {
      try {
        const storage = window.localStorage;
        if (!storage) throw new Error('missing');
        return use(storage);
      } catch (err) {
        inMemory = true;
        warn('localStorage is unavailable; consent lives in memory for this page.', err);
      }
    }
    return fallback();
  }

  return {
    read: () =>
      attempt(
        (storage) => storage.getItem(key),
        () => memory,
      ),
    write(value) {
      memory = value;
      attempt(
        (storage) => storage.setItem(key, value),
        () => undefined,
      );
    },
    remove() {
      memory = null;
      attempt(
        (storage) => storage.removeItem(key),
        () => undefined,
      );
    },
  };
}
