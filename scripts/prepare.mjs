// npm's "prepare": an install from git (`npm install github:…`) gets the repository without dist/
// (it is not committed) and runs this before packing it: build then, or the package has nothing to
// import. A checkout that has built already is left as it is (`npm install` in the repository runs
// this too); `npm pack` and `npm publish` always build fresh in "prepack".
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/lib/index.js')))
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
