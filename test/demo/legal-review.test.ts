/**
 * The legal review page: open questions, the divergence report and the glossary first; then all languages
 * aligned, every erratum marked, every former reviewer note with its outcome, the string table complete.
 */
import { expect } from '@open-wc/testing';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { DEFAULT_CONSENT_MODE } from '../../src/core/signals.js';
import { DEFAULT_POLICY_VERSION } from '../../src/core/policy-version.generated.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum, ReviewerNote } from '../../demo/review/types.js';
import errataJson from '../../locales/errata.json';
import notesJson from '../../locales/review-notes.json';
import glossaryJson from '../../locales/glossary.json';
import tkUi from '../../locales/tk/ui.json';
import tkPolicy from '../../locales/tk/policy.json';
import { loadDemo, removeDemos, waitFor, type LoadedDemo } from './helpers.js';

const errata = (errataJson as unknown as { errata: Erratum[] }).errata;
const notes = (notesJson as unknown as { notes: ReviewerNote[] }).notes;
const sectionCount = (tkPolicy as unknown as PolicyDocument).sections.length;
const glossaryTerms = (glossaryJson as unknown as { terms: { id: string }[] }).terms;
const openNotes = notes.filter((n) => n.resolution.status === 'open');

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

describe('demo/legal-review.html', () => {
  let demo: LoadedDemo;

  before(async () => {
    localStorage.removeItem('razylyk:legal-review-preview');
    demo = await loadDemo('legal-review.html', 'languages=all');
    await waitFor(() => demo.doc.documentElement.dataset.reviewReady === 'true', 'the review page', 30000);
  });
  after(removeDemos);

  it('shows the policy version, the source id and the status of all seven languages', () => {
    const { doc } = demo;
    expect(doc.getElementById('policy-version')!.textContent).to.equal(DEFAULT_POLICY_VERSION);
    expect(doc.getElementById('source-id')!.textContent).to.equal(
      (tkPolicy as { sourceId: string }).sourceId,
    );
    const rows = [...doc.querySelectorAll<HTMLTableRowElement>('#status-table tbody tr')];
    expect(rows.map((row) => row.dataset.lang)).to.deep.equal(LANGUAGES.map((l) => l.code));
    for (const row of rows) {
      expect(row.cells[1].textContent, row.dataset.lang).to.match(
        /^(source|machine-translation|reviewed|human-translation|draft)/,
      );
      expect(row.cells[3].textContent, row.dataset.lang).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.cells[6].textContent, row.dataset.lang).to.equal('none');
    }
  });

  it('leads with the open questions and the divergence report, then the glossary, then the text', () => {
    const order = [...demo.doc.querySelectorAll<HTMLElement>('main > section.review-section')].map(
      (s) => s.id,
    );
    expect(order.slice(0, 4)).to.deep.equal(['open-questions', 'divergence', 'glossary', 'side-by-side']);
  });

  it('asks who the data controller is when none is configured, and shows every open note with its marks', () => {
    const { doc } = demo;
    const controller = doc.querySelector('[data-question="controller"]')!;
    expect(controller.className).to.contain('open');
    expect(controller.textContent).to.contain('No data controller is named');
    expect(doc.getElementById('controller-fact')!.textContent).to.contain('not configured');
    const questions = [...doc.querySelectorAll<HTMLElement>('#questions-view .question.open')];
    expect(questions.map((q) => q.dataset.question)).to.deep.equal([
      'controller',
      ...openNotes.map((n) => n.id),
    ]);
    for (const note of openNotes) {
      const item = doc.querySelector(`[data-question="${note.id}"]`)!;
      const cells = [...item.querySelectorAll<HTMLElement>('.marks-table td[data-lang]')];
      expect(cells.map((c) => c.dataset.lang)).to.deep.equal(
        LANGUAGES.map((l) => l.code).filter((c) => c !== 'tk'),
      );
      for (const cell of cells) {
        const mark = note.resolution.translations![cell.dataset.lang!];
        expect(cell.dataset.mark, `${note.id} ${cell.dataset.lang}`).to.equal(mark.mark);
        expect(cell.querySelector('q')!.textContent).to.equal(mark.rendering);
      }
    }
    expect(doc.getElementById('open-count')!.textContent).to.match(
      new RegExp(`^${openNotes.length + 1} open`),
    );
  });

  it('reports zero silent divergences and no wrong term for every language, and what became of every note', () => {
    const { doc } = demo;
    const verdict = doc.getElementById('divergence-verdict')!;
    const problems = [
      doc.getElementById('note-problems')?.textContent ?? '',
      ...[...doc.querySelectorAll('#divergence-table li.problem')].map(
        (li) => li.closest('tr')!.dataset.lang + ' ' + li.textContent,
      ),
    ].join('; ');
    expect(verdict.className, `${verdict.textContent} ${problems}`).to.contain('ok');
    expect(doc.getElementById('divergence-verdict')!.textContent).to.contain('0 silent divergences');
    const rows = [...doc.querySelectorAll<HTMLTableRowElement>('#divergence-table tbody tr')];
    expect(rows.map((r) => r.dataset.lang)).to.deep.equal(LANGUAGES.map((l) => l.code));
    for (const row of rows.slice(1))
      expect(row.querySelector('.silent-count')!.textContent, row.dataset.lang).to.equal('0');
    for (const row of rows)
      expect(row.querySelector('.term-count')!.textContent, row.dataset.lang).to.equal('0');
    const outcomes = [...doc.querySelectorAll<HTMLTableRowElement>('#outcomes-table tbody tr')];
    expect(outcomes.map((r) => r.dataset.note)).to.deep.equal(notes.map((n) => n.id));
    for (const row of outcomes) {
      const note = notes.find((n) => n.id === row.dataset.note)!;
      expect(row.dataset.outcome, note.id).to.equal(note.resolution.status);
      expect(row.querySelectorAll('td[data-lang]').length).to.equal(LANGUAGES.length - 1);
    }
  });

  it('prints the glossary: every term, every language, the wrong variants struck through', () => {
    const rows = [...demo.doc.querySelectorAll<HTMLTableRowElement>('#glossary-table tbody tr')];
    expect(rows.map((r) => r.dataset.term)).to.deep.equal(glossaryTerms.map((t) => t.id));
    for (const row of rows) {
      expect(row.querySelectorAll('td .preferred').length, row.dataset.term).to.equal(LANGUAGES.length);
    }
    const turkish = demo.doc.querySelector(
      '#glossary-table tr[data-term="personal-data"] td[data-lang="tr"]',
    )!;
    expect(turkish.querySelector('.preferred')!.textContent).to.equal('kişisel veri');
    expect(turkish.querySelector('del')!.textContent).to.equal('kişisel bilgi');
  });

  it('aligns all seven languages section by section and block by block', () => {
    const table = demo.doc.getElementById('policy-table')!;
    const columns = [...table.querySelectorAll<HTMLElement>('thead th[data-lang]')].map(
      (th) => th.dataset.lang,
    );
    expect(columns).to.deep.equal(LANGUAGES.map((l) => l.code));
    for (const code of columns) {
      expect(table.querySelectorAll(`td.section-heading[data-lang="${code}"]`).length, code).to.equal(
        sectionCount,
      );
    }
    expect(table.querySelectorAll('td.missing').length, 'missing sections or blocks').to.equal(0);
    for (const row of table.querySelectorAll('tbody tr')) {
      expect(row.querySelectorAll('td[data-lang]').length).to.equal(LANGUAGES.length);
    }
    const arabic = table.querySelector<HTMLElement>('td.section-heading[data-lang="ar"]')!;
    expect(arabic.dir).to.equal('rtl');
  });

  it('compares two languages when "All languages" is off', async () => {
    const { doc } = demo;
    const all = doc.getElementById('compare-all') as HTMLInputElement;
    all.click();
    const second = doc.getElementById('compare-b') as HTMLSelectElement;
    second.value = 'ar';
    second.dispatchEvent(new Event('change'));
    const columns = [...doc.querySelectorAll<HTMLElement>('#policy-table thead th[data-lang]')].map(
      (th) => th.dataset.lang,
    );
    expect(columns).to.deep.equal(['tk', 'ar']);
    all.click();
    expect(doc.querySelectorAll('#policy-table thead th[data-lang]').length).to.equal(7);
  });

  it('marks every erratum in the source and in the correction, with its reason', () => {
    const view = demo.doc.getElementById('errata-view')!;
    expect(view.querySelectorAll('mark').length).to.be.at.least(errata.length * 2);
    for (const erratum of errata) {
      const card = view.querySelector(`[data-erratum="${erratum.id}"]`)!;
      expect(card, erratum.id).to.exist;
      expect(card.querySelectorAll('mark.erratum-source').length, erratum.id).to.equal(erratum.count);
      expect(card.querySelectorAll('mark.erratum-corrected').length, erratum.id).to.equal(erratum.count);
      expect(card.querySelector('.reason')!.textContent).to.equal(erratum.reason);
    }
    expect(demo.doc.getElementById('fidelity-verdict')!.className).to.contain('ok');
  });

  it('places every reviewer note at its section: open passages marked, corrected ones linked to their errata', () => {
    const view = demo.doc.getElementById('notes-view')!;
    for (const note of notes) {
      const section = view.querySelector(`[data-section="${note.sectionId}"]`)!;
      const item = section.querySelector(`li[id="${note.id}"]`)!;
      expect(item, note.id).to.exist;
      if (note.resolution.status === 'open') {
        expect(section.querySelector(`mark[data-note="${note.id}"]`)?.textContent, note.id).to.contain(
          note.passage,
        );
      } else {
        const links = [...item.querySelectorAll<HTMLAnchorElement>('.outcome a')].map((a) => a.hash.slice(1));
        expect(links, note.id).to.deep.equal(note.resolution.errata.map((id) => `erratum-${id}`));
        for (const id of links) expect(demo.doc.getElementById(id), id).to.exist;
      }
    }
  });

  it('lists every banner and preferences string of every language, purposes linked to the policy', () => {
    const { doc } = demo;
    const rows = [...doc.querySelectorAll<HTMLElement>('#strings-table tbody tr')];
    expect(rows.map((row) => row.dataset.key)).to.deep.equal(leafKeys(tkUi));
    for (const row of rows) {
      const cells = [...row.querySelectorAll('td[data-lang]')];
      expect(cells.length, row.dataset.key).to.equal(LANGUAGES.length);
      for (const cell of cells)
        expect(cell.textContent!.trim(), `${row.dataset.key} ${cell.getAttribute('data-lang')}`).not.to.equal(
          '',
        );
      expect(row.querySelectorAll('td.missing').length, row.dataset.key).to.equal(0);
    }
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('#strings-table a[data-policy-link]')];
    expect(links.length).to.equal(5);
    for (const link of links) {
      const target = doc.getElementById(decodeURIComponent(link.hash.slice(1)));
      expect(target, link.hash).to.exist;
    }
  });

  it('previews the real banner in the chosen language, layout and theme', async () => {
    const { doc } = demo;
    const language = doc.getElementById('preview-lang') as HTMLSelectElement;
    const layout = doc.getElementById('preview-layout') as HTMLSelectElement;
    language.value = 'ar';
    layout.value = 'box';
    layout.dispatchEvent(new Event('change', { bubbles: true }));
    const banner = doc.querySelector('#preview-stage razylyk-banner')!;
    expect(banner.getAttribute('layout')).to.equal('box');
    const surface = await waitFor(
      () => banner.shadowRoot?.querySelector<HTMLElement>('[part=banner]'),
      'the preview banner',
    );
    await waitFor(() => surface.getAttribute('lang') === 'ar', 'the Arabic banner');
    expect(surface.getAttribute('dir')).to.equal('rtl');
    expect(surface.className).to.contain('layout-box');
  });

  it('documents the stored record with a live example and the Consent Mode mapping', () => {
    const { doc } = demo;
    const example = JSON.parse(doc.getElementById('example-record')!.textContent!);
    expect(example.schema).to.equal(1);
    expect(example.id).to.match(/^[0-9a-f-]{36}$/);
    expect(example.choices).to.include({ necessary: true, cookies: true, web_beacons: false });
    const types = [...doc.querySelectorAll('#consent-mode tbody th')].map((th) => th.textContent);
    expect(types).to.deep.equal(['security_storage', ...Object.keys(DEFAULT_CONSENT_MODE)]);
    expect(doc.getElementById('record-fields')!.querySelectorAll('tbody tr').length).to.equal(
      Object.keys(example).length,
    );
  });
  it('lists every purpose’s declarations, razylyk’s own record under necessary, every language of each text', () => {
    const { doc } = demo;
    for (const id of ['necessary', 'cookies', 'web_beacons', 'location', 'ad_personalization']) {
      const table = doc.getElementById(`declarations-${id}`);
      expect(table, id).to.not.equal(null);
      expect(table!.querySelectorAll('tbody tr').length, id).to.be.greaterThan(0);
    }
    const necessary = [...doc.querySelectorAll('#declarations-necessary tbody th')].map(
      (th) => th.textContent,
    );
    expect(necessary).to.deep.equal(['razylyk:consent', 'qiming_session']);
    const cookies = doc.querySelector('#declarations-cookies tbody tr')!.textContent!;
    expect(cookies).to.include('qiming_demo_*').and.include('en: Remembers').and.include('de: Merkt');
  });
});

describe('demo/legal-review.html with a configured controller', () => {
  after(removeDemos);

  it('shows the controller facts instead of the open question', async () => {
    const query = new URLSearchParams({
      'controller-name': 'Qiming LLC',
      'controller-address': 'Ashgabat',
      'controller-contact': 'privacy@qiming.example',
    }).toString();
    const demo = await loadDemo('legal-review.html', query);
    await waitFor(() => demo.doc.documentElement.dataset.reviewReady === 'true', 'the review page', 30000);
    const item = demo.doc.querySelector('[data-question="controller"]')!;
    expect(item.className).to.contain('answered');
    expect(item.textContent).to.contain('Qiming LLC');
    expect(item.textContent).to.contain('privacy@qiming.example');
    expect(demo.doc.getElementById('controller-fact')!.textContent).to.equal('Qiming LLC');
    expect(demo.doc.getElementById('open-count')!.textContent).to.match(
      new RegExp(`^${openNotes.length} open`),
    );
  });
});
