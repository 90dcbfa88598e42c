// Test-server middleware: response headers that individual test pages need (strict CSP pages etc.).
export const testServerMiddleware = [];

// The script tag is served from a CDN in production: the embed tests load dist/ from the other
// loopback origin, and a cross-origin import() of the UI module needs CORS, as a CDN sends it.
testServerMiddleware.push(async (ctx, next) => {
  await next();
  // (/hardening-fault/no-cors/: a CDN that sends none.)
  if (ctx.path.startsWith('/dist/') && !ctx.state.noCors) ctx.set('Access-Control-Allow-Origin', '*');
});

// Demo pages loaded by test/demo with ?capture-errors: a classic script at the very top of <head>
// records console.error calls, uncaught errors and unhandled rejections in window.__demoErrors before any
// of the page's own scripts run, so a test can assert that a page loads without errors.
const CAPTURE_ERRORS = `<script>(function(){var list=window.__demoErrors=[];var original=console.error;
console.error=function(){list.push(Array.prototype.map.call(arguments,String).join(' '));return original.apply(console,arguments);};
addEventListener('error',function(e){list.push('error: '+(e.message||(e.target&&e.target.src)||'resource'));},true);
addEventListener('unhandledrejection',function(e){list.push('unhandled rejection: '+String(e.reason));});})();</script>`;

async function bodyText(body) {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  if (body && typeof body.on === 'function') {
    const chunks = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  return undefined;
}

testServerMiddleware.push(async (ctx, next) => {
  await next();
  if (!ctx.path.startsWith('/demo/') || !ctx.path.endsWith('.html') || !('capture-errors' in ctx.query))
    return;
  const html = await bodyText(ctx.body);
  if (html === undefined) return;
  ctx.body = html.replace(/<head>/i, `<head>${CAPTURE_ERRORS}`);
  ctx.remove('Content-Length');
});

// ---------------------------------------------------------------------------------------------------
// test/hardening: strict-CSP pages and fault injection.
//
// 1. Pages under /test/hardening/fixtures/*.html get a fresh random nonce per response, written into
//    every `nonce="{{nonce}}"` placeholder; `?csp=<profile>` adds that Content-Security-Policy header
//    (with the same nonce). No caching, so every load gets its own nonce.
// 2. /hardening-fault/<fault>/<path> serves <path> (e.g. /hardening-fault/offline/dist/razylyk.js) with
//    a fault applied to the lazily loaded UI and its chunks, which razylyk.js resolves relative to its
//    own URL and so requests under the same prefix.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const STRICT_BASE = (nonce) =>
  `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'; ` +
  `require-trusted-types-for 'script'`;
export const HARDENING_CSP = {
  strict: (nonce) => `${STRICT_BASE(nonce)}; trusted-types lit-html razylyk`,
  // A host page that also runs Lit needs its second 'lit-html' policy allowed.
  'strict-duplicates': (nonce) => `${STRICT_BASE(nonce)}; trusted-types lit-html razylyk 'allow-duplicates'`,
  // A host that forbids razylyk's own policy.
  'lit-only': (nonce) => `${STRICT_BASE(nonce)}; trusted-types lit-html`,
};

testServerMiddleware.push(async (ctx, next) => {
  if (!ctx.path.startsWith('/test/hardening/fixtures/') || !ctx.path.endsWith('.html')) return next();
  // A 304 would leave us no body to write the nonce into.
  delete ctx.request.headers['if-none-match'];
  delete ctx.request.headers['if-modified-since'];
  await next();
  const html = await bodyText(ctx.body);
  if (html === undefined) return;
  const nonce = randomBytes(18).toString('base64');
  // The dev server's live-reload script is test machinery, not part of the host page under test.
  ctx.body = html
    .replace(
      /(<!-- injected by web-dev-server -->\s*)?<script type="module" src="\/__web-dev-server__web-socket\.js"><\/script>/,
      '',
    )
    .replaceAll('nonce="{{nonce}}"', `nonce="${nonce}"`);
  ctx.remove('Content-Length');
  ctx.remove('ETag');
  ctx.set('Cache-Control', 'no-store');
  const profile = HARDENING_CSP[ctx.query.csp];
  if (profile) ctx.set('Content-Security-Policy', profile(nonce));
});

const FAULT_PREFIX = /^\/hardening-fault\/([a-z0-9-]+)(\/.*)$/;
const LOCALE_CHUNK = /^\/dist\/cdn\/chunks\/ui-[^/]+\.js$/;
const UI_MODULE = '/dist/cdn/ui.js';
const DIALOGS_CHUNK = '/dist/cdn/chunks/dialog-elements.js';

/** English UI strings with every text replaced by markup, plus a __proto__ key: what a hostile locale chunk could hold. */
function markupLocale() {
  const strings = JSON.parse(readFileSync(new URL('../../locales/en/ui.json', import.meta.url), 'utf8'));
  const poison = (value) =>
    typeof value === 'string'
      ? `<img src=x onerror="window.__xss=(window.__xss||0)+1">${value}`
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v)]));
  const text = JSON.stringify(poison(strings)).replace(/^\{/, '{"__proto__":{"polluted":"locale"},');
  // JSON.parse keeps "__proto__" as an own key, as a JSON file or a fetched resource would.
  return `export default JSON.parse(${JSON.stringify(text)});`;
}

const FAULTS = {
  // The UI module fails.
  'ui-down': (path) => (path === UI_MODULE ? { status: 503 } : undefined),
  // The preferences' and policy reader's chunk fails at its address; the UI's one retry (?retry=1) succeeds.
  'dialogs-flaky': (path, ctx) =>
    path === DIALOGS_CHUNK && ctx.query.retry === undefined ? { status: 503 } : undefined,
  // That chunk fails at every address.
  'dialogs-down': (path) => (path === DIALOGS_CHUNK ? { status: 503 } : undefined),
  // Locale chunks of every language but the bundled Turkmen.
  'locale-404': (path) => (LOCALE_CHUNK.test(path) ? { status: 404 } : undefined),
  'locale-500': (path) => (LOCALE_CHUNK.test(path) ? { status: 500 } : undefined),
  'locale-garbage': (path) =>
    LOCALE_CHUNK.test(path) ? { status: 200, body: '<html>502 Bad Gateway</html> {{{' } : undefined,
  'locale-shape': (path) =>
    LOCALE_CHUNK.test(path) ? { status: 200, body: 'export default 42;' } : undefined,
  'locale-markup': (path) => (LOCALE_CHUNK.test(path) ? { status: 200, body: markupLocale() } : undefined),
  // No UI chunk reaches the page (the engine does): the connection drops, as offline.
  offline: (path) =>
    path.startsWith('/dist/cdn/') && path !== '/dist/cdn/engine.js' ? { drop: true } : undefined,
  // Nothing beyond razylyk.js reaches the page, not even the engine.
  'cdn-down': (path) => (path.startsWith('/dist/cdn/') ? { drop: true } : undefined),
};

testServerMiddleware.push(async (ctx, next) => {
  const match = FAULT_PREFIX.exec(ctx.path);
  if (!match) return next();
  const [, name, path] = match;
  if (name === 'no-cors') ctx.state.noCors = true;
  const fault = FAULTS[name]?.(path, ctx);
  if (fault?.drop) {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (fault) {
    ctx.status = fault.status;
    ctx.type = 'text/javascript';
    ctx.body = fault.body ?? `/* hardening fault ${name} */`;
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cache-Control', 'no-store');
    return;
  }
  const query = ctx.querystring ? `?${ctx.querystring}` : '';
  ctx.url = path + query;
  delete ctx.request.headers['if-none-match'];
  delete ctx.request.headers['if-modified-since'];
  await next();
  ctx.set('Cache-Control', 'no-store');
});
