import { defineConfig, type UserConfig } from 'vite';
import { resolve } from 'node:path';

/**
 * One config, four builds (scripts/build.mjs runs them in turn, selected with --mode):
 *   lib     ESM for npm: lit and i18next external, one chunk per locale, source maps
 *   loader  dist/razylyk.js: the script-tag entry, a classic script with the core only
 *   host    dist/razylyk-host.js: the host-page side of the iframe bridge, as a classic script
 *   ui      dist/cdn/ui.js: Lit, i18next and the elements as one ES module, loaded by the loader on demand
 * The demo server (npm run demo) uses the default mode: it serves src/ directly.
 */
const root = import.meta.dirname;
const src = (path: string) => resolve(root, 'src', path);

const classicScript = (entry: string, fileName: string, name: string): UserConfig['build'] => ({
  outDir: 'dist',
  emptyOutDir: false,
  sourcemap: true,
  target: 'es2020',
  lib: { entry: src(entry), formats: ['iife'], name, fileName: () => fileName },
});

export default defineConfig(({ mode }): UserConfig => {
  const production = { 'process.env.NODE_ENV': JSON.stringify('production') };
  switch (mode) {
    case 'lib':
      return {
        define: production,
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
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: [/^lit($|\/)/, /^@lit\//, /^i18next$/],
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      };
    case 'loader':
      return { define: production, build: classicScript('embed/razylyk.ts', 'razylyk.js', 'razylykLoader') };
    case 'host':
      return { define: production, build: classicScript('host/script.ts', 'razylyk-host.js', 'razylykHost') };
    case 'ui':
      return {
        define: production,
        resolve: { conditions: ['production', 'browser', 'module', 'import', 'default'] },
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: true,
          sourcemap: true,
          target: 'es2022',
          lib: { entry: { ui: src('ui/mount.ts') }, formats: ['es'] },
          rolldownOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
        },
      };
    default:
      return {
        server: { host: '127.0.0.1', port: 5173 },
      };
  }
});
