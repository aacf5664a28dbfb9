import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.koe-data/**', 'coverage/**', '.examples-build/**', 'examples/*/node_modules/**', 'examples/*/dist/**'] },
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'lit/no-template-bind': 'error',
      // Nothing from a page is rendered as HTML: no escape hatches.
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit/directives/unsafe-html.js', 'lit/directives/unsafe-svg.js'], message: 'Never render page data as HTML.' }] }],
    },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
