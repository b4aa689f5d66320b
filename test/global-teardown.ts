/** Jest globalTeardown: stops what test/global-setup.ts started (same process, same globalThis). */
export default async function globalTeardown(): Promise<void> {
  const infra = globalThis.__BRIGADE_TEST_INFRA__;
  globalThis.__BRIGADE_TEST_INFRA__ = undefined;
  await infra?.stop();
}
