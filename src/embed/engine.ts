/**
 * dist/cdn/engine.js, the script tag's second stage: the full consent engine, the configuration with
 * its checks, the UI connection and the fallback notice. The first stage (razylyk.js) imports it at
 * once when the visitor must decide, and on a returning visit only when the page needs more than the
 * stored decision: a change, the preferences, another tab's decision, the iframe bridge.
 */
import { getRazylyk, peekRazylyk, type Razylyk } from '../core/instance.js';
import { error } from '../core/log.js';
import { publish } from '../core/queue.js';
import { readConfig } from '../core/config.js';
import type { UiModule } from '../core/page-contract.js';
import { connectUi } from './ui-loader.js';
import { preloadDialogs, preloadStrings } from './preload.js';
import { cdnUrl, importCdn, useScript } from './script-url.js';

/**
 * Starts (or joins) the page's instance for the tag `script`; returns it. `uiImport`: the first
 * stage's import of ui.js, already on its way.
 */
export function startEngine(script: HTMLScriptElement | null, uiImport?: Promise<UiModule>): Razylyk {
  useScript(script);
  // A second copy on the page (the tag twice, or with the npm build) reuses the first one's instance.
  const config = readConfig(script, window.razylykConfig);
  // ui.js is on its way: its strings come alongside, not once it has run.
  if (uiImport) preloadStrings(config.language);
  const instance = peekRazylyk() ?? getRazylyk(config);
  // With a decision on record, the first stage asks for ui.js only to open the preferences.
  if (uiImport && !instance.needsDecision()) preloadDialogs();
  publish(instance);
  if (!script?.src)
    error('razylyk could not find its own <script src>; loading the UI from', cdnUrl('ui.js'));
  // The first request takes over the first stage's import (one fetch, failed or not); a later one
  // (the visitor asks again) tries anew.
  let firstImport = uiImport;
  const importUi = () => {
    const ui = firstImport ?? importCdn<UiModule>('ui.js');
    firstImport = undefined;
    return ui;
  };
  connectUi(instance, importUi, {}, cdnUrl('ui.js'));
  return instance;
}
