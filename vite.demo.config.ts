import { defineConfig } from 'vite';
import { readdirSync } from 'node:fs';
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

export default defineConfig({
  root: demo,
  base: './',
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: { conditions: ['production', 'browser', 'module', 'import', 'default'] },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [root] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: resolve(root, 'dist-demo'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: Object.fromEntries(pages.map((file) => [file.replace(/\.html$/, ''), resolve(demo, file)])),
    },
  },
});
