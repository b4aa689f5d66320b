/** Jest runs TypeScript through SWC; the real PostgreSQL and Temporal are started once per run in test/global-setup.ts. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } },
    ],
  },
  testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/web/src/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/web/dist/', '/.data/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Stylesheets are the bundler's business; a component test only needs the import to resolve.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/support/style-stub.ts' },
  // Once per run: embedded PostgreSQL (migrated + demo seed) and an in-memory Temporal dev server;
  // their addresses reach tests as DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
