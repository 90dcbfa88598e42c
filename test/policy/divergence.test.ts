/**
 * No silent divergence: a translation may say something other than the Turkmen only where an open
 * question marks it, and every reviewer note is either a recorded correction or such a question.
 * The check compares the glossary's aligned terms unit by unit (demo/review/glossary.ts), so a
 * translation that says "web beacons" where the Turkmen says "web page" fails.
 */
import { expect } from '@open-wc/testing';
import { languageReport, noteProblems } from '../../demo/review/divergence.js';
import type { ReviewerNote } from '../../demo/review/types.js';
import { copy, errata, fetchSource, glossary, notes, translations, turkmen } from './helpers.js';

const describeDivergence = (d: { where: string; term: string; source: boolean; translation: boolean }) =>
  `${d.where}: "${d.term}" ${d.source ? 'in the Turkmen, not in the translation' : 'in the translation, not in the Turkmen'}`;

describe('divergence from the Turkmen', () => {
  let source: string;
  before(async () => {
    source = await fetchSource();
  });

  const context = () => ({
    source,
    errata,
    turkmen: turkmen.policy,
    translations: translations.map((t) => t.policy),
  });

  it('resolves every reviewer note: a recorded correction or a marked open question', () => {
    const problems = notes.flatMap((note) => noteProblems(note, context()).map((p) => `${note.id}: ${p}`));
    expect(problems, problems.join('\n')).to.deep.equal([]);
    const open = notes.filter((n) => n.resolution.status === 'open');
    expect(open.length, 'open questions').to.be.greaterThan(0);
    expect(notes.length - open.length, 'promoted to corrections').to.be.greaterThan(open.length);
  });

  for (const translation of translations) {
    it(`${translation.language}: departs from the Turkmen only where an open question marks it`, () => {
      const report = languageReport(glossary, turkmen, translation, notes);
      const silent = report.silent.map(describeDivergence);
      expect(silent, silent.join('\n')).to.deep.equal([]);
    });
  }

  it('finds a translation that says "web beacons" where the Turkmen says "web page"', () => {
    // The Turkmen before the correction "web-beacons-how-we-collect-own", against the English as it is.
    const tk = copy(turkmen.policy);
    const section = tk.sections.find((s) => s.id === 'how-we-collect-information')!;
    const block = section.blocks[1] as { type: 'p'; text: string };
    block.text = block.text.replace('web maýaklarymyzy', 'web sahypamyzy');
    const en = translations.find((t) => t.language === 'en')!;
    const report = languageReport(glossary, { ...turkmen, policy: tk }, en, notes);
    expect(report.silent.map(describeDivergence)).to.deep.equal([
      'how-we-collect-information/1: "web-beacons" in the translation, not in the Turkmen',
    ]);
  });

  it('finds a translation string that drops a term the Turkmen has, in the policy and in the interface', () => {
    const ru = copy(translations.find((t) => t.language === 'ru')!);
    const section = ru.policy.sections.find((s) => s.id === 'mail-and-push')!;
    const block = section.blocks[0] as { type: 'p'; text: string };
    block.text = block.text.replace('отказаться от подписки', 'выбрать подписку');
    (ru.ui as { banner: { text: string } }).banner.text = 'Мы используем данные только с вашего согласия.';
    const found = languageReport(glossary, turkmen, ru, notes).silent.map((d) => `${d.where} ${d.term}`);
    expect(found).to.include.members([
      'mail-and-push/0 unsubscribe',
      'ui:banner.text cookies',
      'ui:banner.text web-beacons',
    ]);
  });

  it('accepts a departure only where an open question marks it for that language and term', () => {
    const ar = copy(translations.find((t) => t.language === 'ar')!);
    const section = ar.policy.sections.find((s) => s.id === 'information-we-share')!;
    const block = section.blocks[1] as { type: 'p'; text: string };
    block.text = block.text.replace('ضمن ولايتك القضائية', 'في بلدك');
    expect(
      languageReport(glossary, turkmen, ar, notes).silent.map((d) => `${d.where} ${d.term}`),
    ).to.deep.equal(['information-we-share/1 jurisdiction']);
    const marked = copy(notes);
    const affiliates = marked.find((n) => n.id === 'note-information-we-share-4')!;
    if (affiliates.resolution.status !== 'open') throw new Error('the affiliates question is open');
    affiliates.resolution.translations.ar.terms = ['jurisdiction'];
    const report = languageReport(glossary, turkmen, ar, marked);
    expect(report.silent).to.deep.equal([]);
    expect(report.marked.map((d) => `${d.where} ${d.term} ${d.note}`)).to.deep.equal([
      'information-we-share/1 jurisdiction note-information-we-share-4',
    ]);
  });

  it('reports a note without a resolution, a translation without a mark and a correction not applied', () => {
    const note = (id: string) => copy(notes.find((n) => n.id === id)!);
    const unresolved = { ...note('note-changes-1'), resolution: undefined } as unknown as ReviewerNote;
    expect(noteProblems(unresolved, context())).to.deep.equal([
      'no resolution: neither promoted to a correction nor kept as an open question',
    ]);
    const unmarked = note('note-information-we-share-4');
    if (unmarked.resolution.status !== 'open') throw new Error('open');
    delete unmarked.resolution.translations.de;
    expect(noteProblems(unmarked, context())).to.deep.equal([
      'de: not marked as following or departing from the Turkmen',
    ]);
    const notApplied = note('note-mail-and-push-1');
    if (notApplied.resolution.status !== 'corrected') throw new Error('corrected');
    notApplied.resolution.errata = ['no-such-erratum'];
    expect(noteProblems(notApplied, context())).to.deep.equal(['erratum no-such-erratum does not exist']);
    notApplied.resolution.errata = ['subject-introduction'];
    expect(noteProblems(notApplied, context())).to.deep.equal([
      'erratum subject-introduction does not touch the passage',
    ]);
    const wrongQuote = note('note-mail-and-push-1');
    wrongQuote.resolution.translations!.zh.rendering = '选择订阅';
    expect(noteProblems(wrongQuote, context())).to.deep.equal([
      'zh: the quoted rendering is not in section mail-and-push',
    ]);
  });
});
