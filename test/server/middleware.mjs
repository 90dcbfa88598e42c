// Test-server middleware: response headers that individual test pages need (strict CSP pages etc.).
export const testServerMiddleware = [];

// The script tag is served from a CDN in production: the embed tests load dist/ from the other
// loopback origin, and a cross-origin import() of the UI module needs CORS, as a CDN sends it.
testServerMiddleware.push(async (ctx, next) => {
  await next();
  if (ctx.path.startsWith('/dist/')) ctx.set('Access-Control-Allow-Origin', '*');
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
