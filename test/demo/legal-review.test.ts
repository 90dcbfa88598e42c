/** The legal review page: all languages aligned, every erratum marked, the string table complete. */
import { expect } from '@open-wc/testing';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { DEFAULT_CONSENT_MODE } from '../../src/core/signals.js';
import { DEFAULT_POLICY_VERSION } from '../../src/core/policy-version.generated.js';
import type { Erratum, PolicyDocument, ReviewerNote } from '../../src/policy/types.js';
import errataJson from '../../locales/errata.json';
import notesJson from '../../locales/review-notes.json';
import tkUi from '../../locales/tk/ui.json';
import tkPolicy from '../../locales/tk/policy.json';
import { loadDemo, removeDemos, waitFor, type LoadedDemo } from './helpers.js';

const errata = (errataJson as unknown as { errata: Erratum[] }).errata;
const notes = (notesJson as unknown as { notes: ReviewerNote[] }).notes;
const sectionCount = (tkPolicy as unknown as PolicyDocument).sections.length;

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

  it('places every reviewer note at its section, with the passage marked', () => {
    const view = demo.doc.getElementById('notes-view')!;
    for (const note of notes) {
      const section = view.querySelector(`[data-section="${note.sectionId}"]`)!;
      expect(section.querySelector(`li[id="${note.id}"]`), note.id).to.exist;
      expect(section.querySelector(`mark[data-note="${note.id}"]`)?.textContent, note.id).to.contain(
        note.passage,
      );
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
