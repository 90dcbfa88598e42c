/**
 * Storage keys of a test's own. Test files running at the same time, or one after another in a reused page,
 * can share an origin's localStorage: each keeps its records under keys no other test uses and removes only
 * those (a `localStorage.clear()` would wipe another file's state in the middle of its test).
 */
let counter = 0;

/** A key under `namespace` that no other test (or earlier run in this browser context) has used. */
export const freshKey = (namespace: string) => `${namespace}:${Date.now().toString(36)}-${++counter}`;

export function clearKeys(...keys: string[]): void {
  for (const key of keys) localStorage.removeItem(key);
}

export function clearKeysStartingWith(prefix: string): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
}

/**
 * Sets cookies (`name=value; path=/`) as a page's own scripts would, well before a decision: resolves once
 * the page reads them all back. WebKitGTK's cookie cache can lag writes made back to back (seen in CI:
 * a deletion right after read only the first of three cookies just set).
 */
export async function setCookies(cookies: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(cookies)) document.cookie = `${name}=${value}; path=/`;
  const shown = () =>
    Object.entries(cookies).every(([name, value]) => document.cookie.includes(`${name}=${value}`));
  for (let tries = 0; !shown() && tries < 50; tries++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 0));
}
