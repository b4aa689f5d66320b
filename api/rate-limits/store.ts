import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';

/**
 * A limiter on the shared `rate_limits` table (prisma/schema.prisma, RateLimit): every API node
 * counts in the same rows, so a limit holds across replicas. The table comes from a migration,
 * not from the library at start-up, so API nodes never need DDL rights and never race to create it.
 */
export function postgresLimiter(pool: Pool, opts: { keyPrefix: string; points: number; duration: number }): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: opts.keyPrefix,
    points: opts.points,
    duration: opts.duration,
    // Off: the library's sweep re-arms a timer forever, with no way to stop it, and so kept every
    // app it belonged to alive (a jest file's whole module graph each). The API sweeps (clearExpiredRateLimits).
    clearExpiredByTimeout: false,
    // While PostgreSQL cannot be reached each node counts on its own rather than failing every request.
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.duration }),
  });
}

/** How often the API deletes long-expired rows, and how long past expiry they are kept (the library's values). */
export const CLEAR_EXPIRED_EVERY_MS = 5 * 60_000;
const KEEP_EXPIRED_MS = 60 * 60_000;

/** Deletes rows expired over an hour ago, as RateLimiterPostgres's clearExpired does. */
export async function clearExpiredRateLimits(pool: Pool): Promise<void> {
  await pool.query('DELETE FROM rate_limits WHERE expire < $1', [Date.now() - KEEP_EXPIRED_MS]);
}
