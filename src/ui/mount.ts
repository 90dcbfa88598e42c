import type { Razylyk } from '../core/instance.js';
import type { LanguageTag, Layout, Theme } from '../core/types.js';
import { detectLanguage } from '../i18n/detect.js';
import { BANNER_ELEMENTS } from './banner-elements.js';
import { defineAll } from './registry.js';
import { openPreferences, openPreferencesFrom, switchLanguage, uiDefaults } from './ui-state.js';

/** Options the loaders pass to the UI (from data- attributes or config). */
export interface MountOptions {
  language?: LanguageTag;
  layout?: Layout;
  theme?: Theme;
  settingsButton?: boolean;
}

const OPEN_ATTRIBUTE = 'data-razylyk-open';
let unmount: (() => void) | undefined;

/**
 * The one entry the loaders call when the banner or the preferences must show: defines the elements,
 * loads the visitor's language, registers the UI with the core, and shows the banner when a decision
 * is missing (again after a withdrawal).
 */
export async function mountUi(instance: Razylyk, options: MountOptions = {}): Promise<void> {
  // The dialogs' elements are defined when first opened (src/ui/ui-state.ts): a chunk of their own.
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
  instance.attachUi({
    openPreferences: () => openPreferences(),
    setLanguage: async (tag) => void (await switchLanguage(tag)),
  });
  instance.noteLanguage(language);

  const showBanner = () => {
    if (!instance.needsDecision() || document.querySelector('razylyk-banner')) return;
    const banner = document.createElement('razylyk-banner');
    banner.layout = layout;
    banner.theme = theme;
    document.body.append(banner);
  };
  showBanner();
  const stopWatching = instance.onChange(showBanner);

  // Any element of the page can reopen the settings: <a href="#" data-razylyk-open>Privacy settings</a>.
  const onClick = (event: MouseEvent) => {
    const target = event
      .composedPath()
      .find((node) => node instanceof Element && node.hasAttribute(OPEN_ATTRIBUTE));
    if (!(target instanceof Element)) return;
    event.preventDefault();
    openPreferencesFrom(target);
  };
  document.addEventListener('click', onClick);

  let button: HTMLElement | undefined;
  if (options.settingsButton ?? instance.config.settingsButton) {
    button = document.querySelector('razylyk-settings-button') ?? undefined;
    if (!button) {
      button = document.createElement('razylyk-settings-button');
      button.setAttribute('theme', theme);
      document.body.append(button);
    }
  }

  unmount = () => {
    stopWatching();
    document.removeEventListener('click', onClick);
    button?.remove();
  };
}

/** Tests and SPA teardown: removes the page-level listeners and the elements mountUi added. */
export function unmountUi(): void {
  unmount?.();
  unmount = undefined;
  for (const tag of [
    'razylyk-banner',
    'razylyk-preferences',
    'razylyk-policy-dialog',
    'razylyk-settings-button',
  ])
    for (const element of document.querySelectorAll(tag)) element.remove();
}
