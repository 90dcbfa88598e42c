/**
 * The Turkmen source against the corrected Turkmen. Each erratum is replayed exactly as
 * ./blocks.ts applies it (in order, every occurrence), so what a reviewer reads here is
 * what produced locales/tk/policy.json; the reviewer notes sit at the sections they concern.
 */
import { applyErrata, documentBlocks, sourceBlocks } from './blocks.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { Erratum, ReviewerNote } from './types.js';
import { h, markText, withEmail, type Child } from './dom.js';

const CONTEXT_CHARS = 90;

interface Occurrence {
  before: string;
  after: string;
}

/** The occurrences of an erratum's source in the text it is applied to, with context either side. */
function occurrences(text: string, erratum: Erratum): Occurrence[] {
  const found: Occurrence[] = [];
  if (erratum.source === '') return found;
  let from = 0;
  for (;;) {
    const at = text.indexOf(erratum.source, from);
    if (at === -1) return found;
    const end = at + erratum.source.length;
    found.push({
      before: text.slice(Math.max(0, at - CONTEXT_CHARS), at),
      after: text.slice(end, end + CONTEXT_CHARS),
    });
    from = end;
  }
}

function snippet(before: string, marked: HTMLElement, after: string): HTMLElement {
  return h(
    'p',
    { class: 'snippet', lang: 'tk' },
    before.length >= CONTEXT_CHARS ? '…' : '',
    before,
    marked,
    after,
    '…',
  );
}

function erratumCard(erratum: Erratum, index: number, text: string): HTMLElement {
  const found = occurrences(text, erratum);
  return h(
    'article',
    { class: 'erratum', id: `erratum-${erratum.id}`, 'data-erratum': erratum.id },
    h(
      'h4',
      {},
      `${index + 1}. `,
      h('code', {}, erratum.id),
      h('span', { class: 'count' }, ` ×${erratum.count}`),
    ),
    h('p', { class: 'reason' }, erratum.reason),
    found.length !== erratum.count
      ? h('p', { class: 'problem' }, `Expected ${erratum.count} occurrence(s), found ${found.length}.`)
      : null,
    found.map((occurrence) =>
      h(
        'div',
        { class: 'compare' },
        h(
          'div',
          {},
          h('h5', {}, 'Source (as received)'),
          snippet(occurrence.before, markText(erratum.source, 'erratum-source'), occurrence.after),
        ),
        h(
          'div',
          {},
          h('h5', {}, 'Corrected'),
          snippet(occurrence.before, markText(erratum.corrected, 'erratum-corrected'), occurrence.after),
        ),
      ),
    ),
  );
}

/** Replays the errata one by one; the fidelity verdict compares the result with the structured document. */
export function renderErrata(
  source: string | null,
  errata: Erratum[],
  doc: PolicyDocument | null,
): HTMLElement {
  if (source === null) return h('p', { class: 'problem' }, 'The Turkmen source text could not be loaded.');
  let text = source;
  const cards: HTMLElement[] = [];
  let failure: string | undefined;
  errata.forEach((erratum, index) => {
    cards.push(erratumCard(erratum, index, text));
    try {
      text = applyErrata(text, [erratum]);
    } catch (err) {
      failure ??= String(err);
    }
  });
  let verdict: Child;
  if (failure) verdict = h('p', { class: 'problem' }, `Errata do not apply: ${failure}`);
  else if (!doc) verdict = h('p', { class: 'problem' }, 'The Turkmen policy document is missing.');
  else {
    const expected = sourceBlocks(text);
    const actual = documentBlocks(doc);
    const same = expected.length === actual.length && expected.every((unit, i) => unit === actual[i]);
    verdict = h(
      'p',
      { class: same ? 'verdict ok' : 'verdict problem', id: 'fidelity-verdict' },
      same
        ? `Fidelity check passed: the source with these ${errata.length} errata equals the structured Turkmen policy, unit for unit (${actual.length} units).`
        : `Fidelity check FAILED: the corrected source has ${expected.length} units, the structured policy ${actual.length}.`,
    );
  }
  return h('div', { class: 'errata' }, verdict, cards);
}

/** A text with every note passage it contains marked; returns the nodes and the notes it placed. */
function markPassages(text: string, notes: ReviewerNote[], email: string, placed: Set<string>): Child[] {
  const hits = notes
    .filter((note) => !placed.has(note.id) && text.includes(note.passage))
    .map((note) => ({ note, at: text.indexOf(note.passage) }))
    .sort((a, b) => a.at - b.at);
  const nodes: Child[] = [];
  let position = 0;
  for (const { note, at } of hits) {
    if (at < position) continue; // overlapping passages: the note is still listed below the section
    nodes.push(...withEmail(text.slice(position, at), email));
    nodes.push(
      h(
        'mark',
        { class: 'note-mark', 'data-note': note.id },
        note.passage,
        h('sup', {}, h('a', { href: `#${note.id}` }, `[${note.id.split('-').pop()}]`)),
      ),
    );
    placed.add(note.id);
    position = at + note.passage.length;
  }
  nodes.push(...withEmail(text.slice(position), email));
  return nodes;
}

export function renderAnnotatedTurkmen(doc: PolicyDocument | null, notes: ReviewerNote[]): HTMLElement {
  if (!doc) return h('p', { class: 'problem' }, 'The Turkmen policy document is missing.');
  const sections = doc.sections.map((section) => {
    // Corrected notes' passages are gone from this text: they are listed with their errata, not marked.
    const sectionNotes = notes.filter((note) => note.sectionId === section.id);
    const openNotes = sectionNotes.filter((note) => note.resolution?.status === 'open');
    const placed = new Set<string>();
    const heading = h(
      `h${Math.min(section.level + 2, 6)}` as 'h3',
      { lang: 'tk' },
      markPassages(section.heading, openNotes, doc.contactEmail, placed),
    );
    const blocks = section.blocks.map((block) =>
      block.type === 'p'
        ? h('p', { lang: 'tk' }, markPassages(block.text, openNotes, doc.contactEmail, placed))
        : h(
            'ul',
            { lang: 'tk' },
            block.items.map((item) => h('li', {}, markPassages(item, openNotes, doc.contactEmail, placed))),
          ),
    );
    const aside = sectionNotes.length
      ? h(
          'aside',
          { class: 'notes', 'aria-label': `Reviewer notes on ${section.id}` },
          h('h5', {}, `Reviewer notes (${sectionNotes.length})`),
          h(
            'ol',
            {},
            sectionNotes.map((note) =>
              h(
                'li',
                { id: note.id },
                h('q', { lang: 'tk' }, note.passage),
                ' — ',
                note.note,
                note.resolution?.status === 'corrected'
                  ? h(
                      'strong',
                      { class: 'outcome' },
                      ' Corrected by ',
                      note.resolution.errata.flatMap((id, i) => [
                        i ? ', ' : '',
                        h('a', { href: `#erratum-${id}` }, id),
                      ]),
                      '.',
                    )
                  : h('strong', { class: 'outcome' }, ' Open question (see 1).'),
                note.resolution?.status === 'open' && !placed.has(note.id)
                  ? h('em', {}, ' (passage not found in this section)')
                  : null,
              ),
            ),
          ),
        )
      : null;
    return h(
      'section',
      { class: 'annotated-section', 'data-section': section.id },
      h('p', { class: 'section-id' }, h('code', {}, section.id)),
      heading,
      blocks,
      aside,
    );
  });
  return h('div', { class: 'annotated' }, h('h3', { lang: 'tk' }, doc.title), sections);
}
