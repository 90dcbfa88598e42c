import { peekRazylyk, type Razylyk } from '../core/instance.js';
import { error } from '../core/log.js';
import { pageContract, type MountOptions, type UiModule } from '../core/page-contract.js';
import type { RazylykConfig } from '../core/types.js';
import { showFallback } from './fallback.js';
import { loadCauses } from './load-error.js';
import { listenForOpeners, markReported } from '../core/openers.js';

// What the script tag and `startRazylyk()` share: how the page's one instance gets its UI. The first
// of them to run on a page claims the instance; a second copy (the tag twice, or the tag and the npm
// build) finds the claim and adds nothing, so there is one loader, one banner, one click listener.

/**
 * Imports the UI module. Tried once per request: browsers remember a failed module address, so the
 * fallback notice, not a retry, covers a failed load (a later request asks again; where the browser
 * still remembers the failure, the notice shows again).
 */
export type ImportUi = () => Promise<UiModule>;

const ignore = () => {};

/** What the UI needs from the configuration. */
function mountOptions(config: Readonly<RazylykConfig>): MountOptions {
  const options: MountOptions = {};
  if (config.language) options.language = config.language;
  if (config.layout) options.layout = config.layout;
  if (config.theme) options.theme = config.theme;
  if (config.settingsButton !== undefined) options.settingsButton = config.settingsButton;
  return options;
}

/**
 * Registers the UI loader on `instance` and loads the UI now if the visitor must decide. Returns false
 * when another copy already did. `uiUrl`: where the UI comes from, when known (the script tag's
 * cdn/ui.js), so that a failure from another origin names CORS.
 */
export function connectUi(
  instance: Razylyk,
  importUi: ImportUi,
  overrides: MountOptions = {},
  uiUrl?: string,
): boolean {
  const contract = pageContract();
  if (contract.uiClaimed === instance) return false;
  contract.uiClaimed = instance;

  const options = { ...mountOptions(instance.config), ...overrides };
  let loading: Promise<void> | undefined;
  let wantsFallback = false;

  // `requested`: the visitor asked for the preferences, so the fallback shows even after a decision.
  const load = (requested: boolean): Promise<void> => {
    wantsFallback ||= requested;
    loading ??= importUi()
      .then((ui) => ui.mountUi(instance, options))
      .catch((err: unknown): never => {
        loading = undefined;
        const askedByVisitor = wantsFallback;
        wantsFallback = false;
        const fallback = askedByVisitor || instance.needsDecision();
        error(
          `The razylyk UI could not be loaded (${loadCauses(uiUrl)})${fallback ? '; showing a minimal notice' : ''}.`,
          err,
        );
        if (fallback) showFallback(instance, askedByVisitor);
        markReported(err);
        throw err;
      });
    return loading;
  };

  contract.wiring?.setUiLoader(() => load(true));
  // The page's instance at click time (after a reset, the next one), else this one.
  listenForOpeners(() => peekRazylyk() ?? instance);
  // A returning visitor with a valid decision loads nothing more, unless the owner wants the settings button.
  if (instance.needsDecision() || options.settingsButton) load(false).catch(ignore);
  // Gating holds back an embed that shows a placeholder: the UI brings it (src/ui/mount.ts).
  instance.onBlocked(() => load(false).catch(ignore));
  // A withdrawal (through the API, or in another tab) asks again.
  instance.onChange(() => {
    if (instance.needsDecision()) load(false).catch(ignore);
  });
  return true;
}
