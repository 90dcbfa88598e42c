import { documentProperty, setCookie } from './dom.js';
import { matchesPattern } from './purposes.js';
import type { PurposeDefinition } from './types.js';

/**
 * Deletes the cookies and localStorage keys that belong to purposes the visitor no longer grants.
 * A cookie can only be deleted with the path and domain it was set with, which the page cannot read,
 * so each is expired on `/` and on every parent domain of the current host.
 */
export function deletePurposeData(purposes: PurposeDefinition[]): void {
  const cookiePatterns = purposes.flatMap((p) => p.cookies);
  const keyPatterns = purposes.flatMap((p) => p.storageKeys);
  if (cookiePatterns.length) deleteCookies(cookiePatterns);
  if (keyPatterns.length) deleteStorageKeys(keyPatterns);
}

function deleteCookies(patterns: (string | RegExp)[]): void {
  let cookieString = '';
  try {
    cookieString = documentProperty('cookie');
  } catch {
    return; // Sandboxed documents throw on cookie access: there is nothing we could delete.
  }
  const names = cookieString
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
  const hostParts = location.hostname.split('.');
  const domains = [''];
  for (let i = 0; i < hostParts.length - 1; i++) domains.push(`; domain=.${hostParts.slice(i).join('.')}`);
  for (const name of names) {
    if (!patterns.some((pattern) => matchesPattern(name, pattern))) continue;
    for (const domain of domains) {
      setCookie(`${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/${domain}`);
    }
  }
}

function deleteStorageKeys(patterns: (string | RegExp)[]): void {
  try {
    const storage = window.localStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && patterns.some((pattern) => matchesPattern(key, pattern))) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage unavailable: the keys cannot exist either.
  }
}
