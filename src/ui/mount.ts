import { createElement, documentRoot, pageBody } from '../core/dom.js';
import type { Razylyk } from '../core/instance.js';
import { pageContract, type MountOptions } from '../core/page-contract.js';
import type { Layout, Theme } from '../core/types.js';
import { detectLanguage } from '../i18n/detect.js';
import { BANNER_ELEMENTS } from './banner-elements.js';
import { defineAll } from './registry.js';
import { openPreferences, switchLanguage, uiDefaults } from './dialogs.js';
import { error } from '../core/log.js';

let unmount: (() => void) | undefined;
let placeholders: Promise<typeof import('./placeholders.js')> | undefined;

/** The placeholders' chunk, fetched once gating holds back an element that shows one; each call checks the page. */
function loadPlaceholders(): void {
  placeholders ??= import('./placeholders.js').catch((err: unknown) => {
    placeholders = undefined;
    throw err;
  });
  placeholders.then(
    ({ showPlaceholders }) => showPlaceholders(),
    (err: unknown) => error('The placeholders could not be loaded (network or CSP).', err),
  );
}

/**
 * The one entry the loaders call when the banner or the preferences must show: defines the elements,
 * loads the visitor's language, registers the UI with the core, and shows the banner when a decision
 * is missing (again after a withdrawal).
 */
/** What Lit calls on `document` to render: an element of one of these names would stop every render. */
const RENDERING = [
  'createElement',
  'createComment',
  'createTextNode',
  'createTreeWalker',
  'importNode',
] as const;

export async function mountUi(instance: Razylyk, options: MountOptions = {}): Promise<void> {
  const clobbered = RENDERING.filter((name) => typeof document[name] !== 'function');
  if (clobbered.length) {
    // The loader shows its minimal notice instead (plain DOM, through Document.prototype).
    throw new Error(
      `[razylyk] Markup on the page hides document.${clobbered.join(', document.')} (an element of that name); razylyk's UI cannot render.`,
    );
  }
  // The dialogs' elements are defined when first opened (src/ui/dialogs.ts): a chunk of their own.
  const taken = defineAll(BANNER_ELEMENTS);
  if (taken.length) {
    // The loader shows its minimal accept/reject notice when mounting fails: the visitor can still choose.
    throw new Error(
      `[razylyk] The page already defines <${taken.join('>, <')}> with its own element; razylyk's UI cannot show.`,
    );
  }
  unmount?.();
  // Lit falls back to <style> elements where adoptedStyleSheets is missing; under a nonce-based CSP they need the nonce.
  const nonce = instance.config.nonce;
  if (nonce) (window as { litNonce?: string }).litNonce ??= nonce;
  const theme = options.theme ?? instance.config.theme ?? 'auto';
  const layout = options.layout ?? instance.config.layout ?? 'bar';
  uiDefaults.theme = theme;

  const language = await switchLanguage(
    detectLanguage({ explicit: options.language ?? instance.config.language ?? instance.language }),
  );
  const wiring = pageContract().wiring;
  wiring?.attachUi({
    openPreferences: (opener) => openPreferences(opener),
    setLanguage: async (tag) => void (await switchLanguage(tag)),
  });
  wiring?.noteLanguage(language);

  const stopBanner = keepBannerShown(instance, layout, theme);
  const stopBlocked = instance.onBlocked(loadPlaceholders);

  const button = (options.settingsButton ?? instance.config.settingsButton) && settingsButton(theme);

  unmount = () => {
    stopBanner();
    stopBlocked();
    if (button) button.remove();
  };
}

/**
 * Shows the banner while a decision is pending (again after a withdrawal), and keeps it on the page: a
 * host that removes it, wipes the body (replacing the innerHTML of the body) or renders a new body (a
 * framework taking over the page body) gets it back. Returns the teardown.
 */
function keepBannerShown(instance: Razylyk, layout: Layout, theme: Theme): () => void {
  let banner: HTMLElementTagNameMap['razylyk-banner'] | null = null;
  const keepBanner = new MutationObserver(() => showBanner());
  const showBanner = () => {
    if (!instance.needsDecision()) {
      keepBanner.disconnect();
      return;
    }
    banner ??= documentRoot().querySelector('razylyk-banner');
    if (!banner) {
      banner = createElement('razylyk-banner');
      banner.layout = layout;
      banner.theme = theme;
    }
    if (!banner.isConnected) pageBody().append(banner);
    keepBanner.observe(documentRoot(), { childList: true, subtree: true });
  };
  showBanner();
  const stopWatching = instance.onChange(showBanner);
  return () => {
    stopWatching();
    keepBanner.disconnect();
  };
}

/** The page's settings button (the owner's own, if the page has one already). */
function settingsButton(theme: Theme): HTMLElement {
  let button = documentRoot().querySelector<HTMLElement>('razylyk-settings-button');
  if (!button) {
    button = createElement('razylyk-settings-button');
    button.setAttribute('theme', theme);
    pageBody().append(button);
  }
  return button;
}

/** Tests and SPA teardown: removes the page-level listeners and the elements mountUi added. */
export function unmountUi(): void {
  unmount?.();
  unmount = undefined;
  void placeholders?.then(
    ({ stopPlaceholders }) => stopPlaceholders(),
    () => undefined,
  );
  for (const tag of [
    'razylyk-banner',
    'razylyk-preferences',
    'razylyk-policy-dialog',
    'razylyk-settings-button',
  ])
    for (const element of documentRoot().querySelectorAll(tag)) element.remove();
}
