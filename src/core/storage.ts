import { warnOnce } from './log.js';

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

  const storage = (): Storage | undefined => {
    try {
      return window.localStorage ?? undefined;
    } catch (err) {
      fallBack('is not accessible', err);
      return undefined;
    }
  };

  function fallBack(why: string, err?: unknown): void {
    inMemory = true;
    warnOnce(`localStorage ${why}; consent is kept in memory for this page only.`, err ?? '');
  }

  return {
    read() {
      if (inMemory) return memory;
      try {
        const value = storage()?.getItem(key);
        if (value === undefined) {
          fallBack('is not available');
          return memory;
        }
        return typeof value === 'string' ? value : null;
      } catch (err) {
        fallBack('cannot be read', err);
        return memory;
      }
    },
    write(value) {
      memory = value;
      if (inMemory) return;
      try {
        const s = storage();
        if (!s) return fallBack('is not available');
        s.setItem(key, value);
      } catch (err) {
        fallBack('cannot be written', err);
      }
    },
    remove() {
      memory = null;
      if (inMemory) return;
      try {
        storage()?.removeItem(key);
      } catch (err) {
        fallBack('cannot be written', err);
      }
    },
  };
}
