/**
 * Every banner and preferences string of every language in one table: a row per key of the source
 * language's ui.json, a column per language. Purpose rows link to the policy passage they rest on.
 */
import { resolvePurposes } from '../../src/core/purposes.js';
import { POLICY_ANCHORS } from '../../src/policy/anchors.js';
import { flatten, type LanguageData } from './data.js';
import { h } from './dom.js';

/** Where a purpose's policy basis is in the side-by-side table: a section row or an anchored block. */
export function policyTarget(policySection: string): { href: string; label: string } {
  const anchor = POLICY_ANCHORS[policySection];
  if (anchor) {
    const item = anchor.item === undefined ? '' : `, item ${anchor.item + 1}`;
    return {
      href: `#anchor-${policySection}`,
      label: `${anchor.section}, block ${anchor.block + 1}${item} (#${policySection})`,
    };
  }
  return { href: `#policy-${policySection}`, label: policySection };
}

export function renderStringsTable(languages: LanguageData[]): HTMLTableElement {
  const source = languages[0];
  const keys = source.ui ? flatten(source.ui).map(([key]) => key) : [];
  const valuesOf = new Map(
    languages.map((language) => [language.code, new Map(language.ui ? flatten(language.ui) : [])]),
  );
  const purposes = new Map(resolvePurposes(undefined).map((purpose) => [purpose.id, purpose]));

  const rows = keys.map((key) => {
    const purposeId = /^purposes\.([^.]+)\.title$/.exec(key)?.[1];
    const purpose = purposeId ? purposes.get(purposeId) : undefined;
    const target = purpose ? policyTarget(purpose.policySection) : undefined;
    return h(
      'tr',
      { 'data-key': key },
      h(
        'th',
        { scope: 'row', class: 'row-label' },
        h('code', {}, key),
        target
          ? h(
              'span',
              { class: 'basis' },
              'Rests on ',
              h('a', { href: target.href, 'data-policy-link': purpose!.policySection }, target.label),
            )
          : null,
      ),
      languages.map((language) => {
        const value = valuesOf.get(language.code)?.get(key);
        return value
          ? h('td', { 'data-lang': language.code, lang: language.code, dir: language.dir }, value)
          : h('td', { 'data-lang': language.code, class: 'missing' }, `(missing in ${language.code})`);
      }),
    );
  });

  return h(
    'table',
    { class: 'strings-table', id: 'strings-table' },
    h('caption', {}, `Banner and preferences strings: ${keys.length} keys × ${languages.length} languages`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'row-label' }, 'Key'),
        languages.map((language) =>
          h(
            'th',
            { scope: 'col', lang: language.code, 'data-lang': language.code },
            `${language.nativeName} (${language.code})`,
          ),
        ),
      ),
    ),
    h('tbody', {}, rows),
  );
}
