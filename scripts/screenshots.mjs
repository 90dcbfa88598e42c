// Screenshots of the banner and the preferences in every layout, language and theme, at two phones and
// a desktop, in each engine (Chromium, Firefox, WebKit), for review:
// reports/screenshots/<engine>/<layout>-<lang>-<theme>-<width>x<height>.png (and prefs-…), and
// reports/screenshots/index.html, which shows the engines side by side for each view.
// RAZYLYK_BROWSERS=chrom,webkit picks engines, as for the tests.
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromiumPath, firefoxPath, CHROMIUM_ARGS } from './browsers.mjs';
import { fitViewport, openWebKit, webkitPaths } from './webkit.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = new URL('../reports/screenshots/', import.meta.url);
const LAYOUTS = ['bar', 'box', 'modal'];
const LANGUAGES = ['tk', 'en', 'ar'];
const THEMES = ['light', 'dark'];
const VIEWS = [
  { width: 375, height: 667 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

/** Engines: a name and how to open a session with goto, evaluate, setViewport, screenshot, close. */
const ENGINES = {
  chromium: () => openPuppeteer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }),
  firefox: () => {
    const executablePath = firefoxPath();
    return executablePath ? openPuppeteer({ browser: 'firefox', executablePath }) : undefined;
  },
  webkit: () => (webkitPaths() ? openWebDriver() : undefined),
};

async function openPuppeteer(options) {
  const browser = await puppeteer.launch({ ...options, headless: true });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    errors,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (fn) => page.evaluate(fn),
    setViewport: (view) => page.setViewport(view),
    screenshot: (path) => page.screenshot({ path }),
    close: () => browser.close(),
  };
}

async function openWebDriver() {
  const { driver, close } = await openWebKit();
  return {
    errors: [],
    goto: (url) => driver.navigateTo(url),
    evaluate: (fn) => driver.execute(fn),
    setViewport: ({ width, height }) => fitViewport(driver, width, height),
    screenshot: (path) => driver.saveScreenshot(path),
    close,
  };
}

const shots = [];
for (const layout of LAYOUTS)
  for (const lang of LANGUAGES)
    for (const theme of THEMES)
      shots.push({
        name: `${layout}-${lang}-${theme}`,
        query: `layout=${layout}&lang=${lang}&theme=${theme}`,
      });
for (const lang of LANGUAGES)
  for (const theme of THEMES)
    shots.push({ name: `prefs-${lang}-${theme}`, query: `lang=${lang}&theme=${theme}&preferences=1` });

const only = process.env.RAZYLYK_BROWSERS?.split(',');
const engines = Object.keys(ENGINES).filter((name) => !only || only.some((part) => name.includes(part)));

await mkdir(outDir, { recursive: true });
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  // Only the preview page: the dependency scan would otherwise walk test/apps, which import the packed package.
  optimizeDeps: { entries: ['test/ui/fixtures/preview.html'] },
  esbuild: {
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  },
});
await server.listen();
const base = `http://127.0.0.1:${server.httpServer.address().port}/test/ui/fixtures/preview.html`;
let failures = 0;
const written = new Set();

async function waitForReady(session) {
  const deadline = Date.now() + 20000;
  while (!(await session.evaluate(() => document.body?.dataset.ready === 'true'))) {
    if (Date.now() > deadline) throw new Error('the preview did not get ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

try {
  for (const engine of engines) {
    const session = await ENGINES[engine]();
    if (!session) {
      console.warn(`screenshots: no ${engine} on this machine, skipped`);
      continue;
    }
    await mkdir(new URL(`${engine}/`, outDir), { recursive: true });
    const started = Date.now();
    try {
      for (const view of VIEWS) {
        await session.setViewport(view);
        for (const shot of shots) {
          const file = `${shot.name}-${view.width}x${view.height}.png`;
          const label = `${engine}/${file}`;
          try {
            session.errors.length = 0;
            await session.goto(`${base}?${shot.query}`);
            await waitForReady(session);
            await new Promise((resolve) => setTimeout(resolve, 250));
            const overflow = await session.evaluate(
              () => document.documentElement.scrollWidth > window.innerWidth,
            );
            if (overflow) console.warn(`${label}: horizontal overflow`);
            for (const message of session.errors) console.error(`${label}: page error ${message}`);
            await session.screenshot(fileURLToPath(new URL(`${engine}/${file}`, outDir)));
            written.add(file);
          } catch (err) {
            failures++;
            console.error(`${label}: ${err.message}`);
          }
        }
      }
    } finally {
      await session.close();
    }
    console.log(`screenshots: ${engine} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  await server.close();
}

// One row per view, one column per engine.
const rows = [...written]
  .map(
    (file) =>
      `<tr><th scope="row">${file.replace('.png', '')}</th>${engines
        .map((engine) => `<td><img src="${engine}/${file}" alt="${engine}: ${file}" loading="lazy"></td>`)
        .join('')}</tr>`,
  )
  .join('\n');
await writeFile(
  new URL('index.html', outDir),
  `<!doctype html><meta charset="utf-8"><title>razylyk screenshots</title>
<style>body{font:14px system-ui,sans-serif}td{vertical-align:top}img{max-width:420px;border:1px solid #999}</style>
<table><thead><tr><th></th>${engines.map((engine) => `<th scope="col">${engine}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
`,
);
console.log(`screenshots written to ${fileURLToPath(outDir)}${failures ? ` (${failures} failed)` : ''}`);
process.exitCode = failures ? 1 : 0;
