// npm run build: the npm library, the script-tag loader and host helper, the lazily loaded UI,
// type declarations and the custom elements manifest.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

run('node', ['scripts/gen-policy-version.mjs']);
// Emptied once here: each build below writes files of its own (vite.config.ts), in any order.
rmSync('dist', { recursive: true, force: true });
for (const mode of ['lib', 'loader', 'engine', 'host', 'ui'])
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
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
