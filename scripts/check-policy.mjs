#!/usr/bin/env node
// Command-line twin of test/policy/fidelity.test.ts: checks that the structured Turkmen policy
// reproduces the operator's verbatim source exactly, after the listed errata and nothing else.
// Self-contained on purpose (no deps, no TS loader): it duplicates the few lines of
// src/policy/blocks.ts, so it runs before the toolchain is installed. Keep the two in step.
//
//   node scripts/check-policy.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const readJson = (path) => JSON.parse(read(path));

const REQUIRED_SECTIONS = [
  ['introduction', 1],
  ['information-we-collect', 1],
  ['information-you-provide', 2],
  ['information-shared-by-others', 2],
  ['information-we-obtain', 2],
  ['location-data', 3],
  ['how-we-use-information', 1],
  ['access-and-control', 1],
  ['information-we-share', 1],
  ['information-security', 1],
  ['information-you-share-publicly', 1],
  ['sensitive-personal-information', 1],
  ['how-we-collect-information', 1],
  ['messages-we-may-send', 1],
  ['mail-and-push', 2],
  ['service-notices', 2],
  ['scope-of-this-policy', 1],
  ['changes', 1],
];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL_PLACEHOLDER = '{{email}}';

// --- same logic as src/policy/blocks.ts ------------------------------------------------------
function countOccurrences(haystack, needle) {
  if (needle === '') throw new Error('countOccurrences: empty needle');
  let count = 0;
  for (let from = 0; ;) {
    const at = haystack.indexOf(needle, from);
    if (at === -1) return count;
    count += 1;
    from = at + needle.length;
  }
}
function applyErrata(source, errata) {
  let text = source;
  for (const erratum of errata) {
    const found = erratum.source === '' ? 0 : countOccurrences(text, erratum.source);
    if (found !== erratum.count) {
      throw new Error(
        `Erratum "${erratum.id}": expected ${erratum.count} occurrence(s) of its source, found ${found}`,
      );
    }
    text = text.split(erratum.source).join(erratum.corrected);
  }
  return text;
}
function sourceBlocks(text) {
  const units = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (units.length > 0 && /^[0-9a-f]{16,64}$/i.test(units[units.length - 1])) units.pop();
  return units;
}
function documentBlocks(doc) {
  const fill = (text) => text.split(EMAIL_PLACEHOLDER).join(doc.contactEmail);
  const units = [fill(doc.title)];
  for (const section of doc.sections) {
    units.push(fill(section.heading));
    for (const block of section.blocks) {
      if (block.type === 'p') units.push(fill(block.text));
      else units.push(...block.items.map(fill));
    }
  }
  return units;
}
// ----------------------------------------------------------------------------------------------

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};
const show = (s) => (s === undefined ? '(none)' : JSON.stringify(s));

const source = read('locales/tk/policy.source.txt');
const { errata } = readJson('locales/errata.json');
const doc = readJson('locales/tk/policy.json');
const { notes } = readJson('locales/review-notes.json');

// Errata: well-formed, unique ids, counts right at the point of application.
check(new Set(errata.map((e) => e.id)).size === errata.length, 'errata: duplicate ids');
for (const e of errata) {
  check(KEBAB.test(e.id), `erratum ${show(e.id)}: id is not kebab-case`);
  check(typeof e.source === 'string' && e.source !== '', `erratum ${e.id}: empty source`);
  check(typeof e.corrected === 'string', `erratum ${e.id}: corrected is not a string`);
  check(e.source !== e.corrected, `erratum ${e.id}: source equals corrected`);
  check(typeof e.reason === 'string' && e.reason.trim() !== '', `erratum ${e.id}: empty reason`);
  check(Number.isInteger(e.count) && e.count > 0, `erratum ${e.id}: count must be a positive integer`);
}
let corrected;
try {
  corrected = applyErrata(source, errata);
} catch (error) {
  failures.push(error.message);
}

// Fidelity: block for block.
if (corrected !== undefined) {
  const expected = sourceBlocks(corrected);
  const actual = documentBlocks(doc);
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i += 1) {
    if (expected[i] !== actual[i]) {
      failures.push(
        `fidelity: first difference at block ${i} (source has ${expected.length} blocks, document ${actual.length})\n` +
          `  source:   ${show(expected[i])}\n  document: ${show(actual[i])}`,
      );
      break;
    }
  }
}

// Source id = last non-blank line of the source.
const lastLine = source
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter(Boolean)
  .pop();
check(doc.sourceId === lastLine, `sourceId ${show(doc.sourceId)} != last source line ${show(lastLine)}`);
check(doc.language === 'tk', `language ${show(doc.language)} != "tk"`);

// Sections: unique kebab-case ids, required order and levels.
const ids = doc.sections.map((s) => s.id);
check(new Set(ids).size === ids.length, `section ids not unique: ${ids.join(', ')}`);
for (const id of ids) check(KEBAB.test(id), `section id ${show(id)} is not kebab-case`);
check(
  JSON.stringify(doc.sections.map((s) => [s.id, s.level])) === JSON.stringify(REQUIRED_SECTIONS),
  `section order/levels differ from the required ones:\n  got:      ${doc.sections.map((s) => `${s.id}(${s.level})`).join(' ')}\n  required: ${REQUIRED_SECTIONS.map(([id, l]) => `${id}(${l})`).join(' ')}`,
);

// No empty strings anywhere; no markup; only the {{email}} placeholder.
const texts = [];
(function walk(value, path) {
  if (typeof value === 'string') {
    check(value.trim() !== '', `empty string at ${path}`);
    return;
  }
  if (Array.isArray(value)) {
    check(value.length > 0 || path.endsWith('.blocks'), `empty array at ${path}`);
    value.forEach((v, i) => walk(v, `${path}[${i}]`));
    return;
  }
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
})(doc, 'doc');
texts.push(doc.title);
for (const s of doc.sections) {
  texts.push(s.heading);
  for (const b of s.blocks) {
    check(b.type === 'p' || b.type === 'ul', `section ${s.id}: unknown block type ${show(b.type)}`);
    if (b.type === 'p') texts.push(b.text);
    else texts.push(...b.items);
  }
}
for (const t of texts) {
  check(!/<\/?[a-z!]/i.test(t), `markup in text: ${show(t.slice(0, 80))}`);
  const placeholders = t.match(/\{\{[^}]*\}\}/g) ?? [];
  for (const p of placeholders) check(p === EMAIL_PLACEHOLDER, `unknown placeholder ${p}`);
  check(!t.includes(doc.contactEmail), `literal e-mail in text: ${show(t.slice(0, 80))}`);
}
check(doc.contactEmail === 'tjshenglida@126.com', `contactEmail ${show(doc.contactEmail)}`);
check(
  texts.some((t) => t.includes(EMAIL_PLACEHOLDER)),
  'the {{email}} placeholder does not appear',
);

// Reviewer notes: unique ids, existing section, passage in that section's text.
check(new Set(notes.map((n) => n.id)).size === notes.length, 'notes: duplicate ids');
const sectionText = new Map(
  doc.sections.map((s) => [
    s.id,
    [s.heading, ...s.blocks.flatMap((b) => (b.type === 'p' ? [b.text] : b.items))].join('\n'),
  ]),
);
for (const n of notes) {
  const text = sectionText.get(n.sectionId);
  check(text !== undefined, `note ${n.id}: unknown section ${show(n.sectionId)}`);
  check(
    !!n.passage && text?.includes(n.passage),
    `note ${n.id}: passage not found in ${n.sectionId}: ${show(n.passage)}`,
  );
  check(typeof n.note === 'string' && n.note.trim() !== '', `note ${n.id}: empty note`);
}

// UI strings: every value a non-empty string.
try {
  const ui = readJson('locales/tk/ui.json');
  (function walk(value, path) {
    if (typeof value === 'string') check(value.trim() !== '', `ui.json: empty string at ${path}`);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    else failures.push(`ui.json: non-string value at ${path}`);
  })(ui, 'ui');
} catch (error) {
  failures.push(`ui.json: ${error.message}`);
}

if (failures.length > 0) {
  console.error(`check-policy: ${failures.length} problem(s)\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
const blockCount = documentBlocks(doc).length;
console.log(
  `check-policy: OK — ${doc.sections.length} sections, ${blockCount} blocks, ${errata.length} errata, ${notes.length} notes`,
);
