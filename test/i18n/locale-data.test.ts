import { expect } from '@open-wc/testing';
import type { PolicyDocument } from '../../src/policy/types.js';
import { documentBlocks } from '../../demo/review/blocks.js';
import { POLICY_ANCHORS } from '../../src/policy/anchors.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import tkUi from '../../locales/tk/ui.json';
import tkPolicy from '../../locales/tk/policy.json';
import { leaves, type Json } from './helpers.js';

// Every locale must mirror the Turkmen source exactly: same UI keys, same policy sections and blocks,
// the same interpolation variables, nothing empty and nothing copied over untranslated.

/** The test server serves locale JSON as JS modules (as vite does), so they are imported, not fetched. */
async function fetchJson(path: string): Promise<Json> {
  return ((await import(/* @vite-ignore */ path)) as { default: Json }).default;
}

const variables = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort().join(' ');

/** The shape of a policy document: ids, levels, block types and list lengths — no text. */
function structure(doc: PolicyDocument) {
  return doc.sections.map((section) => ({
    id: section.id,
    level: section.level,
    blocks: section.blocks.map((block) => (block.type === 'ul' ? `ul:${block.items.length}` : 'p')),
  }));
}

/** UI keys whose values are the same in every language by nature (codes, dates). */
const LANGUAGE_NEUTRAL = new Set(['meta.dir', 'meta.date']);

describe('locale files', () => {
  const tkLeaves = new Map(leaves(tkUi as Json));
  const tkBlocks = new Set(documentBlocks(tkPolicy as PolicyDocument).filter((text) => text.length > 20));
  const tkStrings = new Set([...tkLeaves.values()].filter((text) => text.length > 20));

  it('ships all seven languages', async () => {
    expect(LANGUAGES.map((l) => l.code)).to.deep.equal(['tk', 'en', 'ru', 'zh', 'tr', 'de', 'ar']);
    for (const { code } of LANGUAGES) {
      for (const file of ['ui.json', 'policy.json']) {
        const data = await fetchJson(`/locales/${code}/${file}`);
        expect(data, `locales/${code}/${file}`).to.be.an('object');
      }
    }
  });

  for (const { code, nativeName, dir } of LANGUAGES) {
    describe(code, () => {
      it('has exactly the UI keys of tk, none empty, with the same interpolation variables', async () => {
        const ui = new Map(leaves(await fetchJson(`/locales/${code}/ui.json`)));
        expect([...ui.keys()].sort()).to.deep.equal([...tkLeaves.keys()].sort());
        for (const [key, text] of ui) {
          expect(text.trim(), `${code} ${key} is empty`).to.not.equal('');
          expect(variables(text), `${code} ${key} variables`).to.equal(variables(tkLeaves.get(key)!));
        }
      });

      it('names itself in its own language and sets its direction and status', async () => {
        const ui = (await fetchJson(`/locales/${code}/ui.json`)) as typeof tkUi;
        expect(ui.meta.nativeName).to.equal(nativeName);
        expect(ui.meta.dir).to.equal(dir);
        expect(ui.meta.status).to.equal(code === 'tk' ? 'source' : 'machine-translation');
        expect(ui.meta.date).to.match(/^\d{4}-\d{2}-\d{2}$/);
      });

      it('has the policy structure of tk: section ids, levels, block types and list lengths', async () => {
        const doc = (await fetchJson(`/locales/${code}/policy.json`)) as unknown as PolicyDocument;
        expect(doc.language).to.equal(code);
        expect(doc.sourceId).to.equal(tkPolicy.sourceId);
        expect(doc.contactEmail).to.equal(tkPolicy.contactEmail);
        expect(structure(doc)).to.deep.equal(structure(tkPolicy as PolicyDocument));
        for (const [path, text] of leaves(doc as unknown as Json)) {
          expect(text.trim(), `${code} policy ${path} is empty`).to.not.equal('');
        }
        // The contact e-mail stays a placeholder exactly where tk has it.
        const emailAt = (d: PolicyDocument) =>
          d.sections.flatMap((s) =>
            s.blocks.map((b, i) => `${s.id}/${i}:${JSON.stringify(b).includes('{{email}}')}`),
          );
        expect(emailAt(doc)).to.deep.equal(emailAt(tkPolicy as PolicyDocument));
      });

      it('resolves every anchor the banner links to', async () => {
        const doc = (await fetchJson(`/locales/${code}/policy.json`)) as unknown as PolicyDocument;
        for (const [id, anchor] of Object.entries(POLICY_ANCHORS)) {
          const section = doc.sections.find((s) => s.id === anchor.section);
          const block = section?.blocks[anchor.block];
          expect(block, `anchor ${id}`).to.exist;
          if (anchor.item !== undefined)
            expect(block!.type === 'ul' && block!.items[anchor.item], `anchor ${id}`).to.be.a('string');
        }
      });

      if (code !== 'tk') {
        it('copies no Turkmen sentence untranslated', async () => {
          const doc = (await fetchJson(`/locales/${code}/policy.json`)) as unknown as PolicyDocument;
          const copiedBlocks = documentBlocks(doc).filter((text) => tkBlocks.has(text));
          expect(copiedBlocks, `${code} policy blocks identical to tk`).to.deep.equal([]);
          const ui = leaves(await fetchJson(`/locales/${code}/ui.json`));
          const copiedStrings = ui.filter(([key, text]) => !LANGUAGE_NEUTRAL.has(key) && tkStrings.has(text));
          expect(copiedStrings, `${code} UI strings identical to tk`).to.deep.equal([]);
        });
      }
    });
  }
});
