import i18next, { type TOptions } from 'i18next';
import { warn } from '../core/log.js';
import type { PolicyDocument } from '../policy/types.js';
import { DEFAULT_LANGUAGE, matchLanguage, type LanguageCode } from './languages.js';
import {
  FALLBACK_UI,
  isPolicyDocument,
  POLICY_LOADERS,
  UI_LOADERS,
  type PolicyLoader,
  type UiKey,
  type UiLoader,
} from './resources.js';

const NAMESPACE = 'ui';

// Our own instance: the host page may run i18next too, and must keep its language and resources.
const i18n = i18next.createInstance();
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  resources: { [DEFAULT_LANGUAGE]: { [NAMESPACE]: FALLBACK_UI } },
  // Lit escapes every interpolated value when it renders text; escaping here would show "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

let uiLoaders: Record<LanguageCode, UiLoader> = { ...UI_LOADERS };
let policyLoaders: Record<LanguageCode, PolicyLoader> = { ...POLICY_LOADERS };
/** Languages whose UI strings are usable: loaded, or failed and falling back to Turkmen. */
const settled = new Set<LanguageCode>([DEFAULT_LANGUAGE]);
const loading = new Map<LanguageCode, Promise<void>>();
const policies = new Map<LanguageCode, Promise<LoadedPolicy>>();
const listeners = new Set<() => void>();
let pageLanguage: LanguageCode | undefined;

export interface LoadedPolicy {
  /** The language actually shown: the requested one, or Turkmen when it could not be loaded. */
  language: LanguageCode;
  document: PolicyDocument;
}

/** The language the page's UI speaks once mountUi or a visitor chose it; undefined before. */
export function currentLanguage(): LanguageCode | undefined {
  return pageLanguage;
}

/** Whether a language's strings are ready to render (loaded, or given up on in favour of the fallback). */
export function isSettled(language: LanguageCode): boolean {
  return settled.has(language);
}

/** Loads a language's UI strings once; on failure the Turkmen fallback renders and a warning says why. */
export function ensureLanguage(language: LanguageCode): Promise<void> {
  if (settled.has(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = uiLoaders[language]()
      .then((module) => {
        const strings: unknown = module?.default;
        if (!strings || typeof strings !== 'object') throw new TypeError('the module has no strings');
        i18n.addResourceBundle(language, NAMESPACE, strings, true, true);
      })
      .catch((err: unknown) => {
        warn(`Could not load the "${language}" interface strings; showing Turkmen instead.`, err);
      })
      .finally(() => {
        settled.add(language);
        loading.delete(language);
        notify();
      });
    loading.set(language, pending);
  }
  return pending;
}

/** Switches every razylyk element on the page to `tag` (a BCP 47 tag; unknown ones fall back to Turkmen). */
export async function setPageLanguage(tag: string): Promise<LanguageCode> {
  const language = matchLanguage(tag) ?? DEFAULT_LANGUAGE;
  if (!matchLanguage(tag)) warn(`No translation for "${tag}"; showing Turkmen.`);
  await ensureLanguage(language);
  // No i18n.changeLanguage(): every translate() names its language (an element may be pinned to its own).
  pageLanguage = language;
  notify();
  return language;
}

/** One UI string in a given language; interpolation values are inserted as text. */
export function translate(language: LanguageCode, key: UiKey, values?: Record<string, string>): string {
  const options: TOptions = { lng: language, ...values };
  return i18n.t(key, options);
}

/** Whether a language's own strings (not the fallback's) are present. */
export function hasOwnStrings(language: LanguageCode): boolean {
  return i18n.hasResourceBundle(language, NAMESPACE);
}

/** Re-render hook for the localize controller: called on language switches and finished loads. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The full policy of a language, loaded only when a reader opens it; Turkmen when it cannot be loaded. */
export function loadPolicy(language: LanguageCode): Promise<LoadedPolicy> {
  let pending = policies.get(language);
  if (!pending) {
    pending = fetchPolicy(language);
    policies.set(language, pending);
  }
  return pending;
}

async function fetchPolicy(language: LanguageCode): Promise<LoadedPolicy> {
  try {
    const document: unknown = (await policyLoaders[language]())?.default;
    if (!isPolicyDocument(document)) throw new TypeError('the module is not a policy document');
    return { language, document };
  } catch (err) {
    if (language === DEFAULT_LANGUAGE) {
      policies.delete(language);
      throw err;
    }
    warn(`Could not load the "${language}" privacy policy; showing the Turkmen original instead.`, err);
    return { ...(await loadPolicy(DEFAULT_LANGUAGE)) };
  }
}

function notify(): void {
  for (const listener of Array.from(listeners)) listener();
}

/** Tests only: replace some loaders (e.g. with one that fails) and forget what was loaded. */
export function setLoadersForTesting(overrides: {
  ui?: Partial<Record<LanguageCode, UiLoader>>;
  policy?: Partial<Record<LanguageCode, PolicyLoader>>;
}): void {
  uiLoaders = { ...UI_LOADERS, ...overrides.ui };
  policyLoaders = { ...POLICY_LOADERS, ...overrides.policy };
  resetI18nForTesting();
}

/** Tests only: back to the state of a fresh page (Turkmen bundled, nothing else loaded). */
export function resetI18nForTesting(): void {
  for (const language of settled) {
    if (language !== DEFAULT_LANGUAGE) i18n.removeResourceBundle(language, NAMESPACE);
  }
  settled.clear();
  settled.add(DEFAULT_LANGUAGE);
  loading.clear();
  policies.clear();
  pageLanguage = undefined;
}

/** Tests only: restore the shipped loaders. */
export function restoreLoadersForTesting(): void {
  uiLoaders = { ...UI_LOADERS };
  policyLoaders = { ...POLICY_LOADERS };
  resetI18nForTesting();
}
