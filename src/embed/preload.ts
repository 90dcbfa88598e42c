import { chooseLanguage } from '../i18n/detect.js';
import { DEFAULT_LANGUAGE } from '../i18n/languages.js';
import { importCdn } from './script-url.js';

/**
 * Starts fetching the visitor's UI strings (dist/cdn/chunks/ui-<lang>.js) alongside ui.js, which would
 * ask for them only once it has run: one round trip less before the banner shows. The language is the
 * one the UI will pick (the same choice: src/i18n/detect.ts); the module map then hands ui.js's own
 * import of the same URL this fetch. A hint only: any failure is left to ui.js.
 */
export function preloadStrings(configured: string | undefined): void {
  const language = chooseLanguage(configured);
  // The source language's strings are part of ui.js.
  if (language !== DEFAULT_LANGUAGE) importCdn(`chunks/ui-${language}.js`).catch(() => undefined);
}

/**
 * Starts fetching the preferences' chunk (it imports ui.js, the same module already on its way) when
 * the UI loads for the preferences, not for the banner: ui.js would ask for it only once it has run.
 */
export function preloadDialogs(): void {
  // The name vite.config.ts gives the chunk.
  importCdn('chunks/dialog-elements.js').catch(() => undefined);
}
