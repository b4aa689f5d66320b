// Lint: typescript-eslint with type information for the promise rules; layers are checked by
// dependency-cruiser (.dependency-cruiser.cjs) and formatting by Prettier, both in `npm run lint`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'prisma/generated/', 'web/dist/', 'dist/', '.data/', 'coverage/', 'web/src/api/graphql-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './web/tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Workflow code is replayed in Temporal's sandbox: no host clock or timers, no environment,
    // no Node builtins or database (dependency-cruiser checks the imports too).
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Workflows must not read the host process (process.env…): pass values in the input.' },
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'setImmediate', message: 'Host timers are not replayable.' },
      ],
      // The worker evaluates workflow modules once and shares them between workflows
      // (temporal/worker.ts workflowPreloadModules): state at module scope would leak between them.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program > VariableDeclaration[kind!="const"], Program > ExportNamedDeclaration > VariableDeclaration[kind!="const"]',
          message: 'Workflow modules are shared between workflows: keep state in the workflow function, not at module scope.',
        },
        {
          selector:
            'Program VariableDeclarator[init.type="NewExpression"][init.callee.name=/^(Map|Set|WeakMap|WeakSet|Array)$/]:not(:function VariableDeclarator)',
          message: 'Workflow modules are shared between workflows: a Map or Set at module scope would leak between them.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'Node builtins do not exist in the workflow sandbox.' },
            { regex: '(^|/)(db|prisma|events|core|api|config)(/|$)', message: 'Workflows reach data only through activities.' },
            { regex: '^(pg|@prisma/.*|@temporalio/(activity|worker|client))$', message: 'Not available in the workflow sandbox.' },
          ],
        },
      ],
    },
  },
  {
    // Tests poke at loosely shaped JSON responses; production code stays free of `any`.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'web/src/test-support/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
