import { documentRoot } from '../core/dom.js';
import { importCdn } from './script-url.js';

/**
 * Set by vite.config.ts ('engine' mode): every shipped language, those with a chunk of UI strings, and
 * the file of the preferences' and policy reader's chunk (its name has a content hash).
 */
declare const __RAZYLYK_LANGUAGES__: string[];
declare const __RAZYLYK_STRING_CHUNKS__: string[];
declare const __RAZYLYK_DIALOGS_CHUNK__: string;

/**
 * Starts fetching the visitor's UI strings (dist/cdn/chunks/ui-<lang>.js) alongside ui.js, which would
 * ask for them only once it has run: one round trip less before the banner shows. The language is the
 * one the UI will pick (src/i18n/detect.ts: configured, the page's, the browser's); the module map then
 * hands ui.js's own import of the same URL this fetch. A hint only: any failure is left to ui.js.
 */
export function preloadStrings(configured: string | undefined): void {
  try {
    for (const tag of [configured, documentRoot().lang, ...navigator.languages]) {
      const language = String(tag ?? '')
        .trim()
        .toLowerCase()
        .split(/[-_]/)[0];
      if (!__RAZYLYK_LANGUAGES__.includes(language)) continue;
      if (__RAZYLYK_STRING_CHUNKS__.includes(language))
        importCdn(`chunks/ui-${language}.js`).catch(() => undefined);
      return;
    }
  } catch {
    // No hint, no harm.
  }
}

/**
 * Starts fetching the preferences' chunk (it imports ui.js, the same module already on its way) when
 * the UI loads for the preferences, not for the banner: ui.js would ask for it only once it has run.
 */
export function preloadDialogs(): void {
  if (__RAZYLYK_DIALOGS_CHUNK__) importCdn(__RAZYLYK_DIALOGS_CHUNK__).catch(() => undefined);
}
