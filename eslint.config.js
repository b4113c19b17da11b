import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const outsideEngine = 'src/engine is pure maths: it imports only its own files (see docs/architecture.md).';
const mathRandom = { object: 'Math', property: 'random', message: "All of the engine's randomness comes from the seeded Rng (rng.ts)." };
// The host's elementary functions differ in the last bit between JavaScript engines (ECMAScript leaves them
// implementation-approximated), and training amplifies that: the engine uses the deterministic ones of detmath.ts.
const detmath = 'differs in the last bit between JavaScript engines, so the same seed would train differently: use src/engine/detmath.ts (see docs/engine.md#determinism).';
const hostMaths = ['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot']
  .map((property) => ({ object: 'Math', property, message: `Math.${property} ${detmath}` }));
// x ** y is Math.pow: allowed only with a literal exponent (x ** 2, 2 ** -52), which every engine computes exactly or as x·x
const variablePower = [
  { selector: "BinaryExpression[operator='**']:not([right.type='Literal']):not([right.type='UnaryExpression'][right.argument.type='Literal'])", message: `x ** y with a variable y is Math.pow, which ${detmath}` },
  { selector: "AssignmentExpression[operator='**=']", message: `x **= y is Math.pow, which ${detmath}` },
];
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
      'no-restricted-properties': ['error', mathRandom, ...hostMaths],
      'no-restricted-syntax': ['error', ...variablePower],
    },
  },
  {
    // the assembler computes alignments and encodings, not numbers of a run
    files: ['src/engine/fast/wat.ts', 'src/engine/fast/wat-math.ts'],
    rules: { 'no-restricted-properties': ['error', mathRandom], 'no-restricted-syntax': 'off' },
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
