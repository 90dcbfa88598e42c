/** The shipped languages' codes, in the order the language menus list them. */
const LANGUAGE_CODES = ['tk', 'en', 'ru', 'zh', 'tr', 'de', 'ar'] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];
export type TextDirection = 'ltr' | 'rtl';

const NATIVE_NAMES: Record<LanguageCode, string> = {
  tk: 'Türkmençe',
  en: 'English',
  ru: 'Русский',
  zh: '中文（简体）',
  tr: 'Türkçe',
  de: 'Deutsch',
  ar: 'العربية',
};

/** The languages razylyk ships, named in their own script so a visitor can find theirs. */
export const LANGUAGES: readonly { code: LanguageCode; nativeName: string; dir: TextDirection }[] =
  // Pure: a bundle that only matches codes (the script tag's engine) leaves the names out.
  /* @__PURE__ */ LANGUAGE_CODES.map((code) => ({
    code,
    nativeName: NATIVE_NAMES[code],
    dir: code === 'ar' ? 'rtl' : 'ltr',
  }));

/** The operator's source language: the fallback for anything unknown or unavailable. */
export const DEFAULT_LANGUAGE: LanguageCode = 'tk';

function isLanguageCode(value: unknown): value is LanguageCode {
  return (LANGUAGE_CODES as readonly unknown[]).includes(value);
}

/** The shipped language for a BCP 47 tag (`ru-RU` → ru, `zh-Hans-CN` → zh), or undefined. */
export function matchLanguage(tag: string | null | undefined): LanguageCode | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  // Only Simplified Chinese is translated; a Traditional-script reader still gets it rather than Turkmen.
  return isLanguageCode(primary) ? primary : undefined;
}

export function directionOf(language: LanguageCode): TextDirection {
  return LANGUAGES.find((l) => l.code === language)?.dir ?? 'ltr';
}
