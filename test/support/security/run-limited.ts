/**
 * Test-only: `fn` over `items` with at most `limit` calls in flight, results in input order.
 * The suites make hundreds of HTTP calls; a small limit keeps them quick without swamping the
 * shared test database.
 */
export async function runLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * Calls the suites keep in flight: below the test API's database pool (5, test/support/kitchen-harness.ts),
 * so no transaction waits out Prisma's 2 s for a connection and fails as INTERNAL_SERVER_ERROR.
 */
export const IN_FLIGHT = 4;
