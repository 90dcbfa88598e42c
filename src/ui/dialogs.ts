import { getRazylyk, type Razylyk } from '../core/instance.js';
import { hashText } from '../core/hash.js';
import { createElement, documentProperty, documentRoot, pageBody } from '../core/dom.js';
import { error } from '../core/log.js';
import { pageContract } from '../core/page-contract.js';
import { loadCauses } from '../embed/load-error.js';
import type { DecisionContext, Theme } from '../core/types.js';
import { setPageLanguage } from '../i18n/i18n.js';
import type { LanguageCode } from '../i18n/languages.js';

/** What mountUi chose for the page; elements created later (dialogs) follow it. */
export const uiDefaults: { theme: Theme } = { theme: 'auto' };

/** The page's one instance; looked up on use so a reset (tests, SPA teardown) is followed. */
export function instance(): Razylyk {
  return getRazylyk();
}

/** What a decision records about the words the visitor saw: a fingerprint of them and their language. */
export function decisionContext(shownText: readonly string[], language: LanguageCode): DecisionContext {
  return { textHash: hashText(shownText.join('\n')), language };
}

/** Switches every element to a language and tells the core (it records the language with decisions). */
export async function switchLanguage(tag: string): Promise<LanguageCode> {
  const language = await setPageLanguage(tag);
  pageContract().wiring?.noteLanguage(language);
  return language;
}

/** For a click: opens the preferences, and reports a failure (no dialogs' chunk) rather than throw it at the page. */
export function openPreferencesFrom(opener: Element | null): void {
  openPreferences(opener).catch(reportNotOpened('preferences'));
}

/** For a click: opens the policy reader, reporting a failure like openPreferencesFrom. */
export function openPolicyFrom(section: string, opener: Element | null): void {
  openPolicy(section, opener).catch(reportNotOpened('privacy policy'));
}

const reportNotOpened = (what: string) => (err: unknown) =>
  error(
    `The ${what} could not be opened (its code could not be loaded: ${loadCauses(import.meta.url)}).`,
    err,
  );

/** The page's preferences dialog, created on first use. */
export async function openPreferences(opener?: Element | null): Promise<void> {
  const returnTo = opener ?? deepActiveElement();
  const element = await singleton('razylyk-preferences');
  await element?.show(returnTo);
}

/** @internal The policy reader dialog, opened at a section or list-item anchor (tests call it directly). */
export async function openPolicy(section?: string, opener?: Element | null): Promise<void> {
  const returnTo = opener ?? deepActiveElement();
  const element = await singleton('razylyk-policy-dialog');
  await element?.show(section, returnTo);
}

/**
 * Set by vite.config.ts in the CDN build (ui.js): the dialogs' chunk under an address of
 * its own, relative to this module. Browsers remember a failed module address, so the one retry after
 * a failed fetch needs another. The npm build and the demo have none: their import is tried once.
 */
declare const __RAZYLYK_DIALOGS_RETRY__: string | undefined;
const DIALOGS_RETRY = typeof __RAZYLYK_DIALOGS_RETRY__ === 'string' ? __RAZYLYK_DIALOGS_RETRY__ : undefined;
type DialogsModule = typeof import('./dialog-elements.js');

let dialogs: Promise<void> | undefined;
/** Dialog tags the page defined with elements of its own: razylyk's dialogs cannot show there. */
const taken = new Set<string>();
/**
 * Fetches and defines the dialogs' elements (once; again after a failure). The banner calls it when a
 * pointer or the focus comes near its buttons, so the chunk is usually there before the click.
 */
export function loadDialogs(): Promise<void> {
  dialogs ??= import('./dialog-elements.js')
    .catch((err: unknown) => {
      if (!DIALOGS_RETRY) throw err;
      return import(
        /* @vite-ignore */ new URL(DIALOGS_RETRY, import.meta.url).href
      ) as Promise<DialogsModule>;
    })
    .then(
      ({ defineDialogs }) => {
        for (const tag of defineDialogs()) {
          taken.add(tag);
          error(`The page already defines <${tag}> with its own element; razylyk's dialog cannot show.`);
        }
      },
      (err: unknown) => {
        dialogs = undefined;
        throw err;
      },
    );
  return dialogs;
}

async function singleton<K extends 'razylyk-preferences' | 'razylyk-policy-dialog'>(
  tag: K,
): Promise<HTMLElementTagNameMap[K] | undefined> {
  await loadDialogs();
  if (taken.has(tag)) return undefined;
  let element = documentRoot().querySelector(tag);
  if (!element) {
    element = createElement(tag);
    element.setAttribute('theme', uiDefaults.theme);
    pageBody().append(element);
  }
  return element;
}

/** The focused element, looking inside shadow roots: the control to return focus to. */
function deepActiveElement(): Element | null {
  let active = documentProperty('activeElement');
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Returns focus where it was before a dialog opened, if that control is still on the page. */
export function restoreFocus(opener: Element | null | undefined): void {
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
}
