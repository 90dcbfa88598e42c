/**
 * The legal vocabulary of the policy and the consent interface, per language, and the two checks built
 * on it. Pure functions with no dependencies, so the same rules serve the tests and the legal review page.
 *
 * - Terminology: no policy or interface string uses a variant the glossary lists as wrong
 *   (e.g. Turkish "kişisel bilgi" where KVKK says "kişisel veri").
 * - Divergence: a term the glossary marks `align` must occur in a translation's unit (title, heading,
 *   paragraph, list item, interface string) exactly when it occurs in the Turkmen unit. A translation
 *   that says "web beacons" where the Turkmen says "web page", or "unsubscribe" where it says "choose a
 *   subscription", fails — unless an open question marks that language as departing there.
 */
import type { PolicyDocument } from '../../src/policy/types.js';

interface WrongVariant {
  /** The wrong term as a reader sees it. */
  term: string;
  /** A regular expression (source, matched case-insensitively) when the plain term is not exact enough. */
  pattern?: string;
  /** Why it is wrong, for the reviewer. */
  why?: string;
}

interface GlossaryEntry {
  /** The preferred term. */
  preferred: string;
  /** A regular expression (source, case-insensitive) recognising the preferred term in its inflected forms. */
  pattern: string;
  wrong: WrongVariant[];
  /** A remark for the reviewer (e.g. the law the term comes from). */
  note?: string;
}

interface GlossaryTerm {
  id: string;
  /** The concept in English, for the reviewer. */
  concept: string;
  /** Where the term comes from (statute articles). */
  basis: string;
  /** Whether the divergence check compares this term's presence unit by unit across languages. */
  align: boolean;
  languages: Record<string, GlossaryEntry>;
}

export interface Glossary {
  terms: GlossaryTerm[];
}

/** A place with text: a policy unit (`section/block[.item]`) or an interface key (`ui:banner.text`). */
export interface TextUnit {
  where: string;
  section?: string;
  text: string;
}

const regex = (source: string) => new RegExp(source, 'iu');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Title, headings, paragraphs and list items of a policy document, each with a stable address. */
export function policyUnits(doc: PolicyDocument): TextUnit[] {
  const units: TextUnit[] = [{ where: 'title', text: doc.title }];
  for (const section of doc.sections) {
    units.push({ where: `${section.id}/heading`, section: section.id, text: section.heading });
    section.blocks.forEach((block, b) => {
      if (block.type === 'p')
        units.push({ where: `${section.id}/${b}`, section: section.id, text: block.text });
      else
        block.items.forEach((item, i) =>
          units.push({ where: `${section.id}/${b}.${i}`, section: section.id, text: item }),
        );
    });
  }
  return units;
}

/** The string leaves of an interface tree, addressed `ui:a.b`. The language's own metadata is left out. */
export function uiUnits(tree: unknown, prefix = ''): TextUnit[] {
  if (tree === null || typeof tree !== 'object') return [];
  const units: TextUnit[] = [];
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (path === 'meta.nativeName' || path === 'meta.englishName' || path === 'meta.dir') continue;
    if (typeof value === 'string') units.push({ where: `ui:${path}`, text: value });
    else units.push(...uiUnits(value, path));
  }
  return units;
}

export interface TermViolation {
  where: string;
  term: string;
  wrong: string;
  /** The text around the wrong variant. */
  excerpt: string;
}

/** Every wrong variant of every term found in the units of one language. */
export function terminologyViolations(
  glossary: Glossary,
  language: string,
  units: TextUnit[],
): TermViolation[] {
  const found: TermViolation[] = [];
  for (const term of glossary.terms) {
    const entry = term.languages[language];
    if (!entry) continue;
    for (const wrong of entry.wrong) {
      const pattern = regex(wrong.pattern ?? escape(wrong.term));
      for (const unit of units) {
        const match = pattern.exec(unit.text);
        if (match)
          found.push({
            where: unit.where,
            term: term.id,
            wrong: wrong.term,
            excerpt: unit.text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30),
          });
      }
    }
  }
  return found;
}

/** The ids of the aligned terms a text uses. */
function termsIn(glossary: Glossary, language: string, text: string): string[] {
  return glossary.terms
    .filter(
      (term) => term.align && term.languages[language] && regex(term.languages[language].pattern).test(text),
    )
    .map((term) => term.id);
}

export interface Divergence {
  where: string;
  section?: string;
  term: string;
  /** Whether the Turkmen unit uses the term, and whether the translation does. */
  source: boolean;
  translation: boolean;
}

/**
 * Units of a translation whose aligned terms differ from the Turkmen unit at the same address.
 * A unit missing on either side is a structural defect that other tests report; it is skipped here.
 */
export function divergences(
  glossary: Glossary,
  source: { language: string; units: TextUnit[] },
  translation: { language: string; units: TextUnit[] },
): Divergence[] {
  const theirs = new Map(translation.units.map((unit) => [unit.where, unit]));
  const found: Divergence[] = [];
  for (const unit of source.units) {
    const other = theirs.get(unit.where);
    if (!other) continue;
    const a = new Set(termsIn(glossary, source.language, unit.text));
    const b = new Set(termsIn(glossary, translation.language, other.text));
    for (const term of glossary.terms) {
      if (a.has(term.id) !== b.has(term.id))
        found.push({
          where: unit.where,
          section: unit.section,
          term: term.id,
          source: a.has(term.id),
          translation: b.has(term.id),
        });
    }
  }
  return found;
}
