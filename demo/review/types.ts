/**
 * The legal review's data (locales/errata.json, locales/review-notes.json): the listed corrections of
 * the operator's source text and what became of each reviewer note. The product never reads them; the
 * review page and the tests of the translations do.
 */

/**
 * A listed correction of the source text. Errata are applied in order as exact string
 * replacements of every occurrence; `count` is the exact number of occurrences of `source`
 * in the text at the point where the erratum is applied.
 */
export interface Erratum {
  id: string;
  source: string;
  corrected: string;
  /** Plain English, for legal reviewers. */
  reason: string;
  count: number;
}

/** How a translation renders a reviewer note's passage. */
interface TranslationMark {
  /**
   * `follows`: says what the Turkmen (as corrected) says. `departs`: says something else, on purpose,
   * while the question is open (e.g. one term where the Turkmen has three).
   */
  mark: 'follows' | 'departs';
  /** The translation's wording: an exact substring of the same section in that language. */
  rendering: string;
  /** Glossary terms (ids) whose presence may differ from the Turkmen in this section because of the departure. */
  terms?: string[];
}

/**
 * What became of a reviewer note: promoted to recorded corrections of the Turkmen (`corrected`), or
 * kept as an `open` question that the legal review page shows first, with every translation marked.
 */
type NoteResolution =
  | { status: 'corrected'; errata: string[]; translations: Record<string, TranslationMark> }
  | { status: 'open'; question: string; translations: Record<string, TranslationMark> };

/**
 * A passage a reviewer questioned, and what became of it. `passage` is the Turkmen as the reviewer
 * read it: for a corrected note it is gone from the corrected text; for an open one it is still there.
 */
export interface ReviewerNote {
  id: string;
  /** Id of the section whose heading or text contains `passage`. */
  sectionId: string;
  /** Exact substring of that section's text (as stored, i.e. with `{{email}}`). */
  passage: string;
  /** The reviewer's note (in English). */
  note: string;
  resolution: NoteResolution;
}
