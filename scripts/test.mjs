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

/** Runs one step, echoing its output; its own "x: N passed, N failed" line counts, else the step counts as one check. */
function step(name, cmd, cmdArgs) {
  console.log(`\n== ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let counted = false;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = COUNT_LINE.exec(line.trim());
        if (!match) continue;
        counted = true;
        totals.passed += Number(match[2]);
        totals.failed += Number(match[3]);
      }
    });
    child.on('close', (code) => {
      if (!counted) totals[code === 0 ? 'passed' : 'failed'] += 1;
      if (code !== 0) {
        console.error(`\n${name} failed (exit ${code})`);
        finish(code || 1);
      }
      resolve();
    });
  });
}

function finish(code) {
  console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

if (!skip('BUILD')) await step('build', 'node', ['scripts/build.mjs']);
if (!only && !skip('SIZE')) await step('size budgets', 'npx', ['size-limit']);
await step('browser tests', 'npx', ['web-test-runner', ...args]);
if (!only && !skip('APPS')) await step('apps from the packed package', 'node', ['scripts/apps-test.mjs']);
if (!only && !skip('DEMO')) {
  await step('demo: static build', 'npx', [
    'vite',
    'build',
    '--config',
    'vite.demo.config.ts',
    '--logLevel',
    'warn',
  ]);
  await step('demo: every page of the static build', 'node', ['scripts/check-demo.mjs']);
  await step('demo: legal review page printed to PDF', 'node', ['scripts/review-pdf.mjs']);
}
finish(totals.failed ? 1 : 0);
