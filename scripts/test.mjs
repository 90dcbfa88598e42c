// npm test: build (the script-tag tests load dist/), check the size budgets, then run every browser
// test in headless Chromium and Firefox, then build and drive the apps in test/apps from the packed
// package (scripts/apps-test.mjs). Extra arguments go to web-test-runner (e.g. --files) and skip the apps.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const step = (name, cmd, cmdArgs) => {
  console.log(`\n== ${name}`);
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
};

if (!process.env.RAZYLYK_SKIP_BUILD) step('build', 'node', ['scripts/build.mjs']);
if (!args.length && !process.env.RAZYLYK_SKIP_SIZE) step('size budgets', 'npx', ['size-limit']);
step('browser tests', 'npx', ['web-test-runner', ...args]);
if (!args.length && !process.env.RAZYLYK_SKIP_APPS)
  step('apps from the packed package', 'node', ['scripts/apps-test.mjs']);
