import type { PolicyDocument } from '../policy/types.js';
import type { LanguageCode } from './languages.js';
import tkUi from '../../locales/tk/ui.json';

/** The UI strings' shape, taken from the source language: a locale missing a key fails `tsc`. */
export type UiStrings = typeof tkUi;

type Module<T> = { default: T };
export type UiLoader = () => Promise<Module<UiStrings>>;
export type PolicyLoader = () => Promise<Module<unknown>>;

/** Turkmen is bundled so the banner renders even when no other locale can be fetched. */
export const FALLBACK_UI: UiStrings = tkUi;

// Static maps of dynamic imports: the bundler emits one chunk per language and loads only the one shown.
export const UI_LOADERS: Record<LanguageCode, UiLoader> = {
  tk: () => Promise.resolve({ default: tkUi }),
  en: () => import('../../locales/en/ui.json'),
  ru: () => import('../../locales/ru/ui.json'),
  zh: () => import('../../locales/zh/ui.json'),
  tr: () => import('../../locales/tr/ui.json'),
  de: () => import('../../locales/de/ui.json'),
  ar: () => import('../../locales/ar/ui.json'),
};

// The policy is long and rarely read: its chunks load only when a reader opens it.
export const POLICY_LOADERS: Record<LanguageCode, PolicyLoader> = {
  tk: () => import('../../locales/tk/policy.json'),
  en: () => import('../../locales/en/policy.json'),
  ru: () => import('../../locales/ru/policy.json'),
  zh: () => import('../../locales/zh/policy.json'),
  tr: () => import('../../locales/tr/policy.json'),
  de: () => import('../../locales/de/policy.json'),
  ar: () => import('../../locales/ar/policy.json'),
};

/** Dotted paths to every string of the UI resources: `'banner.title' | 'purposes.cookies.title' | …`. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type UiKey = Leaves<UiStrings>;

/** A loaded policy is checked before rendering: a broken chunk must show an error, not throw. */
export function isPolicyDocument(value: unknown): value is PolicyDocument {
  if (!value || typeof value !== 'object') return false;
  const doc = value as Partial<PolicyDocument>;
  return (
    typeof doc.title === 'string' &&
    typeof doc.contactEmail === 'string' &&
    Array.isArray(doc.sections) &&
    doc.sections.every(
      (s) =>
        s &&
        typeof s.id === 'string' &&
        typeof s.heading === 'string' &&
        [1, 2, 3].includes(s.level) &&
        Array.isArray(s.blocks) &&
        s.blocks.every(
          (b) =>
            (b?.type === 'p' && typeof b.text === 'string') ||
            (b?.type === 'ul' && Array.isArray(b.items) && b.items.every((i) => typeof i === 'string')),
        ),
    )
  );
}
