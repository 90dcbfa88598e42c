/**
 * What each purpose stores or shares, as the sample site declares it (demo/site-purposes.ts) and as the
 * preferences and the policy reader show it: one table per purpose, every language of each text.
 */
import { DEFAULT_PURPOSES, type Declaration, type PurposeInput } from '../../src/core/types.js';
import { declarationsOf } from '../../src/ui/declarations.js';
import { h } from './dom.js';

const KINDS: Record<Declaration['kind'], string> = {
  cookie: 'Cookie',
  storage: 'Local storage',
  'third-party': 'Third party',
};

/** Every language's text, `en: …` per line. */
function allLanguages(value: Declaration['duration'] | Declaration['description']): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return `${value} days`;
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([language, text]) => `${language}: ${text}`)
    .join('\n');
}

export function renderDeclarations(purposes: PurposeInput[]): HTMLElement {
  const config = { purposes };
  return h(
    'div',
    { class: 'declarations-review' },
    DEFAULT_PURPOSES.map((id) => {
      const declared = declarationsOf({ config }, id);
      return h(
        'table',
        { class: 'info-table', id: `declarations-${id}` },
        h('caption', {}, id),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Name', 'Type', 'Provider', 'Duration', 'Description'].map((label) =>
              h('th', { scope: 'col' }, label),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          declared.map((entry) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, h('code', {}, entry.name)),
              h('td', {}, KINDS[entry.kind]),
              h('td', {}, entry.provider ?? ''),
              h('td', { class: 'pre-line' }, allLanguages(entry.duration)),
              h(
                'td',
                { class: 'pre-line' },
                entry.builtIn
                  ? 'razylyk’s own record: the consent decision (UI string declarations.consentRecord, section 5).'
                  : allLanguages(entry.description),
              ),
            ),
          ),
        ),
      );
    }),
  );
}
