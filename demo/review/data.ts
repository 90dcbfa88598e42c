/**
 * Everything the review page shows, loaded the way the product loads it: the per-language chunks of
 * src/i18n/resources.ts (so the dev server and the static build agree), the errata and notes as
 * JSON modules, and the verbatim source as an asset URL.
 */
import { LANGUAGES, type LanguageCode } from '../../src/i18n/languages.js';
import { POLICY_LOADERS, UI_LOADERS, isPolicyDocument } from '../../src/i18n/resources.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum, ReviewerNote } from './types.js';
import errataJson from '../../locales/errata.json';
import notesJson from '../../locales/review-notes.json';
import glossaryJson from '../../locales/glossary.json';
import type { Glossary } from './glossary.js';
import { h, type Child } from './dom.js';

export type UiTree = { [key: string]: string | UiTree };

export interface LanguageData {
  code: LanguageCode;
  nativeName: string;
  dir: 'ltr' | 'rtl';
  ui: UiTree | null;
  policy: PolicyDocument | null;
  /** Why a resource is missing, for the status table. */
  problems: string[];
}

/** A table row headed by the language's native name and code, then `cells`. */
export function languageRow(language: LanguageData, ...cells: Child[]): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-lang': language.code },
    h('th', { scope: 'row' }, h('span', { lang: language.code }, language.nativeName), ` (${language.code})`),
    ...cells,
  );
}

export interface ReviewData {
  languages: LanguageData[];
  errata: Erratum[];
  notes: ReviewerNote[];
  glossary: Glossary;
  source: string | null;
}

const errata = (errataJson as unknown as { errata: Erratum[] }).errata;
const notes = (notesJson as unknown as { notes: ReviewerNote[] }).notes;
const glossary = glossaryJson as unknown as Glossary;

const SOURCE_URL = new URL('../../locales/tk/policy.source.txt', import.meta.url);

async function loadLanguage(
  code: LanguageCode,
  nativeName: string,
  dir: 'ltr' | 'rtl',
): Promise<LanguageData> {
  const problems: string[] = [];
  const [ui, policy] = await Promise.all([
    UI_LOADERS[code]()
      .then((module) => module.default as unknown as UiTree)
      .catch((err: unknown) => {
        problems.push(`UI strings not loaded (${String(err)})`);
        return null;
      }),
    POLICY_LOADERS[code]()
      .then((module) => {
        if (isPolicyDocument(module.default)) return module.default;
        problems.push('policy.json is not a valid policy document');
        return null;
      })
      .catch((err: unknown) => {
        problems.push(`policy not loaded (${String(err)})`);
        return null;
      }),
  ]);
  return { code, nativeName, dir, ui, policy, problems };
}

export async function loadReviewData(): Promise<ReviewData> {
  const languages = await Promise.all(LANGUAGES.map((l) => loadLanguage(l.code, l.nativeName, l.dir)));
  const source = await fetch(SOURCE_URL)
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null);
  return { languages, errata, notes, glossary, source };
}

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`, in document order. */
export function flatten(tree: UiTree, prefix = ''): [string, string][] {
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') rows.push([path, value]);
    else if (value && typeof value === 'object') rows.push(...flatten(value, path));
  }
  return rows;
}
