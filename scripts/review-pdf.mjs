// Prints the legal review page to PDF in headless Chromium (the print stylesheet) and checks the result:
// more than one page, and no controls in the printed document. Writes reports/legal-review.pdf.
// Usage: node scripts/review-pdf.mjs [--languages=all]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromiumPath, CHROMIUM_ARGS } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const all = process.argv.includes('--languages=all');
const server = await createServer({
  configFile: join(root, 'vite.config.ts'),
  root,
  logLevel: 'error',
  server: { host: '127.0.0.1', port: 0 },
});
await server.listen();
const { port } = server.httpServer.address();
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_ARGS,
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`http://127.0.0.1:${port}/demo/legal-review.html${all ? '?languages=all' : ''}`, {
    waitUntil: 'networkidle0',
    timeout: 60000,
  });
  await page.waitForSelector('html[data-review-ready]', { timeout: 30000 });
  await page.emulateMediaType('print');
  const visibleControls = await page.evaluate(
    () =>
      [...document.querySelectorAll('button, select, input, .no-print, razylyk-banner')].filter(
        (el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0,
      ).length,
  );
  if (visibleControls) problems.push(`${visibleControls} control(s) visible in print`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, landscape: all });
  const pages = (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports/legal-review.pdf'), pdf);
  console.log(`review-pdf: reports/legal-review.pdf, ${pages} pages, ${Math.round(pdf.length / 1024)} KiB`);
  if (pages <= 1) problems.push(`the PDF has ${pages} page(s); expected more than one`);
} finally {
  await browser.close();
  await server.close();
}
if (problems.length) {
  for (const problem of problems) console.error(`review-pdf: ${problem}`);
  process.exit(1);
}
