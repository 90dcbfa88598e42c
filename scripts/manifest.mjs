// The Custom Elements Manifest as a package user gets it: the analyzer describes src/ui/*.ts, which is
// not shipped, and cannot see the tag names (registration is in src/ui/registry.ts, not in the element
// files). This rewrites its output into one module, dist/lib/elements.js (what `import 'razylyk/elements'`
// loads), with each element's tag from the element maps and only its public members.
// test/ui/manifest.test.ts checks the result against what the elements render.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const file = join(root, 'custom-elements.json');
const MODULE = 'dist/lib/elements.js';

/** Tag → class name, from the maps the registry defines. */
const tags = new Map();
for (const source of ['src/ui/banner-elements.ts', 'src/ui/dialog-elements.ts', 'src/ui/placeholder.ts'])
  for (const [, tag, name] of readFileSync(join(root, source), 'utf8').matchAll(
    /'(razylyk-[a-z-]+)': (\w+)/g,
  ))
    tags.set(name, tag);

const analyzed = JSON.parse(readFileSync(file, 'utf8'));
const elements = analyzed.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement);
const declarations = elements.map((element) => {
  const tagName = tags.get(element.name);
  if (!tagName) throw new Error(`manifest: no tag for ${element.name} in the element maps`);
  const members = (element.members ?? []).filter(
    (member) => !member.privacy && !member.static && !member.name.startsWith('#'),
  );
  return { ...element, tagName, members };
});
const missing = [...tags.values()].filter((tag) => !declarations.some((d) => d.tagName === tag));
if (missing.length) throw new Error(`manifest: the analyzer found no class for ${missing.join(', ')}`);

const manifest = {
  schemaVersion: analyzed.schemaVersion,
  readme: '',
  modules: [
    {
      kind: 'javascript-module',
      path: MODULE,
      declarations,
      exports: declarations.flatMap(({ name, tagName }) => [
        { kind: 'js', name, declaration: { name, module: MODULE } },
        { kind: 'custom-element-definition', name: tagName, declaration: { name, module: MODULE } },
      ]),
    },
  ],
};
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
