import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/**
 * One config, five builds (scripts/build.mjs empties dist/ once, then runs them, selected with --mode;
 * each writes files of its own, so their order does not matter):
 *   lib     ESM for npm: lit and i18next external, one chunk per locale, source maps
 *   loader  dist/razylyk.js: the script tag's first stage, a classic script: the stored decision,
 *           checked and enforced (all a returning visitor loads), and a light window.razylyk
 *   engine  dist/cdn/engine.js: the second stage, an ES module the first imports when needed: the
 *           consent engine, the configuration's checks, the UI connection and the fallback notice;
 *           the frame side of the bridge in a chunk of its own (chunks/frame-bridge.js, iframe mode)
 *   host    dist/razylyk-host.js: the host-page side of the iframe bridge, as a classic script
 *   ui      dist/cdn/ui.js: Lit and the banner as one ES module, loaded by the loader when the banner
 *           or the preferences must show; the preferences and the policy reader with i18next, and each
 *           language's strings and policy, in chunks of their own (chunks/dialog-elements.js,
 *           chunks/ui-<lang>.js, chunks/policy-<lang>.js), and the placeholders of held-back embeds
 *           (chunks/placeholders.js, only on a page that has one)
 * The demo server (npm run demo) uses the default mode: it serves src/ directly.
 *
 * Everything in dist/cdn is fetched relative to razylyk.js's own URL, so the files stay together.
 */
const root = import.meta.dirname;
const src = (path: string) => resolve(root, 'src', path);

const TERSER = { compress: { passes: 3, pure_getters: true, unsafe_arrows: true }, ecma: 2022 } as const;

const classicScript = (entry: string, fileName: string, name: string): UserConfig['build'] => ({
  outDir: 'dist',
  emptyOutDir: false,
  sourcemap: true,
  target: 'es2022',
  // terser's extra passes save a tenth of the first stage, the one file every page view loads.
  minify: 'terser',
  terserOptions: TERSER,
  lib: { entry: src(entry), formats: ['iife'], name, fileName: () => fileName },
});

/** The preferences' and policy reader's chunk, by a stable name the UI retries it under. */
const DIALOGS_CHUNK = 'chunks/dialog-elements.js';

/** Stable names of dist/cdn's chunks, by a module each contains: size-limit and the code find them. */
const NAMED_CHUNKS: [module: string, file: string][] = [
  // The UI retries it under a query on this name (__RAZYLYK_DIALOGS_RETRY__); the engine preloads it.
  ['ui/dialog-elements.ts', DIALOGS_CHUNK],
  ['ui/placeholders.ts', 'chunks/placeholders.js'],
  // The URL checks and script policy both of those chunks use (the placeholders' "Load once").
  ['core/trusted.ts', 'chunks/trusted.js'],
  ['core/frame-bridge.ts', 'chunks/frame-bridge.js'],
];

/** A fully minified ES module build of `entry` into dist/cdn (vite's lib mode keeps ES output unminified). */
const cdnModule = (name: string, entry: string): UserConfig['build'] => ({
  outDir: 'dist/cdn',
  // scripts/build.mjs empties dist/ once: the engine's and the UI's builds both write here.
  emptyOutDir: false,
  sourcemap: true,
  target: 'es2022',
  minify: true,
  // The loader imports these modules itself: no preload helper, no polyfill.
  modulePreload: false,
  rolldownOptions: {
    input: { [name]: src(entry) },
    // Code the dialogs' chunk shares with the banner stays in the entry (the chunk imports it from there)
    // rather than moving to a third file that every first visit would have to fetch as well.
    preserveEntrySignatures: 'allow-extension',
    output: {
      format: 'es',
      entryFileNames: '[name].js',
      // Stable names: the engine preloads the visitor's language by name, and size-limit finds them.
      chunkFileNames: (chunk) => {
        const json = chunk.moduleIds.find((id) => id.endsWith('.json') && id.includes('/locales/'));
        if (json) return `chunks/${basename(json, '.json')}-${basename(dirname(json))}.js`;
        const named = NAMED_CHUNKS.find(([module]) => chunk.moduleIds.includes(src(module)));
        return named?.[1] ?? 'chunks/[name]-[hash].js';
      },
    },
  },
});

/**
 * Vite wraps dynamic imports in a helper that adds <link rel=modulepreload> for a chunk's dependencies.
 * Every chunk here is a leaf, so the helper (about 0.6 KB brotli) would only ever call the import.
 */
function plainDynamicImports(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'razylyk-plain-dynamic-imports',
    enforce: 'pre',
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : null),
  };
}

/**
 * terser twice more over the finished classic script: with the code already compressed, its mangler
 * picks names that brotli compresses better (about 2.5% of the first stage, the file every view loads;
 * a fourth run changes nothing). `hoist`: function declarations moved to the top of their scope, which
 * brotli takes 12 B better on the first stage (the host helper gets 12 B worse).
 */
function minifyTwiceMore({ mapComment, hoist }: { mapComment: boolean; hoist?: boolean }): Plugin {
  return {
    name: 'razylyk-minify-twice-more',
    apply: 'build',
    async generateBundle(_, bundle) {
      const { minify } = await import('terser');
      for (const chunk of Object.values(bundle)) {
        const mapFile = `${chunk.fileName}.map`;
        const mapAsset = bundle[mapFile];
        if (chunk.type !== 'chunk' || !chunk.map || mapAsset?.type !== 'asset') continue;
        let code = chunk.code.replace(/\n\/\/# sourceMappingURL=.*$/, '');
        let map = JSON.stringify(chunk.map);
        for (let run = 0; run < 2; run++) {
          const result = await minify(code, {
            ...TERSER,
            compress: { ...TERSER.compress, hoist_funs: hoist },
            sourceMap: { content: map, url: basename(mapFile), includeSources: true },
          });
          code = result.code!.replace(/\n\/\/# sourceMappingURL=.*$/, '');
          map = result.map as string;
        }
        chunk.code = mapComment ? `${code}\n//# sourceMappingURL=${basename(mapFile)}` : code;
        mapAsset.source = map;
      }
    },
  };
}

/**
 * The UI's styles as Lightning CSS minifies them: Lit's css`` literals reach the bundle as written
 * (comments and indentation included), and every first visit loads the banner's; a site's bundler
 * would not minify them either (the npm build).
 */
function minifyCssLiterals(): Plugin {
  return {
    name: 'razylyk-minify-css-literals',
    apply: 'build',
    async transform(code, id) {
      if (!id.startsWith(src('ui/')) || !code.includes('css`')) return null;
      const { minifyHTMLLiterals } = await import('minify-literals');
      return minifyHTMLLiterals(code, { fileName: id, html: false });
    },
  };
}

/** Resolves imports of `from` (absolute path) to `to` instead: a build-time stand-in for one module. */
function swapModule(from: string, to: string): Plugin {
  return {
    name: `razylyk-swap:${basename(from)}`,
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === from ? to : null;
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  const production = { 'process.env.NODE_ENV': JSON.stringify('production') };
  switch (mode) {
    case 'lib':
      return {
        define: production,
        plugins: [minifyCssLiterals()],
        build: {
          outDir: 'dist/lib',
          emptyOutDir: true,
          sourcemap: true,
          target: 'es2022',
          minify: false,
          lib: {
            entry: {
              index: src('index.ts'),
              core: src('core/index.ts'),
              host: src('host/index.ts'),
              elements: src('ui/define.ts'),
              react: src('react/index.ts'),
              vite: src('vite/index.ts'),
              vue: src('vue/index.ts'),
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: [/^lit($|\/)/, /^@lit\//, /^i18next$/, /^react($|\/)/, /^node:/, /^vite$/],
            // No 'use client' in razylyk/react: it exports a hook, which only a client component can call
            // (and bundlers like Vite warn about the directive).
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      };
    case 'loader':
      return {
        define: production,
        // razylyk.js.map ships beside it, but without the comment naming it: those 32 bytes would be on
        // every page view of every visitor (load the map in devtools, or send a SourceMap header).
        plugins: [minifyTwiceMore({ mapComment: false, hoist: true })],
        build: classicScript('embed/first-stage.ts', 'razylyk.js', 'razylykLoader'),
      };
    case 'engine':
      return {
        define: production,
        plugins: [plainDynamicImports()],
        build: cdnModule('engine', 'embed/engine.ts'),
      };
    case 'host':
      return {
        define: production,
        plugins: [minifyTwiceMore({ mapComment: true })],
        build: classicScript('host/script.ts', 'razylyk-host.js', 'razylykHost'),
      };
    case 'ui':
      return {
        define: {
          ...production,
          // For src/ui/dialogs.ts: the dialogs' chunk beside this entry under an address of its own, for
          // one retry after a failed fetch (browsers remember a failed module address).
          __RAZYLYK_DIALOGS_RETRY__: JSON.stringify(`./${DIALOGS_CHUNK}?retry=1`),
        },
        resolve: { conditions: ['production', 'browser', 'module', 'import', 'default'] },
        // The UI joins the instance the loader created rather than bundling a second core.
        plugins: [
          swapModule(src('core/instance.ts'), src('embed/ui-instance.ts')),
          plainDynamicImports(),
          minifyCssLiterals(),
        ],
        build: cdnModule('ui', 'ui/mount.ts'),
      };
    default:
      return {
        server: { host: '127.0.0.1', port: 5173 },
        // Lit as sites get it from the package (its production build): the demo's console is what a
        // reviewer reads, and Lit's dev build warns "Lit is in dev mode" on every page.
        resolve: { conditions: ['module', 'browser', 'production'] },
        // Only the demo pages: test/apps import the packed package, which exists only during npm test.
        optimizeDeps: { entries: ['demo/*.html'] },
        plugins: [serveBuiltFiles()],
      };
  }
});

/**
 * The demo's sample website loads the built script tag, /dist/razylyk.js, and its chunks. The dev server
 * would treat them as source modules and rewrite them; they are served as they were built instead.
 */
function serveBuiltFiles(): Plugin {
  const distRoot = resolve(root, 'dist');
  return {
    name: 'razylyk-serve-built-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]);
        if (!path.startsWith('/dist/')) return next();
        const file = resolve(root, `.${path}`);
        if (!file.startsWith(distRoot) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'application/json');
        res.end(readFileSync(file));
      });
    },
  };
}
