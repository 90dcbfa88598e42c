// npm run demo: builds the script tag (the sample website loads the real dist/razylyk.js), then the
// vite dev server over the sources, and the URLs of every demo page.
// 127.0.0.1 and localhost are two origins of one server: the iframe demo uses both.
import { execFileSync } from 'node:child_process';
import { createServer } from 'vite';

console.log('building dist/ (the script tag the sample website uses)…');
execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

const port = Number(process.env.PORT ?? 5173);
const server = await createServer({
  configFile: 'vite.config.ts',
  server: { host: '127.0.0.1', port, strictPort: true },
});
await server.listen();
const base = `http://127.0.0.1:${port}`;
console.log(`
razylyk demo is running:
  ${base}/demo/index.html          sample Qiming website (script tag, gated examples, live record and event log)
  ${base}/demo/iframe.html         the banner in an iframe on a second origin (http://localhost:${port}), both panels live
  ${base}/demo/spa.html            the npm import path
  ${base}/demo/legal-review.html   legal review: policy side by side, errata, strings, previews, storage
Press Ctrl+C to stop.`);
