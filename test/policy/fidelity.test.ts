/**
 * The structured Turkmen policy must reproduce the operator's verbatim source exactly: every unit
 * of the source, in order, changed only by the listed errata. One implementation of the rules
 * (demo/review/blocks.ts) serves this test and the legal review page.
 */
import { expect } from '@open-wc/testing';
import { applyErrata, countOccurrences, documentBlocks, sourceBlocks } from '../../demo/review/blocks.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import { errata, notes, turkmen } from './helpers.js';

const doc = turkmen.policy;

const REQUIRED_SECTIONS: ReadonlyArray<readonly [string, 1 | 2 | 3]> = [
  ['introduction', 1],
  ['information-we-collect', 1],
  ['information-you-provide', 2],
  ['information-shared-by-others', 2],
  ['information-we-obtain', 2],
  ['location-data', 3],
  ['how-we-use-information', 1],
  ['access-and-control', 1],
  ['information-we-share', 1],
  ['information-security', 1],
  ['information-you-share-publicly', 1],
  ['sensitive-personal-information', 1],
  ['how-we-collect-information', 1],
  ['messages-we-may-send', 1],
  ['mail-and-push', 2],
  ['service-notices', 2],
  ['scope-of-this-policy', 1],
  ['changes', 1],
];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL_PLACEHOLDER = '{{email}}';

/** Every text unit of a section as stored (placeholders not filled). */
function sectionTexts(section: PolicyDocument['sections'][number]): string[] {
  return [section.heading, ...section.blocks.flatMap((b) => (b.type === 'p' ? [b.text] : b.items))];
}
const allTexts = (): string[] => [doc.title, ...doc.sections.flatMap(sectionTexts)];

describe('policy fidelity (tk)', () => {
  let source: string;

  before(async () => {
    const response = await fetch('/locales/tk/policy.source.txt');
    expect(response.ok, `fetch policy.source.txt: HTTP ${response.status}`).to.be.true;
    source = await response.text();
  });

  it('applies every erratum with exactly its listed number of occurrences', () => {
    const mismatches: string[] = [];
    let text = source;
    for (const erratum of errata) {
      const found = countOccurrences(text, erratum.source);
      if (found !== erratum.count) mismatches.push(`${erratum.id}: listed ${erratum.count}, found ${found}`);
      text = text.split(erratum.source).join(erratum.corrected);
    }
    expect(mismatches, mismatches.join('; ')).to.deep.equal([]);
    expect(new Set(errata.map((e) => e.id)).size, 'erratum ids are unique').to.equal(errata.length);
    for (const erratum of errata) {
      expect(erratum.reason.trim(), `reason of ${erratum.id}`).not.to.equal('');
      expect(erratum.corrected, `erratum ${erratum.id} changes something`).not.to.equal(erratum.source);
    }
  });

  it('reproduces the corrected source block for block', () => {
    const expected = sourceBlocks(applyErrata(source, errata));
    const actual = documentBlocks(doc);
    const length = Math.max(expected.length, actual.length);
    let first = -1;
    for (let i = 0; i < length && first === -1; i += 1) if (expected[i] !== actual[i]) first = i;
    expect(
      first,
      first === -1
        ? ''
        : `first difference at block ${first} (source ${expected.length} blocks, document ${actual.length}):\n` +
            `  source:   ${JSON.stringify(expected[first])}\n  document: ${JSON.stringify(actual[first])}`,
    ).to.equal(-1);
    expect(actual).to.deep.equal(expected);
  });

  it('takes its sourceId from the last non-blank line of the source', () => {
    const lines = source
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(doc.sourceId).to.equal(lines[lines.length - 1]);
    expect(doc.sourceId).to.equal('0f2b06b71b81d66594a2b16677d6d15');
    expect(doc.language).to.equal('tk');
  });

  it('has unique kebab-case section ids in the required order and levels', () => {
    const ids = doc.sections.map((s) => s.id);
    expect(new Set(ids).size, `duplicate ids in ${ids.join(', ')}`).to.equal(ids.length);
    for (const id of ids) expect(KEBAB.test(id), `kebab-case: ${id}`).to.be.true;
    expect(doc.sections.map((s) => [s.id, s.level])).to.deep.equal(
      REQUIRED_SECTIONS.map(([id, l]) => [id, l]),
    );
  });

  it('has no empty strings, empty lists or markup anywhere', () => {
    for (const section of doc.sections) {
      for (const block of section.blocks) {
        if (block.type === 'ul')
          expect(block.items.length, `empty list in ${section.id}`).to.be.greaterThan(0);
      }
    }
    for (const text of [doc.sourceId, doc.language, doc.contactEmail, ...allTexts()]) {
      expect(text.trim(), 'empty string').not.to.equal('');
      expect(/<\/?[a-z!]/i.test(text), `markup in ${JSON.stringify(text.slice(0, 60))}`).to.be.false;
      for (const placeholder of text.match(/\{\{[^}]*\}\}/g) ?? []) {
        expect(placeholder, 'only {{email}} is a placeholder').to.equal(EMAIL_PLACEHOLDER);
      }
    }
  });

  it('writes the contact e-mail only as the {{email}} placeholder', () => {
    expect(doc.contactEmail).to.equal('tjshenglida@126.com');
    const texts = allTexts();
    expect(
      texts.some((t) => t.includes(EMAIL_PLACEHOLDER)),
      '{{email}} appears',
    ).to.be.true;
    const literal = texts.filter((t) => t.includes(doc.contactEmail));
    expect(literal, 'literal e-mail in block text').to.deep.equal([]);
  });

  it('anchors every reviewer note in an existing section; an open one still has its passage', () => {
    expect(new Set(notes.map((n) => n.id)).size, 'note ids are unique').to.equal(notes.length);
    const byId = new Map(doc.sections.map((s) => [s.id, sectionTexts(s).join('\n')]));
    for (const note of notes) {
      const text = byId.get(note.sectionId);
      expect(text, `note ${note.id}: section ${note.sectionId} exists`).to.be.a('string');
      expect(note.passage, `note ${note.id}: passage`).not.to.equal('');
      expect(note.note.trim(), `note ${note.id}: note text`).not.to.equal('');
      // A corrected note's passage was rewritten by its errata (test/policy/divergence.test.ts checks which).
      if (note.resolution.status === 'open')
        expect(text!.includes(note.passage), `open note ${note.id}: passage in ${note.sectionId}`).to.be.true;
    }
  });
});
