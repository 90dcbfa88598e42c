/** Translation status per language: what the translators declared in meta, and what actually loaded. */
import { languageRow, type LanguageData, type UiTree } from './data.js';
import { h } from './dom.js';

function meta(ui: UiTree | null, field: string): string {
  const block = ui?.meta;
  const value = block && typeof block === 'object' ? block[field] : undefined;
  return typeof value === 'string' ? value : '';
}

export function renderStatusTable(languages: LanguageData[]): HTMLTableElement {
  return h(
    'table',
    { class: 'status-table', id: 'status-table' },
    h('caption', {}, 'Translation status (from each language’s ui.json meta)'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Language', 'Status', 'Note', 'Date', 'Direction', 'Policy sections', 'Problems'].map((label) =>
          h('th', { scope: 'col' }, label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      languages.map((language) =>
        languageRow(
          language,
          h(
            'td',
            {},
            h(
              'span',
              { class: `status status-${meta(language.ui, 'status') || 'unknown'}` },
              meta(language.ui, 'status') || 'unknown',
            ),
          ),
          h('td', { lang: language.code, dir: language.dir }, meta(language.ui, 'statusNote')),
          h('td', {}, meta(language.ui, 'date')),
          h('td', {}, language.dir),
          h('td', {}, String(language.policy?.sections.length ?? 0)),
          h(
            'td',
            { class: language.problems.length ? 'problem' : '' },
            language.problems.join('; ') || 'none',
          ),
        ),
      ),
    ),
  );
}
