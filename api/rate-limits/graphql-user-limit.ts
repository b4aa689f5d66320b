import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { isAppError } from '../../contracts/errors';
import { limitOrThrow, rateLimitHttp } from './http';

const TOO_MANY = 'Too many requests. Slow down and try again shortly.';

/**
 * GraphQL requests per signed-in user (the token's user id), counted once per operation before it
 * runs. Anonymous requests are not counted here: the only public fields, login and refresh, carry
 * their own limits. Over the limit: an RATE_LIMITED error, and HTTP 429 with Retry-After.
 */
export function useUserRateLimit(limiter: RateLimiterPostgres): Plugin<{ actor?: { userId: string } | null }> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const userId = args.contextValue.actor?.userId;
      if (!userId) return;
      try {
        await limiter.consume(userId).catch((rejection: unknown) => limitOrThrow(rejection, TOO_MANY));
      } catch (err) {
        if (!isAppError(err)) throw err;
        const extensions = { code: err.code, ...err.details, http: rateLimitHttp(err) };
        setResultAndStopExecution({ errors: [new GraphQLError(err.message, { extensions })] });
      }
    },
  };
}
