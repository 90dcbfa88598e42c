// Regenerates locales/tk/policy.json from the verbatim source and the listed errata, or checks that it
// is up to date. The corrected source is split into units exactly as demo/review/blocks.ts does, and the
// units are poured into the existing document's structure (section ids, levels, block types, list
// lengths), so a correction can change wording but never silently add, drop or move a unit.
// Usage: node scripts/policy-tk.mjs [--write]
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const source = read('locales/tk/policy.source.txt');
const { errata } = JSON.parse(read('locales/errata.json'));
const doc = JSON.parse(read('locales/tk/policy.json'));

let text = source;
for (const erratum of errata) {
  const found = erratum.source === '' ? 0 : text.split(erratum.source).length - 1;
  if (found !== erratum.count) {
    console.error(`policy-tk: erratum "${erratum.id}" lists ${erratum.count}, found ${found}`);
    process.exit(1);
  }
  text = text.split(erratum.source).join(erratum.corrected);
}
const units = text
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '');
if (/^[0-9a-f]{16,64}$/i.test(units.at(-1))) units.pop();

const placeholder = (unit) => unit.split(doc.contactEmail).join('{{email}}');
const queue = units.map(placeholder);
const take = () => {
  if (queue.length === 0)
    throw new Error('policy-tk: the corrected source has fewer units than the document');
  return queue.shift();
};
const next = {
  ...doc,
  title: take(),
  sections: doc.sections.map((section) => ({
    ...section,
    heading: take(),
    blocks: section.blocks.map((block) =>
      block.type === 'p' ? { type: 'p', text: take() } : { type: 'ul', items: block.items.map(take) },
    ),
  })),
};
if (queue.length) {
  console.error(`policy-tk: ${queue.length} unit(s) of the corrected source left over: ${queue[0]}`);
  process.exit(1);
}
const output = `${JSON.stringify(next, null, 2)}\n`;
const current = read('locales/tk/policy.json');
if (output === current)
  console.log(`policy-tk: locales/tk/policy.json is up to date (${errata.length} errata)`);
else if (process.argv.includes('--write')) {
  writeFileSync(new URL('locales/tk/policy.json', root), output);
  console.log(`policy-tk: locales/tk/policy.json written (${errata.length} errata)`);
} else {
  console.error('policy-tk: locales/tk/policy.json differs from source + errata; run with --write');
  process.exit(1);
}
