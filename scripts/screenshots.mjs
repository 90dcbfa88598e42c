// Screenshots of the banner and the preferences in every layout, language and theme, for review:
// reports/screenshots/<layout>-<lang>-<theme>-<width>.png (and prefs-<lang>-<theme>-<width>.png).
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromiumPath, CHROMIUM_ARGS } from './browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = new URL('../reports/screenshots/', import.meta.url);
const LAYOUTS = ['bar', 'box', 'modal'];
const LANGUAGES = ['tk', 'en', 'ar'];
const THEMES = ['light', 'dark'];
const WIDTHS = [375, 1280];

await mkdir(outDir, { recursive: true });
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  esbuild: {
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  },
});
await server.listen();
const address = server.httpServer.address();
const base = `http://127.0.0.1:${address.port}/test/ui/fixtures/preview.html`;
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
  headless: true,
});
let failures = 0;

async function shoot(name, query, width, theme) {
  const page = await browser.newPage();
  page.on('pageerror', (err) => console.error(`${name}: page error`, err.message));
  try {
    await page.setViewport({ width, height: width < 600 ? 740 : 800 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    await page.goto(`${base}?${query}`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    if (overflow) console.warn(`${name}: horizontal overflow`);
    await page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, outDir)) });
  } catch (err) {
    failures++;
    console.error(`${name}: ${err.message}`);
  } finally {
    await page.close();
  }
}

try {
  for (const layout of LAYOUTS)
    for (const lang of LANGUAGES)
      for (const theme of THEMES)
        for (const width of WIDTHS)
          await shoot(
            `${layout}-${lang}-${theme}-${width}`,
            `layout=${layout}&lang=${lang}&theme=${theme}`,
            width,
            theme,
          );
  for (const lang of LANGUAGES)
    for (const theme of THEMES)
      for (const width of WIDTHS)
        await shoot(
          `prefs-${lang}-${theme}-${width}`,
          `lang=${lang}&theme=${theme}&preferences=1`,
          width,
          theme,
        );
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${fileURLToPath(outDir)}${failures ? ` (${failures} failed)` : ''}`);
process.exitCode = failures ? 1 : 0;
