import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const outsideEngine = 'src/engine is pure maths: it imports only its own files (see DESIGN.md).';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^[^.]', message: outsideEngine }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'self', 'postMessage', 'localStorage', 'fetch', 'process', 'require'],
    },
  },
  {
    files: ['src/engine/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^[^.]', message: outsideEngine }, { group: ['../*'], message: outsideEngine }] }] },
  },
  {
    files: ['src/engine/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^[^.]', message: outsideEngine }, { group: ['../../*'], message: outsideEngine }] }] },
  },
  {
    files: ['src/cli/**/*.ts', 'test/**/*.{ts,tsx}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
