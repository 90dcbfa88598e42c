import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML: render text, never markup.' },
            { name: 'lit/directives/style-map.js', message: 'No styleMap: inline styles break strict CSP.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is what every returning visitor loads: no Lit, no i18next.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', 'i18next', '../ui/*', '../i18n/*'],
              message: 'src/core stays framework-free.',
            },
          ],
        },
      ],
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
