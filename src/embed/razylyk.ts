/**
 * The script tag: `<script src=".../razylyk.js" defer data-lang="tk"></script>` is all a site owner adds.
 * A classic script with the core only; the UI (dist/cdn/ui.js) is imported from beside this file, and
 * only when the visitor has to decide or opens the preferences.
 */
import { getRazylyk, peekRazylyk, type Razylyk } from '../core/instance.js';
import { error } from '../core/log.js';
import { readConfig } from './config.js';
import { connectUi, type UiModule } from './connect.js';
import { preloadStrings } from './preload.js';
import { cdnUrl, importCdn, script } from './script-url.js';

try {
  start();
} catch (err) {
  error('razylyk could not start; consent-gated scripts stay blocked.', err);
}

function start(): void {
  // A second copy on the page (the tag twice, or with the npm build) reuses the first one's instance.
  const instance = peekRazylyk() ?? getRazylyk(readConfig(script, window.razylykConfig));
  expose(instance);
  if (!script?.src)
    error('razylyk could not find its own <script src>; loading the UI from', cdnUrl('ui.js'));
  connectUi(instance, (retry) => {
    if (!retry) preloadStrings(instance.config);
    return importCdn<UiModule>('ui.js', retry);
  });
}

function expose(instance: Razylyk): void {
  Object.defineProperty(window, 'razylyk', {
    value: instance,
    configurable: true,
    writable: true,
    enumerable: true,
  });
}
