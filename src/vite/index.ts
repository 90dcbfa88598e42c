/// <reference types="node" />
/**
 * razylyk/vite: self-hosting the script tag from a Vite app. The script tag imports its engine and UI
 * from `cdn/` beside its own URL, so it cannot be an ordinary bundled asset (`razylyk.js?url` gives a
 * hashed file with no `cdn/` beside it). This plugin ships `razylyk.js` and `cdn/` unchanged under one
 * folder of the app (`razylyk/` by default), serves them in dev, and adds the script tag to index.html:
 *
 *   import { defineConfig } from 'vite';
 *   import razylyk from 'razylyk/vite';
 *   export default defineConfig({ plugins: [razylyk({ attributes: { 'data-lang': 'en' } })] });
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';

export interface RazylykPluginOptions {
  /** The app's folder for the files, relative to its base. Default `razylyk`. */
  dir?: string;
  /**
   * The script tag's attributes (`data-lang`, `data-layout`, `data-theme`…, see the README), added to
   * `<script src=".../razylyk.js" defer>`; `false` adds no tag (place it yourself).
   */
  attributes?: Record<string, string | true> | false;
}

// dist/lib/vite.js: the script tag's files are dist/razylyk.js and dist/cdn/.
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The files the script tag needs, relative to dist/ (no source maps). */
function scriptTagFiles(): string[] {
  const cdn = join(dist, 'cdn');
  const nested = readdirSync(cdn, { recursive: true }).map(
    (file) => `cdn/${String(file).split(sep).join('/')}`,
  );
  return ['razylyk.js', ...nested].filter(
    (file) => !file.endsWith('.map') && statSync(join(dist, file)).isFile(),
  );
}

export default function razylyk(options: RazylykPluginOptions = {}): Plugin {
  const dir = (options.dir ?? 'razylyk').replace(/^\/+|\/+$/g, '');
  let config: ResolvedConfig;
  return {
    name: 'razylyk',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]);
        const prefix = `${config.base}${dir}/`;
        if (!path.startsWith(prefix)) return next();
        const file = resolve(dist, path.slice(prefix.length));
        if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'application/json');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const file of scriptTagFiles())
        this.emitFile({ type: 'asset', fileName: `${dir}/${file}`, source: readFileSync(join(dist, file)) });
    },
    transformIndexHtml() {
      if (options.attributes === false) return [];
      return [
        {
          tag: 'script',
          attrs: { src: `${config.base}${dir}/razylyk.js`, defer: true, ...options.attributes },
          // First: the app's own module scripts (deferred too) then find window.razylyk.
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
