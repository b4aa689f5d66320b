import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { limitOrThrow } from './http';

/** Counts one sign-up attempt of the client; RATE_LIMITED past SIGNUP_IP_LIMIT an hour. */
export type SignUpGate = (ip: string | undefined) => Promise<void>;

const TOO_MANY = 'Too many sign-ups from this address. Try again later.';

/** Every attempt counts, refused ones too: a script probing slugs is slowed as much as one creating tenants. */
export function signUpGate(limiter: RateLimiterPostgres): SignUpGate {
  return async (ip) => {
    await limiter.consume(ip ?? 'unknown').catch((rejection: unknown) => limitOrThrow(rejection, TOO_MANY));
  };
}
