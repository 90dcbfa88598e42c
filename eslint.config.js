import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

// Security standards of the project: these break strict CSP / Trusted Types.
const unsafeLitDirectives = [
  { name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML: render text, never markup.' },
  { name: 'lit/directives/style-map.js', message: 'No styleMap: inline styles break strict CSP.' },
];

/**
 * A layer's import rules: no Lit or i18next, and no relative import (static, re-export or dynamic) of the
 * given folders of src/ or of locales/, from any depth (`../ui/x.js`, `../../locales/en/ui.json`). A later
 * config object's no-restricted-imports replaces an earlier one's, so this repeats the directives above.
 */
const layerRules = (folders, message) => {
  const relative = `^(\\.\\./)+(${folders.join('|')})(/|$)`;
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: unsafeLitDirectives,
        patterns: [
          { group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', '@lit/*', 'i18next'], message },
          { regex: relative, message },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=/${relative.replaceAll('/', '\\/')}/]`, message },
    ],
  };
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-demo/**',
      'node_modules/**',
      'reports/**',
      'custom-elements.json',
      'test/apps/*/dist/**',
      'test/apps/*/node_modules/**',
      'test/apps/next/.next/**',
      'test/apps/next/out/**',
      'test/apps/next/next-env.d.ts',
      'test/apps/sveltekit/.svelte-kit/**',
      'test/apps/sveltekit/build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    languageOptions: { globals: globals.browser },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      // Security standards of the project: these break strict CSP / Trusted Types.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': ['error', { paths: unsafeLitDirectives }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is what every returning visitor loads: it depends on nothing outside src/core.
      ...layerRules(
        ['embed', 'host', 'ui', 'i18n', 'policy', 'locales'],
        'src/core imports nothing outside src/core: no Lit, no i18next, no embed, host, ui, i18n, policy or locales.',
      ),
    },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: {
      // The host page's side of the bridge is a small classic script: the consent API, never the UI.
      ...layerRules(
        ['embed', 'ui', 'i18n', 'locales'],
        "src/host is the host page's side of the bridge: no Lit, no i18next, no embed, ui, i18n or locales.",
      ),
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
