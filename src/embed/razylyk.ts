/**
 * The script tag: `<script src=".../razylyk.js" defer data-lang="tk"></script>` is all a site owner adds.
 * A classic script with the core only; the UI (dist/cdn/ui.js) is imported from beside this file, and
 * only when the visitor has to decide or opens the preferences.
 */
import { getRazylyk, peekRazylyk, type Razylyk } from '../core/instance.js';
import { error } from '../core/log.js';
import { readConfig } from './config.js';
import { connectUi, type UiModule } from './connect.js';

// Read synchronously: currentScript is null once this script has finished (and in callbacks), and it
// is the only reliable way to find our own URL with async, defer, a CDN path or another origin.
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

try {
  start();
} catch (err) {
  error('razylyk could not start; consent-gated scripts stay blocked.', err);
}

function start(): void {
  // A second copy on the page (the tag twice, or with the npm build) reuses the first one's instance.
  const instance = peekRazylyk() ?? getRazylyk(readConfig(script, window.razylykConfig));
  expose(instance);
  const uiUrl = new URL('cdn/ui.js', script?.src || document.baseURI).href;
  if (!script?.src) error('razylyk could not find its own <script src>; loading the UI from', uiUrl);
  // A retry gets its own URL: some browsers remember a failed module fetch for the page's lifetime.
  connectUi(
    instance,
    (retry) => import(/* @vite-ignore */ retry ? `${uiUrl}?retry=1` : uiUrl) as Promise<UiModule>,
  );
}

function expose(instance: Razylyk): void {
  Object.defineProperty(window, 'razylyk', {
    value: instance,
    configurable: true,
    writable: true,
    enumerable: true,
  });
}
