/**
 * The i18next side of the UI strings: interpolation for the preferences and the policy reader. Imported
 * by those elements only, so i18next loads with them and not with the banner.
 */
import i18next, { type TOptions } from 'i18next';
import { DEFAULT_LANGUAGE, type LanguageCode } from './languages.js';
import { loadedStrings, type Translate } from './i18n.js';
import { FALLBACK_UI, type UiStrings } from './resources.js';

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

/** The bundle each language's resources were last filled from (./i18n.ts owns the loading). */
const given = new Map<LanguageCode, UiStrings | undefined>([[DEFAULT_LANGUAGE, FALLBACK_UI]]);

/** One UI string in a given language through i18next; interpolation values are inserted as text. */
export const translateWithI18next: Translate = (language, key, values) => {
  syncBundle(language);
  const options: TOptions = { lng: language, ...values };
  return i18n.t(key, options);
};

function syncBundle(language: LanguageCode): void {
  const strings = loadedStrings(language);
  if (given.get(language) === strings) return;
  given.set(language, strings);
  if (strings) i18n.addResourceBundle(language, NAMESPACE, strings, true, true);
  else i18n.removeResourceBundle(language, NAMESPACE);
}
