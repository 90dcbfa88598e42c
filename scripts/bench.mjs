// npm run bench: razylyk against vanilla-cookieconsent and klaro on the same host page with the same
// five purposes. Serves everything on loopback (compressed like a CDN would), drives the system
// Chromium with fresh profiles, alternates libraries in one run, and writes reports/bench.md.
//   RUNS=15 (default) fresh loads per library and network profile.
//   BENCH_NETWORK=loopback,fast4g (default: both): loopback shows the main-thread cost alone; Fast 4G
//   (DevTools' preset, throttled per page) shows what round trips and bytes cost a real visitor.
//   BENCH_MAX_LOAD=<n> (default: the number of CPUs) and BENCH_WAIT=<seconds> (default 600): timings are
//   only comparable on a quiet machine, so the bench first waits (up to BENCH_WAIT) until the 1-minute
//   load average is below BENCH_MAX_LOAD, and the report states the load before and after the run.
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { readFileSync, existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import puppeteer, { PredefinedNetworkConditions } from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS } from './browsers.mjs';
import { libraries } from '../bench/libraries.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const MAX_LOAD = Number(process.env.BENCH_MAX_LOAD ?? cpus().length);
const WAIT_S = Number(process.env.BENCH_WAIT ?? 600);
// puppeteer-core's copy of DevTools' preset (latency 60 ms × 2.75, 9 and 1.5 Mbit/s × 0.9), so the
// figures match what a developer sees when choosing "Fast 4G" in DevTools.
const fast4g = PredefinedNetworkConditions['Fast 4G'];
const NETWORKS = {
  loopback: { title: 'loopback, no throttling', conditions: null },
  fast4g: {
    title: `Fast 4G (DevTools preset: ${fast4g.latency} ms latency, ${mbitPerSecond(fast4g.download)} Mbit/s down, ${mbitPerSecond(fast4g.upload)} Mbit/s up)`,
    conditions: fast4g,
  },
};
function mbitPerSecond(bytesPerSecond) {
  return Number(((bytesPerSecond * 8) / 1e6).toFixed(3));
}
const networks = (process.env.BENCH_NETWORK ?? 'loopback,fast4g').split(',').map((n) => n.trim());
const unknown = networks.filter((n) => !NETWORKS[n]);
if (unknown.length) {
  console.error(`bench: unknown BENCH_NETWORK ${unknown.join(', ')}; use ${Object.keys(NETWORKS).join(',')}`);
  process.exit(1);
}
const root = new URL('../', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/razylyk.js'))) {
  console.error('bench: dist/razylyk.js is missing; run `npm run build` first.');
  process.exit(1);
}

// ---- server -------------------------------------------------------------------------------------
const MOUNTS = {
  '/razylyk/': join(root, 'dist/'),
  '/vendor/cookieconsent/': join(root, 'node_modules/vanilla-cookieconsent/dist/'),
  '/vendor/klaro/': join(root, 'node_modules/klaro/dist/'),
};
const TYPES = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.json': 'application/json',
};
const hostPage = readFileSync(join(root, 'bench/host.html'), 'utf8');
const compressed = new Map();

function body(path, text) {
  const key = path;
  if (!compressed.has(key)) {
    const raw = Buffer.from(text);
    compressed.set(key, {
      raw,
      br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(raw, { level: 9 }),
    });
  }
  return compressed.get(key);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let path = url.pathname;
  let text;
  const lib = path.slice(1).replace(/\.html$/, '');
  if (path.endsWith('.html') && libraries[lib]) {
    text = hostPage.replace('<!--LIBRARY-->', libraries[lib].head);
  } else {
    const mount = Object.keys(MOUNTS).find((m) => path.startsWith(m));
    const file = mount && normalize(join(MOUNTS[mount], path.slice(mount.length)));
    if (!file || !file.startsWith(MOUNTS[mount]) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    text = readFileSync(file);
  }
  const encodings = req.headers['accept-encoding'] ?? '';
  const b = body(path, text);
  const encoding = encodings.includes('br') ? 'br' : encodings.includes('gzip') ? 'gzip' : undefined;
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  res.end(encoding ? b[encoding] : b.raw);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- a quiet machine ----------------------------------------------------------------------------
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
for (let waited = 0; loadavg()[0] >= MAX_LOAD && waited < WAIT_S; waited += 10) {
  if (waited === 0)
    console.log(`bench: load ${load()} (1/5/15 min); waiting up to ${WAIT_S}s for < ${MAX_LOAD}…`);
  await new Promise((r) => setTimeout(r, 10_000));
}
const loadBefore = load();
if (loadavg()[0] >= MAX_LOAD)
  console.warn(`bench: the machine is still busy (load ${loadBefore}); timings will be noisy.`);

// ---- measurement --------------------------------------------------------------------------------
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_ARGS,
});

const CLS_OBSERVER = () => {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

async function instrument(page) {
  const client = await page.createCDPSession();
  await client.send('Performance.enable');
  await client.send('Network.enable');
  // Library bytes: every response but the host document itself, which is the same for all (encoded
  // bytes on the wire, headers included). The files fetched, for the report.
  const counter = { bytes: 0, files: [] };
  const documents = new Set();
  const urls = new Map();
  client.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
  client.on('Network.responseReceived', (e) => e.type === 'Document' && documents.add(e.requestId));
  client.on('Network.loadingFinished', (e) => {
    if (documents.has(e.requestId)) return;
    counter.bytes += e.encodedDataLength;
    counter.files.push(urls.get(e.requestId));
  });
  await page.evaluateOnNewDocument(CLS_OBSERVER);
  const metrics = async () => {
    const { metrics } = await client.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  return { counter, metrics };
}

async function settle(page) {
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 10000 }).catch(() => {});
}

/** A fresh page under the network profile's conditions (null: loopback as is). */
async function openPage(context, conditions) {
  const page = await context.newPage();
  if (conditions) await page.emulateNetworkConditions(conditions);
  return page;
}

async function firstVisit(context, name, lib, conditions) {
  const page = await openPage(context, conditions);
  await page.setViewport({ width: 1280, height: 800 });
  const { counter, metrics } = await instrument(page);
  await page.goto(`${origin}/${name}.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(`(${lib.visible}) && (window.__bannerAt ??= performance.now())`, {
    polling: 'raf',
    timeout: 15000,
  });
  await settle(page);
  const m = await metrics();
  const result = {
    bannerMs: await page.evaluate(() => window.__bannerAt),
    scriptMs: m.ScriptDuration * 1000,
    heapMb: m.JSHeapUsedSize / 1048576,
    cls: await page.evaluate(() => window.__cls),
    kb: counter.bytes / 1024,
    files: [...counter.files],
  };
  // Accept, then count animation frames until the banner no longer shows.
  const hidden = await page.evaluate(
    new Function(`return (async () => {
      const button = ${lib.accept};
      const start = performance.now();
      button.click();
      let frames = 0;
      while ((${lib.visible}) && frames < 120) { await new Promise((r) => requestAnimationFrame(r)); frames++; }
      return { ms: performance.now() - start, frames };
    })()`),
  );
  result.acceptMs = hidden.ms;
  result.acceptFrames = hidden.frames;
  await settle(page);
  await page.close();
  return result;
}

async function returningVisit(context, name, lib, conditions) {
  const page = await openPage(context, conditions);
  const { counter, metrics } = await instrument(page);
  await page.goto(`${origin}/${name}.html`, { waitUntil: 'load' });
  await settle(page);
  await new Promise((r) => setTimeout(r, 300));
  const m = await metrics();
  const result = {
    kb: counter.bytes / 1024,
    scriptMs: m.ScriptDuration * 1000,
    bannerDom: await page.evaluate(lib.bannerDom),
    files: [...counter.files],
  };
  // Later on the same visit, the visitor opens the preferences: how long until they show.
  result.preferencesMs = await page.evaluate(
    new Function(`return (async () => {
      const start = performance.now();
      ${lib.openPreferences};
      while (!(${lib.preferencesVisible})) {
        if (performance.now() - start > 10000) return NaN;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - start;
    })()`),
  );
  await page.close();
  return result;
}

const names = Object.keys(libraries);
// samples[network][library] = { first: [...], returning: [...] }
const samples = Object.fromEntries(
  networks.map((net) => [net, Object.fromEntries(names.map((n) => [n, { first: [], returning: [] }]))]),
);
for (let run = 0; run < RUNS; run++) {
  // Every run visits each profile, so a busy spell on the machine falls on both, not on one.
  for (const net of networks) {
    // Rotate the order so no library always runs first (cold caches, CPU frequency).
    const order = names.map((_, i) => names[(i + run) % names.length]);
    const { conditions } = NETWORKS[net];
    for (const name of order) {
      const context = await browser.createBrowserContext();
      try {
        samples[net][name].first.push(await firstVisit(context, name, libraries[name], conditions));
        samples[net][name].returning.push(await returningVisit(context, name, libraries[name], conditions));
      } catch (err) {
        console.error(`bench: ${net} ${name} run ${run + 1} failed: ${err.message}`);
      } finally {
        await context.close();
      }
    }
  }
  process.stdout.write(`\rbench: ${run + 1}/${RUNS} runs`);
}
process.stdout.write('\n');
const loadAfter = load();
if (process.env.BENCH_HOLD) await new Promise((r) => setTimeout(r, 1e9));
await browser.close();
server.close();

// ---- report -------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const stat = (xs, digits) =>
  xs.length
    ? `${fmt(median(xs), digits)} (${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)})`
    : 'n/a';
const baseline = 'vanilla-cookieconsent';
const rows = [
  ['First visit: navigation → banner visible (ms)', (s) => s.first.map((r) => r.bannerMs), 0],
  ['First visit: main-thread script time (ms)', (s) => s.first.map((r) => r.scriptMs), 1],
  ['First visit: CLS', (s) => s.first.map((r) => r.cls), 3],
  ['First visit: JS heap (MB)', (s) => s.first.map((r) => r.heapMb), 2],
  ['First visit: bytes transferred, host page excluded (KB)', (s) => s.first.map((r) => r.kb), 1],
  ['Accept → banner hidden (ms)', (s) => s.first.map((r) => r.acceptMs), 1],
  ['Accept → banner hidden (frames)', (s) => s.first.map((r) => r.acceptFrames), 0],
  ['Returning visitor: bytes transferred, host page excluded (KB)', (s) => s.returning.map((r) => r.kb), 1],
  ['Returning visitor: script time (ms)', (s) => s.returning.map((r) => r.scriptMs), 1],
  ['Returning visitor: open preferences → visible (ms)', (s) => s.returning.map((r) => r.preferencesMs), 0],
];
/** One profile's metric table and the issue's targets for razylyk, from that profile's samples. */
function section(net) {
  const byLib = samples[net];
  const header = `| metric (median, min–max) | ${names.map((n) => `${n}${n === baseline ? '' : ` (× ${baseline})`}`).join(' | ')} |`;
  const lines = [header, `|---|${names.map(() => '---').join('|')}|`];
  for (const [label, pick, digits] of rows) {
    // A measurement that timed out (NaN) is left out of the statistics.
    const finite = (n) => pick(byLib[n]).filter(Number.isFinite);
    const base = median(finite(baseline));
    const cells = names.map((n) => {
      const xs = finite(n);
      const ratio = n !== baseline && base > 0 && xs.length ? ` ×${fmt(median(xs) / base, 2)}` : '';
      return `${stat(xs, digits)}${ratio}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  lines.push(
    `| Returning visitor: banner DOM exists | ${names
      .map((n) => `${byLib[n].returning.filter((r) => r.bannerDom).length}/${byLib[n].returning.length}`)
      .join(' | ')} |`,
  );

  // The issue's targets for razylyk, medians of this run, with the exact figures behind each verdict.
  const medianOf = (name, visit, field) =>
    median(byLib[name][visit].map((r) => r[field]).filter(Number.isFinite));
  const ours = 'razylyk';
  const bytes = (name) => Math.round(medianOf(name, 'returning', 'kb') * 1024);
  const targets = [
    [
      'returning-visitor bytes ≤ 0.25× vanilla-cookieconsent',
      `${bytes(ours)} B / ${bytes(baseline)} B = ×${fmt(bytes(ours) / bytes(baseline), 4)}`,
      bytes(ours) <= 0.25 * bytes(baseline),
    ],
    [
      'navigation → banner visible ≤ vanilla-cookieconsent',
      `${fmt(medianOf(ours, 'first', 'bannerMs'), 0)} ms vs ${fmt(medianOf(baseline, 'first', 'bannerMs'), 0)} ms`,
      medianOf(ours, 'first', 'bannerMs') <= medianOf(baseline, 'first', 'bannerMs'),
    ],
    ['CLS 0', fmt(medianOf(ours, 'first', 'cls'), 3), medianOf(ours, 'first', 'cls') === 0],
    [
      'accept → banner hidden within one frame',
      `${medianOf(ours, 'first', 'acceptFrames')} frame(s)`,
      medianOf(ours, 'first', 'acceptFrames') <= 1,
    ],
  ];
  const targetTable = [
    '| target (razylyk, medians) | measured | |',
    '|---|---|---|',
    ...targets.map(([what, measured, met]) => `| ${what} | ${measured} | ${met ? 'met' : '**missed**'} |`),
  ];
  return [`## ${NETWORKS[net].title}`, '', ...lines, '', ...targetTable].join('\n');
}
const sections = networks.map(section).join('\n\n');
// What each library fetched (beyond the host page), in the last run: the chunk graph as the browser
// saw it (the same under every profile).
const fetched = names
  .map((n) => {
    const last = samples[networks[0]][n].first.at(-1);
    const back = samples[networks[0]][n].returning.at(-1);
    return `- ${n}: first visit ${last?.files.join(', ') || 'n/a'}; returning visit ${back?.files.join(', ') || 'nothing'}`;
  })
  .join('\n');
const report = `# razylyk benchmark

${new Date().toISOString()} · ${RUNS} fresh loads per library and network profile, alternating · headless Chromium (${chromiumPath()}) · served on loopback, brotli/gzip as the browser accepts · viewport 1280×800 · load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after, ${cpus().length} CPUs

${sections}

Files fetched (last run):
${fetched}
`;
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports/bench.md'), report);
console.log(`\n${sections}\n\nwritten to reports/bench.md`);
