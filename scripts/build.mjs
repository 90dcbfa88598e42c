// npm run build: the npm library, the script-tag loader and host helper, the lazily loaded UI,
// type declarations and the custom elements manifest.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'vite';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

run('node', ['scripts/gen-policy-version.mjs']);
let uiChunks;
for (const mode of ['lib', 'ui', 'ui-retry', 'extras', 'engine', 'loader', 'host']) {
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
  if (mode === 'ui') uiChunks = chunkContents();
  if (mode === 'ui-retry') sameSharedChunks(uiChunks, chunkContents());
}
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', [
  'cem',
  'analyze',
  '--litelement',
  '--globs',
  'src/ui/**/*.ts',
  '--exclude',
  'src/**/*.styles.ts',
  '--quiet',
]);
run('node', ['scripts/manifest.mjs']);
console.log(
  'build: dist/lib (npm), dist/razylyk.js (script tag), dist/razylyk-host.js, dist/cdn (engine, UI)',
);

/** The files of dist/cdn/chunks and their contents. */
function chunkContents() {
  const dir = 'dist/cdn/chunks';
  return new Map(readdirSync(dir).map((file) => [file, readFileSync(`${dir}/${file}`, 'utf8')]));
}

/**
 * ui-retry.js's build writes the locale chunks again: they import nothing, so they must come out the
 * same, or ui.js would be left with chunks of the other build.
 */
function sameSharedChunks(before, after) {
  const changed = [...before].filter(([file, text]) => after.get(file) !== text).map(([file]) => file);
  if (changed.length)
    throw new Error(`build: the ui-retry build changed ui.js's chunks: ${changed.join(', ')}`);
}
