import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { AppError } from '../../contracts/errors';
import { limitOrThrow } from './http';

export interface PublicLimiters {
  /** Every public request and live connection, per IP. */
  requests: RateLimiterPostgres;
  /** Tokens that opened nothing, per IP: scanning for tokens stops long before it could find one. */
  misses: RateLimiterPostgres;
}

const TOO_MANY = 'Too many requests. Try again shortly.';

/** Counts one public request of `ip`; RATE_LIMITED when it is over either limit. */
export async function consumePublic(limiters: PublicLimiters, ip: string): Promise<void> {
  const [, misses] = await Promise.all([
    limiters.requests.consume(ip).catch((rejection: unknown) => limitOrThrow(rejection, TOO_MANY)),
    limiters.misses.get(ip),
  ]);
  if (misses && misses.consumedPoints >= limiters.misses.points) {
    throw new AppError('RATE_LIMITED', TOO_MANY, { retryAfterSeconds: Math.max(1, Math.ceil(misses.msBeforeNext / 1000)) });
  }
}

/** A token that opened nothing; never rejects (the answer is NOT_FOUND either way). */
export async function recordPublicMiss(limiters: PublicLimiters, ip: string): Promise<void> {
  await limiters.misses.penalty(ip, 1).catch(() => undefined);
}
