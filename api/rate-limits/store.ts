import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';

/**
 * A limiter on the shared `rate_limits` table (prisma/schema.prisma, RateLimit): every API node
 * counts in the same rows, so a limit holds across replicas. The table comes from a migration,
 * not from the library at start-up, so API nodes never need DDL rights and never race to create it.
 */
export function postgresLimiter(pool: Pool, opts: { keyPrefix: string; points: number; duration: number; clearExpired?: boolean }): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: opts.keyPrefix,
    points: opts.points,
    duration: opts.duration,
    // One limiter per app deletes long-expired rows (every 5 minutes, on an unref'd timer).
    clearExpiredByTimeout: opts.clearExpired ?? false,
    // While PostgreSQL cannot be reached each node counts on its own rather than failing every request.
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.duration }),
  });
}
