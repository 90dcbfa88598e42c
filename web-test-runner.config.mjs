import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupJson from '@rollup/plugin-json';
import puppeteerCore from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { chromiumPath, firefoxPath, CHROMIUM_ARGS } from './scripts/browsers.mjs';
import { webkitLauncher, webkitPaths } from './scripts/webkit.mjs';
import { testServerMiddleware } from './test/server/middleware.mjs';
import { deviceCommandsPlugin } from './test/server/commands.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

const json = fromRollup(rollupJson);
const firefox = firefoxPath();
const only = process.env.RAZYLYK_BROWSERS?.split(',');

// Each test page gets its own browser context, so test files running at the same time never share
// localStorage or cookies (a page is reused by the next file: tests must not expect an empty origin).
const isolatedPage = async ({ browser }) => (await browser.createBrowserContext()).newPage();

const browsers = [
  chromeLauncher({
    // --expose-gc lets the load tests force a collection before checking that nothing leaked.
    launchOptions: {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    },
    createPage: isolatedPage,
  }),
];
if (firefox) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: firefox,
        headless: true,
        // A touch held longer than apz.max_tap_time is no tap, so it makes no click. On a busy machine
        // the touchstart and touchend of a test's tap (test/ui/phone.test.ts) can be further apart than
        // Firefox's default; measured: a 400 ms touch makes no click by default, one with this does.
        extraPrefsFirefox: { 'apz.max_tap_time': 10000 },
      },
      launcher: (options) => puppeteerCore.launch(options),
      createPage: isolatedPage,
      // Firefox gives keyboard focus to one page at a time: keyboard tests in parallel pages steal it.
      concurrency: 1,
    }),
  );
} else {
  console.warn('razylyk: firefox-esr not found, no Firefox run (apt-get install -y firefox-esr)');
}
// Safari's engine: WebKitGTK's MiniBrowser through WebKitWebDriver, one test file at a time.
if (webkitPaths()) browsers.push(webkitLauncher());
else console.warn('razylyk: WebKitGTK not found, no WebKit run (apt-get install -y webkit2gtk-driver xvfb)');

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['test/**/*.test.ts', '!test/apps/**'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  // Two engines at a time (web-test-runner's default, kept on purpose for our 2-core machines): WebKit
  // starts when Chromium or Firefox is done, so the timing-sensitive hardening tests share the CPU
  // with at most three pages.
  concurrentBrowsers: 2,
  // The longest file takes about 17 s (test/hardening/load.test.ts); a session still running after
  // three minutes has hung (WebKitGTK, rarely) and npm test runs its file again alone.
  testsFinishTimeout: 3 * 60 * 1000,
  browserStartTimeout: 120 * 1000,
  testsStartTimeout: 120 * 1000,
  browsers: only
    ? browsers.filter((b) => only.some((name) => b.name.toLowerCase().includes(name)))
    : browsers,
  mimeTypes: { '**/*.json': 'js', '**/*.ts': 'js' },
  middleware: testServerMiddleware,
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [
    deviceCommandsPlugin(),
    json({ include: ['**/locales/**/*.json', '**/test/**/*.json'] }),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
  testFramework: { config: { timeout: 20000 } },
};
