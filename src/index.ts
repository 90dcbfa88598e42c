/**
 * razylyk: the consent engine, with the UI loaded lazily when the banner or the preferences must show.
 *
 *   import { startRazylyk } from 'razylyk';
 *   const razylyk = startRazylyk({ language: 'tk' });
 *
 * The UI is a dynamic import(), so bundlers put Lit, i18next and the elements in a chunk of their own
 * that a returning visitor never downloads. `import 'razylyk/elements'` defines the elements eagerly.
 */
import { needBrowser } from './core/log.js';
import { getRazylyk, type PageRazylyk } from './core/instance.js';
import { publish } from './core/queue.js';
import type { RazylykConfig } from './core/types.js';
import type { LightRazylyk } from './embed/light-instance.js';
import { connectUi } from './embed/ui-loader.js';
import type { MountOptions } from './core/page-contract.js';

export * from './core/index.js';
export type { MountOptions } from './core/page-contract.js';
export type { LightRazylyk } from './embed/light-instance.js';
export type { PageRazylyk } from './core/instance.js';
// Types only (no runtime import): brings the elements' HTMLElementTagNameMap and event map entries to
// `import 'razylyk'` users without putting Lit in their first bundle.
export type {
  RazylykBanner,
  RazylykLanguageSelect,
  RazylykPolicy,
  RazylykPolicyDialog,
  RazylykPreferences,
  RazylykSettingsButton,
} from './ui/define.js';
export type { RazylykPlaceholder } from './ui/placeholder.js';
export type * from './ui/events.js';

declare global {
  interface Window {
    /**
     * The page's razylyk instance. startRazylyk() sets the full instance; the script tag first sets the
     * light one of its first stage (answers from the stored decision; decisions return Promises) and
     * replaces it with the full instance once the engine has loaded. `await window.razylyk?.ready()`
     * gives the full one either way.
     */
    razylyk?: PageRazylyk | LightRazylyk;
  }
}

/**
 * Starts razylyk on this page (once: later calls, and the script tag on the same page, return the same
 * instance) and shows the banner if the visitor has not decided. `options` override the UI settings
 * taken from `config` (language, layout, theme, settingsButton).
 */
export function startRazylyk<P extends string = never>(
  config: RazylykConfig<P> = {},
  options: MountOptions = {},
): PageRazylyk<P> {
  needBrowser('startRazylyk');
  const instance = getRazylyk(config);
  // Its purposes are the defaults and the configured ones: P's.
  const page = instance as unknown as PageRazylyk<P>;
  publish(instance);
  connectUi(instance, () => import('./ui/mount.js'), options);
  return page;
}
