// The package as npm users get it: `npm pack`, unpack the tarball where the apps in test/apps resolve
// `razylyk`, check what the tarball holds, type-check a TypeScript consumer, build a plain, a React and
// a Vue app with Vite, then drive each in headless Chromium: the banner shows, "Accept all" records
// the choice, the app's status element shows it, and a reload (a returning visitor) shows no banner.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const appsDir = join(root, 'test/apps');
const installed = join(appsDir, 'node_modules/razylyk');
const APPS = ['plain', 'react', 'vue'];
const results = [];

function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}

async function attempt(name, fn) {
  try {
    await fn();
  } catch (err) {
    check(name, false, err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}

// 1. Pack and unpack, as `npm install razylyk` would lay it out.
if (!existsSync(join(root, 'dist/lib/index.js')))
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const packDir = mkdtempSync(join(tmpdir(), 'razylyk-pack-'));
const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
const tarball = join(packDir, pack.filename);
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
console.log(
  `== apps: ${pack.filename} (${(pack.size / 1024).toFixed(0)} kB packed, ${pack.entryCount} files)`,
);

// 2. What the tarball holds.
const files = pack.files.map((f) => f.path);
for (const needed of [
  'package.json',
  'custom-elements.json',
  'dist/lib/index.js',
  'dist/lib/core.js',
  'dist/lib/host.js',
  'dist/lib/elements.js',
  'dist/types/index.d.ts',
  'dist/types/ui/define.d.ts',
  'dist/razylyk.js',
  'dist/razylyk-host.js',
  'dist/cdn/ui.js',
])
  check(`tarball has ${needed}`, files.includes(needed));
const stray = files.filter((f) => /^(src|test|locales|scripts|demo)\//.test(f) || f.endsWith('.d.ts.map'));
check('tarball has no sources, tests or declaration maps', stray.length === 0, stray.slice(0, 3).join(', '));
const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
for (const [entry, target] of Object.entries(manifest.exports)) {
  const paths = typeof target === 'string' ? [target] : Object.values(target);
  const missing = paths.filter((p) => !existsSync(join(installed, p)));
  check(`exports["${entry}"] resolves`, missing.length === 0, missing.join(', '));
}
check('"customElements" points at the manifest', existsSync(join(installed, manifest.customElements)));

// Every module that defines elements at import time must be declared in sideEffects, or bundlers drop it.
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/^\.\//, '')
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\0')
      .replace(/\*/g, '[^/]*')
      .replace(/\0/g, '.*')}$`,
  );
const sideEffectful = manifest.sideEffects.map(globToRegExp);
const jsFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => f.endsWith('.js') && statSync(f).isFile());
const defining = jsFiles(join(installed, 'dist/lib'))
  .filter((f) => readFileSync(f, 'utf8').includes('customElements.define('))
  .map((f) => relative(installed, f).split(sep).join('/'));
const undeclared = defining.filter((f) => !sideEffectful.some((re) => re.test(f)));
check(
  'modules that define elements are in "sideEffects"',
  defining.length > 0 && undeclared.length === 0,
  undeclared.join(', '),
);

// 3. A TypeScript consumer type-checks against the packed declarations.
await attempt('TypeScript consumer type-checks (test/apps/plain)', () => {
  try {
    execFileSync('npx', ['tsc', '-p', join(appsDir, 'plain/tsconfig.json')], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    throw new Error(String(err.stdout || err.message).trim());
  }
  check('TypeScript consumer type-checks (test/apps/plain)', true);
});

// 4. Build and serve each app.
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};
function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = resolve(dir, `.${path}`);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  for (const app of APPS) {
    const dir = join(appsDir, app);
    const outDir = join(dir, 'dist');
    await attempt(`${app}: vite build`, async () => {
      await build({
        root: dir,
        configFile: join(dir, 'vite.config.js'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
      // The UI (Lit, i18next, the elements) must be a chunk of its own: not in what every page loads.
      const entry = readFileSync(join(outDir, 'index.html'), 'utf8').match(
        /src="\/?(assets\/[^"]+\.js)"/,
      )?.[1];
      const entryCode = entry ? readFileSync(join(outDir, entry), 'utf8') : '';
      check(
        `${app}: vite build, UI split from the entry chunk`,
        Boolean(entry) && !entryCode.includes('customElements.define('),
      );
    });
    if (!existsSync(join(outDir, 'index.html'))) continue;
    const server = await serve(outDir);
    const url = `http://127.0.0.1:${server.address().port}/`;
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    try {
      await attempt(`${app}: banner, Accept all, status`, async () => {
        await page.goto(url, { waitUntil: 'load' });
        const accept = await page.waitForFunction(
          () => {
            const button = document
              .querySelector('razylyk-banner')
              ?.shadowRoot?.querySelector('[part~="accept"]');
            if (!button) return null;
            const box = button.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && getComputedStyle(button).visibility !== 'hidden'
              ? button
              : null;
          },
          { timeout: 15000 },
        );
        check(`${app}: banner shows a visible Accept all button`, true);
        await accept.asElement().click();
        const shown = await page.waitForFunction(
          () => {
            const text = document.querySelector('#status')?.textContent ?? '';
            return text.startsWith('{') && JSON.parse(text).choices?.cookies === true ? text : null;
          },
          { timeout: 10000 },
        );
        const status = JSON.parse(await shown.jsonValue());
        const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('razylyk:consent')));
        check(
          `${app}: status shows the record, localStorage has it`,
          stored?.id === status.id && stored.method === 'accept_all',
        );
      });
      await attempt(`${app}: returning visitor`, async () => {
        await page.reload({ waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('{'), {
          timeout: 10000,
        });
        await new Promise((done) => setTimeout(done, 500));
        const banners = await page.evaluate(() => document.querySelectorAll('razylyk-banner').length);
        check(`${app}: returning visitor sees no banner`, banners === 0, `${banners} banner(s)`);
      });
      check(`${app}: no page errors`, problems.length === 0, problems.slice(0, 2).join(' | '));
    } finally {
      await context.close();
      server.close();
    }
  }
} finally {
  await browser.close();
  rmSync(packDir, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`apps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
