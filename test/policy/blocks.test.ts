import { expect } from '@open-wc/testing';
import { applyErrata, documentBlocks, sourceBlocks } from '../../demo/review/blocks.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum } from '../../demo/review/types.js';

const erratum = (over: Partial<Erratum>): Erratum => ({
  id: 'e',
  source: 'a',
  corrected: 'b',
  reason: 'test',
  count: 1,
  ...over,
});

describe('applyErrata', () => {
  it('replaces every occurrence, in order', () => {
    const text = applyErrata('x.Ya.Y', [
      erratum({ id: 'space', source: '.Y', corrected: '. Y', count: 2 }),
      erratum({ id: 'then', source: 'a. Y', corrected: 'A. Y', count: 1 }),
    ]);
    expect(text).to.equal('x. YA. Y');
  });

  it('throws naming the erratum when the count differs', () => {
    expect(() => applyErrata('aa', [erratum({ id: 'too-few', count: 1 })])).to.throw(/too-few/);
    expect(() => applyErrata('b', [erratum({ id: 'missing', count: 1 })])).to.throw(/missing/);
  });
});

describe('sourceBlocks', () => {
  it('trims lines and drops blank, NBSP-only and the final source-id line', () => {
    const text = 'Title\n\n  Heading \r\nText.\n\u00a0\n\t\n\n0f2b06b71b81d66594a2b16677d6d15';
    expect(sourceBlocks(text)).to.deep.equal(['Title', 'Heading', 'Text.']);
  });
});

describe('documentBlocks', () => {
  it('flattens title, headings, paragraphs and list items and fills {{email}}', () => {
    const doc: PolicyDocument = {
      sourceId: 'id',
      language: 'tk',
      title: 'T',
      contactEmail: 'a@b.c',
      sections: [
        { id: 'one', level: 1, heading: 'H1', blocks: [{ type: 'p', text: 'Mail {{email}}.' }] },
        { id: 'two', level: 2, heading: 'H2', blocks: [{ type: 'ul', items: ['i1', 'i2'] }] },
        { id: 'three', level: 1, heading: 'H3', blocks: [] },
      ],
    };
    expect(documentBlocks(doc)).to.deep.equal(['T', 'H1', 'Mail a@b.c.', 'H2', 'i1', 'i2', 'H3']);
  });
});
