import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {ignores: ['dist/**', 'coverage/**', 'src/generated/**', 'test-output/**', '.tmp/**', 'node_modules/**', '**/node_modules/**', 'custom-elements.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      // Card data must never reach a log line; warnings about bad config are the only exception.
      'no-console': ['error', {allow: ['warn', 'error']}],
    },
  },
  {
    files: ['**/*.mjs', 'bench/**', 'scripts/**', 'src/server/**', 'src/sandbox/**', 'test/node/**', 'demo/**/*.mjs'],
    languageOptions: {globals: {...globals.node, ...globals.browser}},
    rules: {'no-console': 'off'},
  },
  {
    files: ['test/**'],
    languageOptions: {globals: {...globals.mocha, ...globals.browser}},
    rules: {'no-console': 'off'},
  }
);
