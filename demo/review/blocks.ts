/**
 * Pure helpers that tie the structured policy to its verbatim source. No dependencies, so the
 * fidelity check runs anywhere (browser test, Node script, build step).
 *
 * The invariant: `documentBlocks(doc)` deep-equals `sourceBlocks(applyErrata(source, errata))`.
 * Nothing of the operator's text can be lost, reordered or changed except through a listed erratum.
 */
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum } from './types.js';

const EMAIL_PLACEHOLDER = '{{email}}';

/** The source ends with a bare hex id line (the operator's document id). */
const SOURCE_ID_LINE = /^[0-9a-f]{16,64}$/i;

/** Number of non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack: string, needle: string): number {
  if (needle === '') throw new Error('countOccurrences: empty needle');
  let count = 0;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at === -1) return count;
    count += 1;
    from = at + needle.length;
  }
}

/**
 * Applies the errata in order, each as an exact replacement of all occurrences.
 * Throws (naming the erratum) when `source` does not occur exactly `count` times at that point,
 * so an erratum can never silently miss or over-apply.
 */
export function applyErrata(source: string, errata: readonly Erratum[]): string {
  let text = source;
  for (const erratum of errata) {
    const found = erratum.source === '' ? 0 : countOccurrences(text, erratum.source);
    if (found !== erratum.count) {
      throw new Error(
        `Erratum "${erratum.id}": expected ${erratum.count} occurrence(s) of its source, found ${found}`,
      );
    }
    text = text.split(erratum.source).join(erratum.corrected);
  }
  return text;
}

/**
 * Splits a (corrected) source text into its units: lines, trimmed; blank and whitespace-only
 * lines dropped (`trim()` also strips U+00A0, so the source's NBSP-only line goes); the final
 * source-id line dropped.
 */
export function sourceBlocks(text: string): string[] {
  const units = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (units.length > 0 && SOURCE_ID_LINE.test(units[units.length - 1])) units.pop();
  return units;
}

/**
 * Flattens a document into the same units, in order: the title, then per section its heading,
 * each paragraph and each list item; `{{email}}` is replaced by `doc.contactEmail`.
 */
export function documentBlocks(doc: PolicyDocument): string[] {
  const fill = (text: string): string => text.split(EMAIL_PLACEHOLDER).join(doc.contactEmail);
  const units = [fill(doc.title)];
  for (const section of doc.sections) {
    units.push(fill(section.heading));
    for (const block of section.blocks) {
      if (block.type === 'p') units.push(fill(block.text));
      else units.push(...block.items.map(fill));
    }
  }
  return units;
}
