/**
 * The privacy policy as structured data. The operator's text is legal text: every language is
 * derived from the same section ids, and the source language must reproduce the verbatim source
 * (after the listed errata) unit for unit — see `demo/review/blocks.ts` and `test/policy/fidelity.test.ts`.
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
