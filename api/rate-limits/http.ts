import { RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, type AppError } from '../../contracts/errors';

/** What Yoga reads from an error's `extensions.http` (and strips before answering): 429 with Retry-After. */
export function rateLimitHttp(error: AppError): { status: number; headers: Record<string, string> } | undefined {
  if (error.code !== 'RATE_LIMITED') return undefined;
  const seconds = Number(error.details?.retryAfterSeconds ?? 1);
  return { status: 429, headers: { 'Retry-After': String(seconds) } };
}

/**
 * A limiter's verdict: rate-limiter-flexible rejects with a RateLimiterRes when the points are
 * used up, and with an Error when the store failed (which stays an error, so it is not mistaken for a limit).
 */
export function limitOrThrow(rejection: unknown, message: string): never {
  if (rejection instanceof RateLimiterRes) throw rateLimited(message, rejection.msBeforeNext);
  throw rejection;
}
