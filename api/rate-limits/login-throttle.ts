import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Env } from '../../config/env';
import { rateLimited } from '../../contracts/errors';
import type { LoginAttempt, LoginThrottle } from '../../core/auth/login-throttle';
import { limitOrThrow } from './http';
import { postgresLimiter } from './store';

export type LoginLimitEnv = Pick<
  Env,
  'LOGIN_IP_MAX_FAILURES' | 'LOGIN_IP_WINDOW_SECONDS' | 'LOGIN_ACCOUNT_MAX_FAILURES' | 'LOGIN_ACCOUNT_BLOCK_SECONDS' | 'LOGIN_ACCOUNT_BLOCK_MAX_SECONDS'
>;

const TOO_MANY = 'Too many failed logins. Try again later.';
/** An account's failed attempts are remembered this long after the last one (a success forgets them at once). */
const FAILURES_KEPT_SECONDS = 24 * 3600;
/** How long one attempt past the limit holds the account's only slot (its password check takes well under this). */
const SLOT_SECONDS = 15;

/**
 * Login limits on PostgreSQL, shared by all API nodes:
 * - per IP: LOGIN_IP_MAX_FAILURES failed logins per window, then every login from it waits for the window's end;
 * - per account (tenant + email as typed): attempts since the last success are counted before the
 *   password is checked; past LOGIN_ACCOUNT_MAX_FAILURES each failure blocks the account for a wait
 *   that doubles each time, and each attempt past the limit must take the account's single slot, so
 *   a burst of parallel guesses gets one password check, not one per request.
 * Hand-written around the library's limiters: its brute-force helper (ExpressBruteFlexible) is Express
 * middleware keyed on a route, while login is a GraphQL mutation whose outcome only the use case knows.
 */
export function createLoginThrottle(pool: Pool, env: LoginLimitEnv): LoginThrottle {
  const ipFailures = postgresLimiter(pool, { keyPrefix: 'login_ip', points: env.LOGIN_IP_MAX_FAILURES, duration: env.LOGIN_IP_WINDOW_SECONDS });
  const attempts = postgresLimiter(pool, { keyPrefix: 'login_account', points: env.LOGIN_ACCOUNT_MAX_FAILURES, duration: FAILURES_KEPT_SECONDS });
  // points 1: a block() stores 2, a taken slot 1; block durations vary, so they are set per failure.
  const wait = postgresLimiter(pool, { keyPrefix: 'login_wait', points: 1, duration: SLOT_SECONDS });
  const maxFailures = env.LOGIN_ACCOUNT_MAX_FAILURES;
  // The account as a hash: keys stay short (the table's key is 255 characters) and hold no email.
  const accountKey = (attempt: LoginAttempt) => createHash('sha256').update(attempt.account).digest('base64url');
  const waitSeconds = (failures: number) =>
    Math.min(env.LOGIN_ACCOUNT_BLOCK_MAX_SECONDS, env.LOGIN_ACCOUNT_BLOCK_SECONDS * 2 ** Math.min(30, failures - maxFailures));

  return {
    async begin(attempt) {
      const key = accountKey(attempt);
      const [byIp, blocked] = await Promise.all([attempt.ip ? ipFailures.get(attempt.ip) : null, wait.get(key)]);
      if (byIp && byIp.consumedPoints >= env.LOGIN_IP_MAX_FAILURES) throw rateLimited(TOO_MANY, byIp.msBeforeNext);
      if (blocked && blocked.consumedPoints > 1) throw rateLimited(TOO_MANY, blocked.msBeforeNext);
      const counted = await attempts.penalty(key);
      if (counted.consumedPoints <= maxFailures) return;
      await wait.consume(key, 1).catch((rejection: unknown) => limitOrThrow(rejection, TOO_MANY));
    },
    async failed(attempt) {
      const key = accountKey(attempt);
      const [counted] = await Promise.all([attempts.get(key), attempt.ip ? ipFailures.penalty(attempt.ip) : null]);
      const failures = counted?.consumedPoints ?? 0;
      if (failures >= maxFailures) await wait.block(key, waitSeconds(failures));
    },
    async succeeded(attempt) {
      const key = accountKey(attempt);
      await Promise.all([attempts.delete(key), wait.delete(key)]);
    },
  };
}
