// Finds the system browsers the tests and scripts drive. Browser downloads are not possible on our
// machines, so we never fall back to puppeteer's or playwright's own builds.
import { existsSync } from 'node:fs';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

function firstExisting(envValue, candidates) {
  if (envValue) return existsSync(envValue) ? envValue : undefined;
  return candidates.find((path) => existsSync(path));
}

/** The Chromium binary: $CHROME_PATH, else the usual Debian/Ubuntu/Google paths. Exits with one clear line when none. */
export function chromiumPath() {
  const found = firstExisting(process.env.CHROME_PATH, CHROMIUM_CANDIDATES);
  if (!found) {
    console.error('razylyk: no Chromium found (set CHROME_PATH or run: sudo apt-get install -y chromium)');
    process.exit(1);
  }
  return found;
}

/** The Firefox binary ($FIREFOX_PATH, else firefox-esr/firefox), or undefined when there is none. */
export function firefoxPath() {
  return firstExisting(process.env.FIREFOX_PATH, FIREFOX_CANDIDATES);
}

/**
 * Flags for headless Chromium on machines with no network beyond loopback: without the
 * background-networking flags Chromium keeps trying to reach Google's hosts.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
