import type { RequestHandler } from 'express';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { RateLimiterRes } from 'rate-limiter-flexible';

/** Webhook deliveries per platform (the route's :platformId): 429 with Retry-After, which platforms retry after. */
export function webhookRateLimit(limiter: RateLimiterPostgres): RequestHandler {
  return (req, res, next) => {
    // Capped: the id is unchecked here and the table's key is 255 characters.
    const platformId = String(req.params.platformId).slice(0, 64);
    limiter.consume(platformId).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res
          .status(429)
          .set('Retry-After', String(seconds))
          .json({ error: { code: 'RATE_LIMITED', message: 'Too many webhook deliveries. Retry later.' } });
      },
    );
  };
}
