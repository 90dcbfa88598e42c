import { defineConfig, type Plugin } from 'vite';
import { cpSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * npm run build:demo: the demo pages as a static site in dist-demo/, with relative URLs (base './') so it
 * works from any static host and any sub-folder. Every demo/*.html is a page. The pages import the
 * sources (src/, locales/) as modules, so the script-tag steps, the lazy UI and the locale chunks are
 * bundled with them. `vite preview --config vite.demo.config.ts` serves the result.
 */
const root = import.meta.dirname;
const demo = resolve(root, 'demo');
const pages = readdirSync(demo).filter((file) => file.endsWith('.html'));
const outDir = resolve(root, 'dist-demo');

/**
 * The sample website uses the real script tag, `../dist/razylyk.js` (built by `npm run build`). The
 * static site gets a copy of the loader and its lazily loaded chunks beside the pages, in razylyk/.
 */
function scriptTag(): Plugin {
  return {
    name: 'razylyk-demo-script-tag',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replaceAll('src="../dist/razylyk.js"', 'src="./razylyk/razylyk.js"'),
    },
    closeBundle() {
      cpSync(resolve(root, 'dist/razylyk.js'), resolve(outDir, 'razylyk/razylyk.js'));
      cpSync(resolve(root, 'dist/cdn'), resolve(outDir, 'razylyk/cdn'), { recursive: true });
    },
  };
}

export default defineConfig({
  root: demo,
  base: './',
  plugins: [scriptTag()],
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: { conditions: ['production', 'browser', 'module', 'import', 'default'] },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [root] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: Object.fromEntries(pages.map((file) => [file.replace(/\.html$/, ''), resolve(demo, file)])),
    },
  },
});
