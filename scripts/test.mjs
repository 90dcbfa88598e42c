// npm test: build (the script-tag tests load dist/), check the size budgets, run every browser test in
// headless Chromium, Firefox and WebKit, build and drive the apps in test/apps from the packed package, build
// the static demo and load every page, and print the review page to PDF. Extra arguments go to
// web-test-runner (e.g. --files) and run only the browser tests.
// The closing line adds up every step: "total: N passed, N failed".
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const only = args.length > 0;
const skip = (name) => process.env[`RAZYLYK_SKIP_${name}`];
const totals = { passed: 0, failed: 0 };
const COUNT_LINE = /^(\w+): (\d+) passed, (\d+) failed/;

/**
 * Runs one step, echoing its output; its own "x: N passed, N failed" line counts, else the step counts as
 * one check. Resolves with the step's exit code and output; a failed step ends the run unless `mayFail`.
 */
function step(name, cmd, cmdArgs, { mayFail = false, env } = {}) {
  console.log(`\n== ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    const counts = { passed: 0, failed: 0, counted: false };
    let output = '';
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = COUNT_LINE.exec(line.trim());
        if (!match) continue;
        counts.counted = true;
        counts.passed += Number(match[2]);
        counts.failed += Number(match[3]);
      }
    });
    child.on('close', (code) => {
      if (!counts.counted) counts[code === 0 ? 'passed' : 'failed'] += 1;
      if (code !== 0 && !mayFail) {
        add(counts);
        console.error(`\n${name} failed (exit ${code})`);
        finish(code || 1);
      }
      resolve({ code, output, counts });
    });
  });
}

const add = (counts) => {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
};

/**
 * The test files that failed only for the test machinery, by browser, or null when anything else failed:
 * a session that never reported (WebKitGTK's MiniBrowser has, rarely, hung one in CI: "Browser tests did
 * not finish within …"), or a WebDriver command that the driver refused ("WebDriverError"). Only those
 * files are run again, once and alone: a failed assertion is never retried.
 */
function machineryFailures(output) {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split('\n');
  const failures = new Map();
  const seen = new Set();
  let file;
  for (const [index, line] of lines.entries()) {
    const header = /^(test\/\S+\.test\.ts):$/.exec(line.trim());
    if (header) file = header[1];
    if (!line.includes('❌') || seen.has(`${file} ${line}`)) continue;
    seen.add(`${file} ${line}`);
    const browser = /\(failed on (\w+)\)\s*$/.exec(line)?.[1].toLowerCase();
    const hung = line.includes('Browser tests did not finish within');
    const refused = lines[index + 1]?.includes('WebDriverError');
    if (!file || !browser || !(hung || refused)) return null;
    const key = `${file} ${browser}`;
    failures.set(key, { file, browser, count: (failures.get(key)?.count ?? 0) + 1 });
  }
  return failures.size ? [...failures.values()] : null;
}

async function browserTests() {
  const run = await step('browser tests', 'npx', ['web-test-runner', ...args], { mayFail: true });
  if (run.code === 0) return add(run.counts);
  const retried = machineryFailures(run.output);
  if (!retried) {
    add(run.counts);
    console.error(`\nbrowser tests failed (exit ${run.code})`);
    finish(run.code || 1);
  }
  // Those failures are replaced by the second run of their files.
  const failures = retried.reduce((sum, { count }) => sum + count, 0);
  add({ passed: run.counts.passed, failed: run.counts.failed - failures });
  for (const { file, browser } of retried) {
    const again = await step(
      `browser tests: ${file} again in ${browser} (the test machinery failed, not a test)`,
      'npx',
      ['web-test-runner', '--files', file],
      { env: { RAZYLYK_BROWSERS: browser } },
    );
    add(again.counts);
  }
}

function finish(code) {
  console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

const counted = async (...stepArgs) => add((await step(...stepArgs)).counts);
if (!skip('BUILD')) await counted('build', 'node', ['scripts/build.mjs']);
if (!only && !skip('SIZE')) await counted('size budgets', 'npx', ['size-limit']);
await browserTests();
if (!only && !skip('APPS')) await counted('apps from the packed package', 'node', ['scripts/apps-test.mjs']);
if (!only && !skip('DEMO')) {
  await counted('demo: static build', 'npx', [
    'vite',
    'build',
    '--config',
    'vite.demo.config.ts',
    '--logLevel',
    'warn',
  ]);
  await counted('demo: every page of the static build', 'node', ['scripts/check-demo.mjs']);
  // The README's first command serves the same pages from source (Lit resolved as the demo's config says).
  await counted('demo: every page on the dev server (npm run demo)', 'node', [
    'scripts/check-demo.mjs',
    '--dev',
  ]);
  await counted('demo: legal review page printed to PDF', 'node', ['scripts/review-pdf.mjs']);
}
finish(totals.failed ? 1 : 0);
