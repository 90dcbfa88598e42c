// The package as npm users get it: `npm pack` (which builds dist/ itself), unpack the tarball where the
// apps in test/apps resolve `razylyk`, check what the tarball holds, import every entry on the server
// (Node) and call its browser-only functions there, type-check TypeScript consumers, build each app
// (plain, React and Vue with Vite, the script tag self-hosted through razylyk/vite, Next.js App Router
// with `next build`, SvelteKit with adapter-static), then drive each in headless Chromium and Firefox
// through a visitor's whole flow: the banner shows, Reject all is recorded, one purpose is granted in
// the preferences, a reload (a returning visitor) keeps it without a banner, and a withdrawal asks
// again. Any console warning or error (a framework's included) fails the app.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath } from './browsers.mjs';
import { decodePng } from './png.mjs';

const root = resolve(import.meta.dirname, '..');
const appsDir = join(root, 'test/apps');
const installed = join(appsDir, 'node_modules/razylyk');
const bin = (name) => join(root, 'node_modules/.bin', name);
/**
 * `vite`: built with Vite's API from the app's vite.config.js into dist/; `command`: the framework's
 * own build (it reads its config from the working directory) into `out`. `ssr`: the built page must
 * hold the server-rendered status. `development`: Vue's runtime warnings are compiled out of
 * production builds, so this one keeps them, to catch "Failed to resolve component".
 */
const APPS = [
  { name: 'plain', vite: true },
  { name: 'react', vite: true },
  { name: 'vue', vite: true, development: true },
  { name: 'selfhost', vite: true, scriptTag: true },
  { name: 'next', command: [bin('next'), 'build'], out: 'out', ssr: true },
  { name: 'sveltekit', command: [bin('vite'), 'build'], out: 'build', ssr: true },
];
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

function timed(fn) {
  const start = performance.now();
  const result = fn();
  return { result, seconds: ((performance.now() - start) / 1000).toFixed(1) };
}

// 1. Pack and unpack, as `npm install razylyk` would lay it out. From no dist/ at all: `npm pack` must
// build it itself ("prepack"), or the tarball would hold package.json and the README alone.
rmSync(join(root, 'dist'), { recursive: true, force: true });
const packDir = mkdtempSync(join(tmpdir(), 'razylyk-pack-'));
const packed = timed(() =>
  execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
// The build's own output comes first on stdout; npm's JSON follows.
const [pack] = JSON.parse(packed.result.slice(packed.result.search(/^\[/m)));
const tarball = join(packDir, pack.filename);
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
console.log(
  `== apps: ${pack.filename} (${(pack.size / 1024).toFixed(0)} kB packed, ${pack.entryCount} files; ` +
    `npm pack with its build: ${packed.seconds} s)`,
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
  'dist/cdn/engine.js',
  'dist/cdn/ui.js',
  'dist/lib/react.js',
  'dist/types/react/index.d.ts',
  'dist/lib/vite.js',
  'dist/types/vite/index.d.ts',
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

// 3. On a server: every entry imports without touching browser globals, and each function that needs
// a browser says so with a [razylyk] error instead of "window is not defined".
for (const entry of Object.keys(manifest.exports)) {
  const target = manifest.exports[entry];
  const file = typeof target === 'string' ? target : target.default;
  if (!file.endsWith('.js') || entry === './razylyk.js') continue;
  await attempt(`server: import "razylyk${entry.slice(1)}"`, async () => {
    await import(pathToFileURL(join(installed, file)).href);
    check(`server: import "razylyk${entry.slice(1)}"`, true);
  });
}
const onServer = {
  '.': ['startRazylyk', 'getRazylyk', 'createConsent', 'peekRazylyk', 'resetRazylyk'],
  './core': ['getRazylyk', 'createConsent', 'peekRazylyk', 'resetRazylyk'],
  './host': ['connectRazylykFrame'],
};
for (const [entry, names] of Object.entries(onServer)) {
  const module = await import(pathToFileURL(join(installed, manifest.exports[entry].default)).href);
  for (const name of names) {
    let message = 'no error';
    try {
      module[name]({ origin: 'https://consent.example', frame: 'https://consent.example/' });
    } catch (err) {
      message = err.message;
    }
    check(
      `server: razylyk${entry.slice(1)} ${name}() says where to call it`,
      message.startsWith(`[razylyk] ${name}() needs a browser`),
      message,
    );
  }
}

// 4. TypeScript consumers type-check against the packed declarations: the API (plain), window.razylyk
// of the script tag (selfhost), the elements
// in React 19's JSX (react/typings.tsx) and in Vue templates under vue-tsc --strictTemplates (vue).
for (const [app, checker] of [
  ['plain', 'tsc'],
  ['selfhost', 'tsc'],
  ['react', 'tsc'],
  ['vue', 'vue-tsc'],
]) {
  const name = `TypeScript consumer type-checks (test/apps/${app}, ${checker})`;
  await attempt(name, () => {
    try {
      execFileSync(bin(checker), ['-p', join(appsDir, app, 'tsconfig.json')], { cwd: root, stdio: 'pipe' });
    } catch (err) {
      throw new Error(String(err.stdout || err.message).trim());
    }
    check(name, true);
  });
}

// 5. Build and serve each app.
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

async function buildApp(app) {
  const dir = join(appsDir, app.name);
  const outDir = join(dir, app.out ?? 'dist');
  rmSync(outDir, { recursive: true, force: true });
  const start = performance.now();
  if (app.vite) {
    const previous = process.env.NODE_ENV;
    if (app.development) process.env.NODE_ENV = 'development';
    try {
      await build({
        root: dir,
        configFile: join(dir, 'vite.config.js'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previous;
    }
  } else {
    let output;
    try {
      output = execFileSync(app.command[0], app.command.slice(1), {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
    } catch (err) {
      throw new Error(
        `${String(err.stdout ?? '')}${String(err.stderr ?? '')}`.trim().split('\n').slice(-5).join(' / '),
      );
    }
    // Next prints a caching hint on CI machines (CI=1, no .next/cache); it is about the machine, not the app.
    const warnings = output
      .split('\n')
      .filter(
        (line) => /⚠|\bwarn(ing)?\b/i.test(line) && !line.includes('nextjs.org/docs/messages/no-cache'),
      );
    check(`${app.name}: build prints no warnings`, warnings.length === 0, warnings.slice(0, 2).join(' | '));
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  if (app.ssr) {
    check(
      `${app.name}: build prerendered the page, consent state "undecided" (${seconds} s)`,
      /<output id="status">undecided<\/output>/.test(html),
    );
  } else if (app.scriptTag) {
    const shipped = ['razylyk/razylyk.js', 'razylyk/cdn/engine.js', 'razylyk/cdn/ui.js'];
    const missing = shipped.filter((file) => !existsSync(join(outDir, file)));
    check(
      `${app.name}: build ships razylyk.js with cdn/ and the script tag (${seconds} s)`,
      missing.length === 0 && /<script src="\/razylyk\/razylyk\.js" defer data-lang="en">/.test(html),
      missing.join(', '),
    );
  } else {
    // The UI (Lit, i18next, the elements) must be a chunk of its own: not in what every page loads.
    const entry = html.match(/src="\/?(assets\/[^"]+\.js)"/)?.[1];
    const entryCode = entry ? readFileSync(join(outDir, entry), 'utf8') : '';
    check(
      `${app.name}: vite build, UI split from the entry chunk (${seconds} s)`,
      Boolean(entry) && !entryCode.includes('customElements.define('),
    );
  }
  return outDir;
}

/** Waits for a visible element inside `host`'s shadow root (host: a tag name) and returns it. */
function visible(page, host, selector, timeout = 15000) {
  return page.waitForFunction(
    (hostTag, inner) => {
      const element = document.querySelector(hostTag)?.shadowRoot?.querySelector(inner);
      if (!element) return null;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
        ? element
        : null;
    },
    { timeout },
    host,
    selector,
  );
}

/**
 * Waits until the app's status element shows a record decided by `method` (null: "undecided"), with
 * `granted` granted if given, and returns the record.
 */
async function status(page, method, granted, timeout = 10000) {
  const shown = await page.waitForFunction(
    (wantedMethod, wantedGrant) => {
      const text = document.querySelector('#status')?.textContent ?? '';
      if (wantedMethod === null) return text === 'undecided' ? text : null;
      const record = text.startsWith('{') ? JSON.parse(text) : null;
      const ok = record?.method === wantedMethod && (!wantedGrant || record.choices[wantedGrant] === true);
      return ok ? text : null;
    },
    { timeout },
    method,
    granted,
  );
  const text = await shown.jsonValue();
  return text === 'undecided' ? null : JSON.parse(text);
}

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('razylyk:consent')));

async function click(handle) {
  await handle.asElement().click();
}

/** The visitor's whole flow on one app in one browser. */
async function drive(page, label, app, requests) {
  await attempt(`${label}: banner, Reject all`, async () => {
    await page.goto(app.url, { waitUntil: 'load' });
    await click(await visible(page, 'razylyk-banner', '[part~="reject"]'));
    const record = await status(page, 'reject_all');
    const saved = await stored(page);
    check(
      `${label}: Reject all recorded, the app shows it`,
      saved?.id === record.id &&
        Object.entries(record.choices).every(([id, granted]) => granted === (id === 'necessary')),
    );
  });
  await attempt(`${label}: preferences grant one purpose`, async () => {
    await click(await page.waitForSelector('[data-razylyk-open]'));
    await click(await visible(page, 'razylyk-preferences', '#purpose-web_beacons'));
    await click(await visible(page, 'razylyk-preferences', '[part~="save"]'));
    const record = await status(page, 'custom', 'web_beacons');
    check(
      `${label}: web_beacons granted in the preferences, the rest not`,
      record.choices.web_beacons === true && record.choices.cookies === false,
    );
  });
  await attempt(`${label}: returning visitor`, async () => {
    requests.length = 0;
    await page.reload({ waitUntil: 'load' });
    const record = await status(page, 'custom', 'web_beacons');
    await new Promise((done) => setTimeout(done, 500));
    const banners = await page.evaluate(() => document.querySelectorAll('razylyk-banner').length);
    check(`${label}: a reload keeps the choice, no banner`, record.method === 'custom' && banners === 0);
    if (app.scriptTag) {
      const more = requests.filter((url) => url.includes('/razylyk/') && !url.endsWith('/razylyk.js'));
      check(`${label}: the returning visit loads only the first stage`, more.length === 0, more.join(', '));
    }
  });
  await attempt(`${label}: withdraw`, async () => {
    await click(await page.waitForSelector('[data-razylyk-open]'));
    await click(await visible(page, 'razylyk-preferences', '[part~="withdraw"]'));
    await status(page, null);
    await visible(page, 'razylyk-banner', '[part~="accept"]');
    check(`${label}: withdrawn: nothing stored, the banner asks again`, (await stored(page)) === null);
  });
}

/**
 * The README's brand example (test/apps/plain/brand.css, quoted there verbatim) as a dark-scheme visitor
 * sees it: a screenshot of the banner, whose pixels must be the brand's background and accent (the
 * operator's --razylyk-* apply in the dark theme too). Saved for review in reports/screenshots.
 */
async function brandScreenshot(browser, app, label) {
  const brand = readFileSync(join(appsDir, 'plain/brand.css'), 'utf8').trim();
  check(
    `${label}: the README quotes brand.css`,
    readFileSync(join(root, 'README.md'), 'utf8').includes(brand),
  );
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    await page.setViewport({ width: 1280, height: 720 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await page.goto(app.url, { waitUntil: 'load' });
    const accept = await visible(page, 'razylyk-banner', '[part~="accept"]');
    const surface = await page.evaluateHandle(() => {
      const banner = document.querySelector('razylyk-banner');
      for (const animation of banner.shadowRoot.getAnimations()) animation.finish();
      return banner.shadowRoot.querySelector('[part~="banner"]');
    });
    const [box, button] = [await surface.boundingBox(), await accept.boundingBox()];
    const png = await page.screenshot({ type: 'png' });
    mkdirSync(join(root, 'reports/screenshots'), { recursive: true });
    writeFileSync(join(root, 'reports/screenshots/brand-dark.png'), png);
    const image = decodePng(png);
    const near = (pixel, rgb) => pixel.every((value, i) => Math.abs(value - rgb[i]) <= 2);
    const bg = image.pixel(Math.round(box.x + box.width - 8), Math.round(box.y + 8));
    const accentPixel = image.pixel(Math.round(button.x + 6), Math.round(button.y + button.height / 2));
    check(
      `${label}: dark-scheme screenshot shows the brand's background and accent`,
      near(bg, [0x0f, 0x3d, 0x2e]) && near(accentPixel, [0xfa, 0xcc, 0x15]),
      `background ${bg}, accent ${accentPixel}`,
    );
  } finally {
    await context.close();
  }
}

const browsers = [['chromium', { executablePath: chromiumPath(), args: CHROMIUM_ARGS }]];
const firefox = firefoxPath();
if (firefox) browsers.push(['firefox', { browser: 'firefox', executablePath: firefox }]);
else console.warn('apps: firefox-esr not found, driving the apps in Chromium only');

const only = process.env.RAZYLYK_APPS?.split(',');
const built = [];
for (const app of APPS.filter((a) => !only || only.includes(a.name))) {
  await attempt(`${app.name}: build`, async () => {
    const outDir = await buildApp(app);
    built.push({ ...app, outDir });
  });
}
try {
  for (const [browserName, options] of browsers) {
    const browser = await puppeteer.launch({ headless: true, ...options });
    try {
      for (const app of built) {
        const server = await serve(app.outDir);
        app.url = `http://127.0.0.1:${server.address().port}/`;
        const label = `${app.name} (${browserName})`;
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const problems = [];
        const requests = [];
        page.on('pageerror', (err) => problems.push(err.message));
        page.on('console', (msg) => {
          // A development build (see APPS) gets Lit's development build too, which says so.
          if (app.development && msg.text().startsWith('Lit is in dev mode')) return;
          if (['error', 'warn', 'warning'].includes(msg.type()))
            problems.push(`${msg.type()}: ${msg.text()}`);
        });
        page.on('request', (request) => requests.push(request.url()));
        try {
          if (app.name === 'plain' && browserName === 'chromium')
            await attempt(`${label}: brand screenshot`, () => brandScreenshot(browser, app, label));
          await drive(page, label, app, requests);
          check(
            `${label}: no console warnings or errors`,
            problems.length === 0,
            problems.slice(0, 2).join(' | '),
          );
        } finally {
          await context.close();
          server.close();
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`apps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
