export {
  LANGUAGES,
  DEFAULT_LANGUAGE,
  directionOf,
  matchLanguage,
  nativeNameOf,
  isLanguageCode,
} from './languages.js';
export type { LanguageCode, TextDirection } from './languages.js';
export { detectLanguage, type DetectionInput } from './detect.js';
export {
  currentLanguage,
  ensureLanguage,
  loadPolicy,
  onLocaleChange,
  setPageLanguage,
  lookUp,
  type LoadedPolicy,
} from './i18n.js';
export { translateWithI18next } from './i18next.js';
export { LocalizeController } from './controller.js';
export type { UiKey, UiStrings } from './resources.js';
