/**
 * The divergence report: what a legal reviewer must see before signing off the seven documents.
 * For every translation, the glossary terms whose presence differs from the Turkmen unit by unit
 * (silent unless an open question marks the departure), the wrong terms it uses, and for every
 * reviewer note whether it was promoted to a correction or kept as a marked open question.
 * Pure functions: the tests and the legal review page run the same rules.
 */
import {
  divergences,
  policyUnits,
  terminologyViolations,
  uiUnits,
  type Divergence,
  type Glossary,
  type TermViolation,
} from './glossary.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum, ReviewerNote } from './types.js';

export interface LanguageInput {
  language: string;
  policy: PolicyDocument;
  ui: unknown;
}

export interface LanguageReport {
  language: string;
  /** Aligned-term differences from the Turkmen that no open question marks: each is a defect. */
  silent: Divergence[];
  /** Differences an open question marks as a deliberate departure. */
  marked: Array<Divergence & { note: string }>;
  /** Wrong variants of glossary terms in the policy or the interface strings. */
  terminology: TermViolation[];
}

/** Start offsets of every occurrence of `needle` in `text`. */
function offsets(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); needle && at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Whether an occurrence of `a` and one of `b` share at least one character. */
function overlaps(text: string, a: string, b: string): boolean {
  return offsets(text, a).some((x) => offsets(text, b).some((y) => x < y + b.length && y < x + a.length));
}

/** All text of a section as stored (heading, paragraphs, list items), for passage look-ups. */
function sectionText(doc: PolicyDocument, sectionId: string): string | undefined {
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  return [section.heading, ...section.blocks.flatMap((b) => (b.type === 'p' ? [b.text] : b.items))].join(
    '\n',
  );
}

/** The report for one language; the Turkmen itself gets terminology only. */
export function languageReport(
  glossary: Glossary,
  source: LanguageInput,
  target: LanguageInput,
  notes: readonly ReviewerNote[],
): LanguageReport {
  const units = [...policyUnits(target.policy), ...uiUnits(target.ui)];
  const terminology = terminologyViolations(glossary, target.language, units);
  if (target.language === source.language)
    return { language: target.language, silent: [], marked: [], terminology };
  const found = divergences(
    glossary,
    { language: source.language, units: [...policyUnits(source.policy), ...uiUnits(source.ui)] },
    { language: target.language, units },
  );
  const silent: Divergence[] = [];
  const marked: LanguageReport['marked'] = [];
  for (const divergence of found) {
    const note = notes.find((n) => {
      const mark = n.resolution?.status === 'open' ? n.resolution.translations[target.language] : undefined;
      return (
        mark?.mark === 'departs' &&
        n.sectionId === divergence.section &&
        mark.terms?.includes(divergence.term)
      );
    });
    if (note) marked.push({ ...divergence, note: note.id });
    else silent.push(divergence);
  }
  return { language: target.language, silent, marked, terminology };
}

/**
 * What is wrong with a note's resolution, in words (empty when it is sound). A corrected note names
 * errata that exist and the first of them rewrites its passage; an open note still has its passage.
 * Both mark every translation as following (or, for an open one, departing from) the Turkmen, quoting it.
 */
export function noteProblems(
  note: ReviewerNote,
  context: {
    source: string;
    errata: readonly Erratum[];
    turkmen: PolicyDocument;
    translations: readonly PolicyDocument[];
  },
): string[] {
  const problems: string[] = [];
  const resolution = note.resolution;
  const tkSection = sectionText(context.turkmen, note.sectionId);
  if (tkSection === undefined) return [`section ${note.sectionId} does not exist`];
  if (!resolution || (resolution.status !== 'corrected' && resolution.status !== 'open'))
    return ['no resolution: neither promoted to a correction nor kept as an open question'];

  if (resolution.status === 'corrected') {
    if (resolution.errata.length === 0) problems.push('corrected by no erratum');
    const positions = resolution.errata.map((id) => context.errata.findIndex((e) => e.id === id));
    resolution.errata.forEach((id, i) => {
      if (positions[i] === -1) problems.push(`erratum ${id} does not exist`);
    });
    if (positions.every((p) => p >= 0) && positions.length) {
      // The text as the reviewer read it: the source with the errata before the first listed one,
      // which must rewrite (part of) the passage.
      const first = Math.min(...positions);
      let text = context.source;
      for (const erratum of context.errata.slice(0, first))
        text = text.split(erratum.source).join(erratum.corrected);
      if (!text.includes(note.passage))
        problems.push('the passage is not in the text the correction applies to');
      else if (!overlaps(text, note.passage, context.errata[first].source))
        problems.push(`erratum ${context.errata[first].id} does not touch the passage`);
    }
  } else {
    if (!resolution.question.trim()) problems.push('an open question without a question');
    if (!tkSection.includes(note.passage))
      problems.push(`the passage is not in the Turkmen section ${note.sectionId}`);
  }

  // Every note quotes every translation: a corrected one shows that the translation says what the
  // corrected Turkmen says, an open one how it renders the passage in question.
  const marks = resolution.translations;
  {
    for (const doc of context.translations) {
      const mark = marks?.[doc.language];
      if (!mark) {
        problems.push(`${doc.language}: not marked as following or departing from the Turkmen`);
        continue;
      }
      if (mark.mark !== 'follows' && mark.mark !== 'departs')
        problems.push(`${doc.language}: mark must be "follows" or "departs"`);
      if (resolution.status === 'corrected' && mark.mark !== 'follows')
        problems.push(`${doc.language}: departs from a corrected Turkmen passage`);
      if (!mark.rendering.trim() || !(sectionText(doc, note.sectionId) ?? '').includes(mark.rendering))
        problems.push(`${doc.language}: the quoted rendering is not in section ${note.sectionId}`);
    }
  }
  return problems;
}
