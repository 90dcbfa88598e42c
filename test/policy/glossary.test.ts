/**
 * The glossary (locales/glossary.json): one preferred legal term per language and the variants that
 * are wrong; every policy and interface string of every language is checked against it.
 */
import { expect } from '@open-wc/testing';
import { policyUnits, terminologyViolations, uiUnits } from '../../demo/review/glossary.js';
import { copy, glossary, locales } from './helpers.js';

const LANGUAGES = ['tk', 'en', 'ru', 'zh', 'tr', 'de', 'ar'];
const REQUIRED = [
  'personal-data',
  'special-categories',
  'consent',
  'explicit-consent',
  'withdraw',
  'controller',
  'processing',
  'cookies',
  'web-beacons',
  'third-party',
];

describe('glossary', () => {
  it('defines the legal terms in all seven languages', () => {
    const ids = glossary.terms.map((t) => t.id);
    expect(new Set(ids).size, 'unique ids').to.equal(ids.length);
    expect(ids).to.include.members(REQUIRED);
    for (const term of glossary.terms) {
      expect(term.concept.trim(), term.id).not.to.equal('');
      expect(term.basis.trim(), `${term.id}: where the term comes from`).not.to.equal('');
      expect(Object.keys(term.languages).sort(), term.id).to.deep.equal([...LANGUAGES].sort());
    }
  });

  it('recognises each preferred term by its pattern, and no wrong variant matches it', () => {
    for (const term of glossary.terms) {
      for (const [language, entry] of Object.entries(term.languages)) {
        const where = `${term.id} (${language})`;
        expect(entry.preferred.trim(), where).not.to.equal('');
        expect(
          new RegExp(entry.pattern, 'iu').test(entry.preferred),
          `${where}: pattern finds "${entry.preferred}"`,
        ).to.be.true;
        for (const wrong of entry.wrong) {
          const pattern = new RegExp(
            wrong.pattern ?? wrong.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
            'iu',
          );
          expect(pattern.test(wrong.term), `${where}: wrong "${wrong.term}" finds itself`).to.be.true;
          expect(pattern.test(entry.preferred), `${where}: wrong "${wrong.term}" matches the preferred term`)
            .to.be.false;
        }
      }
    }
  });

  for (const { language, policy, ui } of locales) {
    it(`${language}: uses no wrong term in the policy or the interface strings`, () => {
      const units = [...policyUnits(policy), ...uiUnits(ui)];
      expect(units.length).to.be.greaterThan(80);
      const found = terminologyViolations(glossary, language, units).map(
        (v) => `${v.where}: "${v.wrong}" (${v.term}) in …${v.excerpt}…`,
      );
      expect(found, found.join('\n')).to.deep.equal([]);
    });
  }

  it('finds a wrong term in a policy paragraph and in an interface string', () => {
    const tr = copy(locales.find((l) => l.language === 'tr')!);
    const section = tr.policy.sections.find((s) => s.id === 'information-security')!;
    const block = section.blocks[0] as { type: 'p'; text: string };
    block.text = block.text.replace(/işisel veri/, 'işisel bilgi');
    (tr.ui as { preferences: { withdraw: string } }).preferences.withdraw = 'Onayı geri çek';
    const found = terminologyViolations(glossary, 'tr', [...policyUnits(tr.policy), ...uiUnits(tr.ui)]).map(
      (v) => `${v.where} ${v.wrong}`,
    );
    expect(found).to.have.members([
      'information-security/0 kişisel bilgi',
      'ui:preferences.withdraw onay',
      'ui:preferences.withdraw geri çekmek',
    ]);
  });
});
