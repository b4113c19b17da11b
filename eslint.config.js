import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const outsideEngine = 'src/engine is pure maths: it imports only its own files (see docs/architecture.md).';
const hostGlobals = ['window', 'document', 'navigator', 'self', 'postMessage', 'localStorage', 'fetch', 'process', 'require'];

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
      'no-restricted-globals': [
        'error',
        ...hostGlobals,
        { name: 'Float32Array', message: 'The engine is the Float64 reference path: use Float64Array.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: "All of the engine's randomness comes from the seeded Rng (rng.ts)." }],
    },
  },
  {
    // the fast training path works in float32 by design (WebAssembly SIMD), tested against the Float64 reference
    files: ['src/engine/fast/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...hostGlobals],
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
