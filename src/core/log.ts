/** Console output for site owners, under one prefix. */
const PREFIX = '[razylyk]';

export function warn(message: string, ...details: unknown[]): void {
  console.warn(PREFIX, message, ...details);
}

export function error(message: string, ...details: unknown[]): void {
  console.error(PREFIX, message, ...details);
}

let debugEnabled = false;
export function setDebug(enabled: boolean): void {
  debugEnabled = enabled;
}
export function debug(message: string, ...details: unknown[]): void {
  if (debugEnabled) console.debug(PREFIX, message, ...details);
}

/** Throws a `[razylyk]` error when there is no browser (a server render, a worker). */
export function needBrowser(api: string): void {
  if (typeof window === 'undefined' || typeof document === 'undefined')
    throw new Error(
      `[razylyk] ${api}() needs a browser and was called on the server (or in a worker): call it in ` +
        `client-side code (an effect, onMounted, onMount or an event handler), or use useConsent() from ` +
        `'razylyk/react', which renders "undecided" on the server.`,
    );
}
