/**
 * The policy side by side: one row per block, one column per language, aligned by section id and
 * block index. A section or block one language lacks shows as a visible gap, never as a silent shift.
 */
import { anchorAt } from '../../src/policy/anchors.js';
import type { PolicyBlock, PolicyDocument, PolicySection } from '../../src/policy/types.js';
import type { LanguageData } from './data.js';
import { h, withEmail, type Child } from './dom.js';

/** Section ids in the source's order, then any a translation adds (which is a defect worth seeing). */
function sectionOrder(languages: LanguageData[]): string[] {
  const ids: string[] = [];
  for (const language of languages) {
    for (const section of language.policy?.sections ?? [])
      if (!ids.includes(section.id)) ids.push(section.id);
  }
  return ids;
}

function missingCell(language: LanguageData, what: string): HTMLTableCellElement {
  return h('td', { 'data-lang': language.code, class: 'missing' }, `(${what} missing in ${language.code})`);
}

function blockContent(block: PolicyBlock, email: string): Child {
  if (block.type === 'p') return h('p', {}, withEmail(block.text, email));
  return h(
    'ul',
    {},
    block.items.map((item) => h('li', {}, withEmail(item, email))),
  );
}

function languageCell(language: LanguageData, content: Child[], className: string): HTMLTableCellElement {
  return h(
    'td',
    { 'data-lang': language.code, lang: language.code, dir: language.dir, class: className },
    content,
  );
}

export function renderPolicyTable(languages: LanguageData[]): HTMLTableElement {
  const sectionsOf = new Map<string, Map<string, PolicySection>>();
  for (const language of languages) {
    sectionsOf.set(language.code, new Map((language.policy?.sections ?? []).map((s) => [s.id, s])));
  }
  const docOf = (language: LanguageData): PolicyDocument | null => language.policy;

  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'row-label' }, 'Section / block'),
      languages.map((language) =>
        h(
          'th',
          { scope: 'col', lang: language.code, 'data-lang': language.code },
          `${language.nativeName} (${language.code})`,
        ),
      ),
    ),
  );

  const titleRow = h(
    'tr',
    { class: 'title-row' },
    h('th', { scope: 'row', class: 'row-label' }, 'Title'),
    languages.map((language) => {
      const doc = docOf(language);
      return doc ? languageCell(language, [doc.title], 'doc-title') : missingCell(language, 'policy');
    }),
  );

  const bodies = sectionOrder(languages).map((id) => {
    const sections = languages.map((language) => sectionsOf.get(language.code)?.get(id));
    const level = sections.find(Boolean)?.level ?? 1;
    const blockCount = Math.max(0, ...sections.map((s) => s?.blocks.length ?? 0));
    const heading = h(
      'tr',
      { class: `section-row level-${level}`, id: `policy-${id}` },
      h(
        'th',
        { scope: 'row', class: 'row-label' },
        h('code', {}, id),
        h('span', { class: 'level' }, ` level ${level}`),
      ),
      languages.map((language, i) => {
        const section = sections[i];
        return section
          ? languageCell(language, [section.heading], 'section-heading')
          : missingCell(language, 'section');
      }),
    );
    const rows = Array.from({ length: blockCount }, (_, block) => {
      const anchor = anchorAt(id, block);
      const itemAnchors = [0, 1, 2, 3, 4, 5].map((item) => anchorAt(id, block, item)).filter(Boolean);
      const label = sections.find((s) => s?.blocks[block])?.blocks[block].type === 'ul' ? 'list' : '¶';
      return h(
        'tr',
        { class: 'block-row', id: anchor ? `anchor-${anchor}` : undefined },
        h(
          'th',
          { scope: 'row', class: 'row-label' },
          `${label} ${block + 1}`,
          itemAnchors.map((a) => h('span', { class: 'anchor-name', id: `anchor-${a}` }, `#${a}`)),
          anchor ? h('span', { class: 'anchor-name' }, `#${anchor}`) : null,
        ),
        languages.map((language, i) => {
          const content = sections[i]?.blocks[block];
          const doc = docOf(language);
          return content && doc
            ? languageCell(language, [blockContent(content, doc.contactEmail)], 'block')
            : missingCell(language, 'block');
        }),
      );
    });
    return h('tbody', { 'data-section': id }, heading, rows);
  });

  return h(
    'table',
    { class: 'policy-table', id: 'policy-table', 'data-columns': languages.length },
    h('caption', {}, 'The privacy policy, aligned section by section and block by block'),
    head,
    h('tbody', {}, titleRow),
    bodies,
  );
}
