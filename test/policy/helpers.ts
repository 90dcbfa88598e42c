/** The locale data the policy tests share: the seven documents, their UI strings, errata, notes, glossary. */
import type { Glossary } from '../../demo/review/glossary.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum, ReviewerNote } from '../../demo/review/types.js';
import errataJson from '../../locales/errata.json';
import notesJson from '../../locales/review-notes.json';
import glossaryJson from '../../locales/glossary.json';
import tkPolicy from '../../locales/tk/policy.json';
import enPolicy from '../../locales/en/policy.json';
import ruPolicy from '../../locales/ru/policy.json';
import zhPolicy from '../../locales/zh/policy.json';
import trPolicy from '../../locales/tr/policy.json';
import dePolicy from '../../locales/de/policy.json';
import arPolicy from '../../locales/ar/policy.json';
import tkUi from '../../locales/tk/ui.json';
import enUi from '../../locales/en/ui.json';
import ruUi from '../../locales/ru/ui.json';
import zhUi from '../../locales/zh/ui.json';
import trUi from '../../locales/tr/ui.json';
import deUi from '../../locales/de/ui.json';
import arUi from '../../locales/ar/ui.json';

export const errata = (errataJson as unknown as { errata: Erratum[] }).errata;
export const notes = (notesJson as unknown as { notes: ReviewerNote[] }).notes;
export const glossary = glossaryJson as unknown as Glossary;

export interface Locale {
  language: string;
  policy: PolicyDocument;
  ui: unknown;
}

/** Turkmen first, then the six translations, in the order of src/i18n/languages.ts. */
export const locales: Locale[] = (
  [
    ['tk', tkPolicy, tkUi],
    ['en', enPolicy, enUi],
    ['ru', ruPolicy, ruUi],
    ['zh', zhPolicy, zhUi],
    ['tr', trPolicy, trUi],
    ['de', dePolicy, deUi],
    ['ar', arPolicy, arUi],
  ] as const
).map(([language, policy, ui]) => ({ language, policy: policy as unknown as PolicyDocument, ui }));

export const turkmen = locales[0];
export const translations = locales.slice(1);

/** A deep copy, for tests that break the data on purpose. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export async function fetchSource(): Promise<string> {
  const response = await fetch('/locales/tk/policy.source.txt');
  if (!response.ok) throw new Error(`fetch policy.source.txt: HTTP ${response.status}`);
  return response.text();
}
