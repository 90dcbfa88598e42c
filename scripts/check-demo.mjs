// Loads every demo page in headless Chromium and fails on any console error or warning, page error or
// failed request. Default: the static build (dist-demo/, run `npm run build:demo` first) served from a
// sub-folder (/some/sub/folder/) to prove the relative paths. `--dev`: the vite dev server instead.
// `--screenshots`: also writes reports/screenshots/demo-<page>.png.
import { createServer as createHttpServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer as createViteServer } from 'vite';
import { chromiumPath, CHROMIUM_ARGS } from './browsers.mjs';

const dev = process.argv.includes('--dev');
const screenshots = process.argv.includes('--screenshots');
const root = resolve(import.meta.dirname, '..');
const built = join(root, 'dist-demo');
const SUBFOLDER = '/some/sub/folder/';
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function serveStatic() {
  if (!existsSync(join(built, 'index.html'))) {
    console.error('check-demo: dist-demo/ is missing; run npm run build:demo first.');
    process.exit(1);
  }
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(SUBFOLDER)) return res.writeHead(404).end('outside the demo folder');
    const file = normalize(join(built, path.slice(SUBFOLDER.length) || 'index.html'));
    if (!file.startsWith(built)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  // No host: both 127.0.0.1 and localhost reach it (the iframe page uses the two as two origins).
  await new Promise((done) => server.listen(0, done));
  return { base: `http://127.0.0.1:${server.address().port}${SUBFOLDER}`, close: () => server.close() };
}

async function serveDev() {
  const server = await createViteServer({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  return { base: `http://127.0.0.1:${port}/demo/`, close: () => server.close() };
}

const banner = "document.querySelector('razylyk-banner')?.shadowRoot?.querySelector('[data-action=accept]')";
const on = (id) => `document.getElementById('${id}')?.dataset.state === 'on'`;
/** What each page must do, beyond loading cleanly: proof that the bundled script tag and bridge work. */
const CHECKS = {
  'index.html': async (tab) => {
    await tab.waitForFunction(banner, { timeout: 15000 });
    if (await tab.evaluate(`${on('beacon-state')} || ${on('map-state')}`))
      throw new Error('gated examples ran before consent');
    await tab.evaluate(`${banner}.click()`);
    await tab.waitForFunction(
      `${on('beacon-state')} && ${on('map-state')} && ${on('ad-state')} && ${on('cookie-state')}`,
      { timeout: 15000 },
    );
  },
  'iframe.html': (tab) => tab.waitForFunction(on('bridge-state'), { timeout: 15000 }),
  // index.html decided already (same origin, same storage): the SPA must show that decision.
  'spa.html': (tab) =>
    tab.waitForFunction(
      `window.razylyk && (${banner} || document.querySelectorAll('#spa-purposes li[data-granted=true]').length === 5)`,
      { timeout: 15000 },
    ),
};

const pages = readdirSync(join(root, 'demo')).filter((file) => file.endsWith('.html'));
const server = dev ? await serveDev() : await serveStatic();
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_ARGS,
});
let failures = 0;
try {
  for (const page of pages) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    const problems = [];
    tab.on('console', (message) => {
      const type = message.type();
      if (type === 'error' || type === 'warn') problems.push(`console.${type}: ${message.text()}`);
    });
    tab.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    tab.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    tab.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    const url = `${server.base}${page}`;
    await tab.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
    if (page === 'legal-review.html')
      await tab
        .waitForSelector('html[data-review-ready]', { timeout: 30000 })
        .catch(() => problems.push('the review page never became ready'));
    await new Promise((done) => setTimeout(done, 500));
    if (screenshots) {
      mkdirSync(join(root, 'reports/screenshots'), { recursive: true });
      await tab.screenshot({
        path: join(root, `reports/screenshots/demo-${page.replace('.html', '')}.png`),
        fullPage: page !== 'legal-review.html',
      });
    }
    const check = CHECKS[page];
    if (check) await check(tab).catch((err) => problems.push(`behaviour: ${err.message}`));
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${url}`);
    for (const problem of problems) console.log(`     ${problem}`);
    failures += problems.length ? 1 : 0;
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (failures) {
  console.error(`check-demo: ${failures} page(s) with errors`);
  process.exit(1);
}
console.log(
  `check-demo: ${pages.length} pages, no errors (${dev ? 'dev server' : 'static build in a sub-folder'})`,
);
