import { startTestInfra, type TestInfra } from './support/infra';

/**
 * Jest globalSetup: starts the real infrastructure once per run and hands its addresses to every
 * test worker through process.env (workers are forked after this and inherit it):
 *   DATABASE_URL        PostgreSQL, migrated, with the `demo` and `demo2` tenants seeded
 *   TEMPORAL_ADDRESS    in-memory Temporal dev server (host:port)
 *   TEMPORAL_NAMESPACE  the namespace registered on it
 * BRIGADE_TEST_INFRA=none skips it all, for quick runs of pure unit tests.
 */
declare global {
  var __BRIGADE_TEST_INFRA__: TestInfra | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.BRIGADE_TEST_INFRA === 'none') return;
  const quiet = (message: string) => {
    if (process.env.BRIGADE_TEST_VERBOSE) console.log(message);
  };
  const started = performance.now();
  const infra = await startTestInfra(quiet);
  globalThis.__BRIGADE_TEST_INFRA__ = infra;
  Object.assign(process.env, infra.env);
  const parts = Object.entries(infra.timings)
    .map(([k, ms]) => `${k} ${ms} ms`)
    .join(', ');
  console.log(`\n[test infra] ready in ${Math.round(performance.now() - started)} ms (${parts})`);
}
