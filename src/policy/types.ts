/**
 * The privacy policy as structured data. The operator's text is legal text: every language is
 * derived from the same section ids, and the source language must reproduce the verbatim source
 * (after the listed errata) unit for unit — see `blocks.ts` and `test/policy/fidelity.test.ts`.
 */

/**
 * One block of section content. Text is plain: no HTML, no markup. The only placeholder is
 * `{{email}}`, which the renderer turns into a `mailto:` link (never HTML inside a string,
 * so the policy renders under a strict CSP / Trusted Types).
 */
export type PolicyBlock = { type: 'p'; text: string } | { type: 'ul'; items: string[] };

export interface PolicySection {
  /** Stable kebab-case id, the same in every language (used for anchors and `readMore` links). */
  id: string;
  /** 1 = top-level section, 2/3 = subsections. */
  level: 1 | 2 | 3;
  heading: string;
  blocks: PolicyBlock[];
}

export interface PolicyDocument {
  /** The trailing id of the source text, e.g. '0f2b06b71b81d66594a2b16677d6d15'. */
  sourceId: string;
  /** BCP 47 language tag, e.g. 'tk'. */
  language: string;
  title: string;
  /** Written as `{{email}}` in block text. */
  contactEmail: string;
  /** Flat, in document order; subsections follow their parent. */
  sections: PolicySection[];
}

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
export interface TranslationMark {
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
export type NoteResolution =
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
