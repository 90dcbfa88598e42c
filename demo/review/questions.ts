/**
 * What the review page leads with: the open questions (the operator's facts and every reviewer note
 * kept open, each translation marked as following or departing), the divergence report (zero silent
 * divergences is the verdict), every former reviewer note with what became of it, and the glossary.
 * The rules are those of the tests (./divergence.ts, ./glossary.ts).
 */
import type { ControllerFacts } from '../../src/core/controller-facts.js';
import type { Glossary } from './glossary.js';
import { languageReport, noteProblems, type LanguageReport } from './divergence.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum, ReviewerNote } from './types.js';
import { languageRow, type LanguageData } from './data.js';
import { h, type Child } from './dom.js';

const translationsOf = (languages: LanguageData[]) => languages.filter((l) => l.code !== 'tk');

function markCell(language: LanguageData, note: ReviewerNote): HTMLTableCellElement {
  const mark = note.resolution.translations?.[language.code];
  if (!mark) return h('td', { 'data-lang': language.code, class: 'mark-none' }, '—');
  return h(
    'td',
    { 'data-lang': language.code, 'data-mark': mark.mark, class: `mark-${mark.mark}` },
    h('span', { class: 'mark-label' }, mark.mark === 'follows' ? 'follows the Turkmen' : 'departs'),
    h('q', { lang: language.code, dir: language.dir }, mark.rendering),
  );
}

/** The controller's facts, or the open question that they are missing. */
function controllerItem(controller: ControllerFacts | undefined): HTMLElement {
  if (controller)
    return h(
      'article',
      { class: 'question answered', id: 'question-controller', 'data-question': 'controller' },
      h('h3', {}, 'Data controller (configuration)'),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Name'),
        h('dd', {}, controller.name),
        h('dt', {}, 'Address'),
        h('dd', { class: 'controller-address' }, controller.address ?? '(not configured)'),
        h('dt', {}, 'Contact'),
        h('dd', {}, controller.contact ?? '(not configured)'),
      ),
      h('p', {}, 'Shown to visitors after the policy text in every language (option controller).'),
    );
  return h(
    'article',
    { class: 'question open', id: 'question-controller', 'data-question': 'controller' },
    h('h3', {}, 'Who is the data controller?'),
    h(
      'p',
      {},
      'No data controller is named anywhere: the policy speaks as "we" and names only "Qiming" and a contact e-mail. ' +
        'GDPR Art. 13(1)(a), KVKK Art. 10(1)(a) and 152-FZ Art. 18 require the identity and contact details of the controller. ',
      'The operator sets them as configuration: ',
      h('code', {}, 'controller: { name, address, contact }'),
      '; the policy reader then shows them in every language.',
    ),
  );
}

function questionItem(
  note: ReviewerNote,
  languages: LanguageData[],
  turkmen: PolicyDocument | null,
): HTMLElement {
  const resolution = note.resolution;
  if (resolution.status !== 'open') throw new Error(`${note.id} is not open`);
  const section = turkmen?.sections.find((s) => s.id === note.sectionId);
  return h(
    'article',
    { class: 'question open', id: `question-${note.id}`, 'data-question': note.id },
    h('h3', {}, resolution.question),
    h(
      'p',
      { class: 'question-where' },
      'Section ',
      h('a', { href: `#policy-${note.sectionId}` }, section?.heading ?? note.sectionId),
      ' — Turkmen: ',
      h('q', { lang: 'tk' }, note.passage),
    ),
    h('p', {}, note.note),
    h(
      'table',
      { class: 'marks-table' },
      h('caption', {}, 'How each translation renders it'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          translationsOf(languages).map((l) =>
            h('th', { scope: 'col', 'data-lang': l.code }, `${l.nativeName} (${l.code})`),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        h(
          'tr',
          {},
          translationsOf(languages).map((l) => markCell(l, note)),
        ),
      ),
    ),
  );
}

export function renderOpenQuestions(
  notes: ReviewerNote[],
  languages: LanguageData[],
  controller: ControllerFacts | undefined,
): HTMLElement {
  const turkmen = languages.find((l) => l.code === 'tk')?.policy ?? null;
  const open = notes.filter((n) => n.resolution?.status === 'open');
  return h(
    'div',
    { class: 'questions' },
    h(
      'p',
      { class: 'lede', id: 'open-count' },
      `${open.length + (controller ? 0 : 1)} open question(s) for the operator and the reviewing lawyer.`,
    ),
    controllerItem(controller),
    open.map((note) => questionItem(note, languages, turkmen)),
  );
}

export interface DivergenceInput {
  glossary: Glossary;
  notes: ReviewerNote[];
  errata: Erratum[];
  source: string | null;
  languages: LanguageData[];
}

/** The reports per language; null for a language whose documents did not load. */
function reports(input: DivergenceInput): Array<LanguageReport | null> {
  const tk = input.languages.find((l) => l.code === 'tk');
  return input.languages.map((language) =>
    tk?.policy && language.policy
      ? languageReport(
          input.glossary,
          { language: 'tk', policy: tk.policy, ui: tk.ui },
          { language: language.code, policy: language.policy, ui: language.ui },
          input.notes,
        )
      : null,
  );
}

export function renderDivergence(input: DivergenceInput): HTMLElement {
  const all = reports(input);
  const silent = all.reduce((n, r) => n + (r?.silent.length ?? 0), 0);
  const wrongTerms = all.reduce((n, r) => n + (r?.terminology.length ?? 0), 0);
  const missing = all.filter((r) => r === null).length;
  const turkmen = input.languages.find((l) => l.code === 'tk')?.policy ?? null;
  const translations = input.languages.filter((l) => l.code !== 'tk' && l.policy).map((l) => l.policy!);
  const problems =
    input.source !== null && turkmen
      ? input.notes.flatMap((note) =>
          noteProblems(note, { source: input.source!, errata: input.errata, turkmen, translations }).map(
            (p) => `${note.id}: ${p}`,
          ),
        )
      : ['the Turkmen source or document could not be loaded'];
  const ok = silent === 0 && wrongTerms === 0 && missing === 0 && problems.length === 0;
  const corrected = input.notes.filter((n) => n.resolution?.status === 'corrected').length;

  const verdict = h(
    'p',
    { class: ok ? 'verdict ok' : 'verdict problem', id: 'divergence-verdict' },
    ok
      ? `Divergence check passed: ${silent} silent divergences in ${translationsOf(input.languages).length} translations, no wrong legal term, and all ${input.notes.length} reviewer notes resolved (${corrected} promoted to recorded corrections, ${input.notes.length - corrected} open questions).`
      : `Divergence check FAILED: ${silent} silent divergence(s), ${wrongTerms} wrong term(s), ${problems.length} unresolved note problem(s)${missing ? `, ${missing} language(s) not loaded` : ''}.`,
  );

  const rows = input.languages.map((language, i) => {
    const report = all[i];
    const details = report
      ? [
          ...report.silent.map((d) =>
            h(
              'li',
              { class: 'problem' },
              h('code', {}, d.where),
              `: "${d.term}" ${d.source ? 'in the Turkmen, missing here' : 'here, not in the Turkmen'} (silent)`,
            ),
          ),
          ...report.marked.map((d) =>
            h(
              'li',
              {},
              h('code', {}, d.where),
              `: "${d.term}" departs, marked by `,
              h('a', { href: `#question-${d.note}` }, d.note),
            ),
          ),
          ...report.terminology.map((v) =>
            h('li', { class: 'problem' }, h('code', {}, v.where), `: wrong term "${v.wrong}" (${v.term})`),
          ),
        ]
      : [h('li', { class: 'problem' }, 'documents not loaded')];
    return languageRow(
      language,
      h(
        'td',
        { class: 'silent-count' },
        language.code === 'tk' ? '(source)' : String(report?.silent.length ?? '?'),
      ),
      h('td', {}, String(report?.marked.length ?? '?')),
      h('td', { class: 'term-count' }, String(report?.terminology.length ?? '?')),
      h('td', {}, details.length ? h('ul', {}, details) : 'none'),
    );
  });

  return h(
    'div',
    { class: 'divergence' },
    verdict,
    h(
      'table',
      { class: 'divergence-table', id: 'divergence-table' },
      h(
        'caption',
        {},
        'Glossary terms compared with the Turkmen, unit by unit (policy and interface strings)',
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Language', 'Silent divergences', 'Marked departures', 'Wrong terms', 'Details'].map((label) =>
            h('th', { scope: 'col' }, label),
          ),
        ),
      ),
      h('tbody', {}, rows),
    ),
    problems.length
      ? h(
          'ul',
          { class: 'problem', id: 'note-problems' },
          problems.map((p) => h('li', {}, p)),
        )
      : null,
  );
}

/** Every former reviewer note with what became of it, and how each translation renders it. */
export function renderNoteOutcomes(notes: ReviewerNote[], languages: LanguageData[]): HTMLTableElement {
  const translations = translationsOf(languages);
  return h(
    'table',
    { class: 'outcomes-table', id: 'outcomes-table' },
    h('caption', {}, `What became of each reviewer note (${notes.length})`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Note'),
        h('th', { scope: 'col' }, 'Outcome'),
        translations.map((l) => h('th', { scope: 'col', 'data-lang': l.code }, l.code)),
      ),
    ),
    h(
      'tbody',
      {},
      notes.map((note) => {
        const resolution = note.resolution;
        const outcome: Child[] =
          resolution?.status === 'corrected'
            ? [
                'Recorded correction: ',
                ...resolution.errata.flatMap((id, k) => [
                  k ? ', ' : '',
                  h('a', { href: `#erratum-${id}` }, id),
                ]),
              ]
            : resolution?.status === 'open'
              ? ['Open question: ', h('a', { href: `#question-${note.id}` }, resolution.question)]
              : [h('span', { class: 'problem' }, 'unresolved')];
        return h(
          'tr',
          { 'data-note': note.id, 'data-outcome': resolution?.status ?? 'none' },
          h('th', { scope: 'row' }, h('code', {}, note.id)),
          h('td', {}, outcome),
          translations.map((l) => {
            const mark = resolution?.translations?.[l.code];
            if (mark) return markCell(l, note);
            return h(
              'td',
              { 'data-lang': l.code, class: 'mark-none' },
              resolution?.status === 'corrected' ? 'not quoted; its glossary terms are compared' : '—',
            );
          }),
        );
      }),
    ),
  );
}

export function renderGlossary(glossary: Glossary, languages: LanguageData[]): HTMLTableElement {
  return h(
    'table',
    { class: 'glossary-table', id: 'glossary-table' },
    h('caption', {}, `Glossary: ${glossary.terms.length} legal terms; struck-through variants are wrong`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'row-label' }, 'Term'),
        languages.map((l) =>
          h('th', { scope: 'col', lang: l.code, 'data-lang': l.code }, `${l.nativeName} (${l.code})`),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      glossary.terms.map((term) =>
        h(
          'tr',
          { 'data-term': term.id },
          h(
            'th',
            { scope: 'row', class: 'row-label' },
            h('strong', {}, term.concept),
            h('span', { class: 'basis' }, term.basis),
            term.align ? h('span', { class: 'basis' }, 'compared unit by unit with the Turkmen') : null,
          ),
          languages.map((l) => {
            const entry = term.languages[l.code];
            if (!entry) return h('td', { 'data-lang': l.code, class: 'missing' }, `(missing in ${l.code})`);
            return h(
              'td',
              { 'data-lang': l.code, lang: l.code, dir: l.dir },
              h('span', { class: 'preferred' }, entry.preferred),
              entry.wrong.map((w) => h('del', { title: w.why ?? 'wrong', class: 'wrong' }, w.term)),
              entry.note ? h('small', { class: 'basis', lang: 'en', dir: 'ltr' }, entry.note) : null,
            );
          }),
        ),
      ),
    ),
  );
}
