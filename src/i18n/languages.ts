/** The languages razylyk ships, named in their own script so a visitor can find theirs. */
export const LANGUAGES = [
  { code: 'tk', nativeName: 'Türkmençe', dir: 'ltr' },
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ru', nativeName: 'Русский', dir: 'ltr' },
  { code: 'zh', nativeName: '中文（简体）', dir: 'ltr' },
  { code: 'tr', nativeName: 'Türkçe', dir: 'ltr' },
  { code: 'de', nativeName: 'Deutsch', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';

/** The operator's source language: the fallback for anything unknown or unavailable. */
export const DEFAULT_LANGUAGE: LanguageCode = 'tk';

function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
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
