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
  type UiStrings,
} from './resources.js';

/**
 * The loaded UI strings, one bundle per language. i18next (./i18next.ts) reads them from here; it comes
 * with the preferences and the policy reader, whose strings interpolate. The banner's strings are plain
 * (test/i18n/i18n.test.ts), so the banner looks them up without it: i18next is 14 KB brotli, more
 * than half of the first visit's budget.
 */
const bundles = new Map<LanguageCode, UiStrings>([[DEFAULT_LANGUAGE, FALLBACK_UI]]);

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
        bundles.set(language, strings as UiStrings);
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
  // Every translation names its language: an element may be pinned to its own.
  pageLanguage = language;
  notify();
  return language;
}

/** Translates a UI string: `key` in `language`, interpolated with `values`. */
export type Translate = (language: LanguageCode, key: UiKey, values?: Record<string, string>) => string;

/**
 * A plain UI string as i18next would give it (the language's, else Turkmen's, else the key), for
 * elements that interpolate nothing; test/i18n/i18n.test.ts compares the two on every key.
 */
export const lookUp: Translate = (language, key) =>
  stringAt(bundles.get(language), key) ?? stringAt(FALLBACK_UI, key) ?? key;

function stringAt(strings: UiStrings | undefined, key: UiKey): string | undefined {
  let value: unknown = strings;
  for (const step of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[step];
  return typeof value === 'string' ? value : undefined;
}

/** A language's loaded strings, or undefined while they load or after they failed. */
export function loadedStrings(language: LanguageCode): UiStrings | undefined {
  return bundles.get(language);
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

/**
 * Tests only: back to the state of a fresh page (Turkmen bundled, nothing else loaded), with the shipped
 * loaders or some replaced (e.g. with one that fails). A failed load cannot be staged from outside.
 * @internal
 */
export function resetI18nForTesting(
  loaders: {
    ui?: Partial<Record<LanguageCode, UiLoader>>;
    policy?: Partial<Record<LanguageCode, PolicyLoader>>;
  } = {},
): void {
  uiLoaders = { ...UI_LOADERS, ...loaders.ui };
  policyLoaders = { ...POLICY_LOADERS, ...loaders.policy };
  bundles.clear();
  bundles.set(DEFAULT_LANGUAGE, FALLBACK_UI);
  settled.clear();
  settled.add(DEFAULT_LANGUAGE);
  loading.clear();
  policies.clear();
  pageLanguage = undefined;
}
