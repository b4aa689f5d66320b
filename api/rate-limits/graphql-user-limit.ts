import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { isAppError } from '../../contracts/errors';
import { requestCost } from '../graphql/query-cost';
import { limitOrThrow, rateLimitHttp } from './http';

const TOO_MANY = 'Too many requests. Slow down and try again shortly.';
const TOO_COSTLY = 'Too much data requested in the last minute. Slow down and try again shortly.';

export interface UserLimiters {
  /** Operations per user. */
  requests: RateLimiterPostgres;
  /** Query cost per user: one heavy query counts for what it loads, not as one request. */
  cost: RateLimiterPostgres;
}

/**
 * GraphQL requests and query cost per signed-in user (the token's user id), counted once per
 * operation before it runs. Anonymous requests are not counted here: the only public fields, login
 * and refresh, carry their own limits. Over a limit: RATE_LIMITED, and HTTP 429 with Retry-After.
 */
export function useUserRateLimit(limiters: UserLimiters): Plugin<{ actor?: { userId: string } | null }> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const userId = args.contextValue.actor?.userId;
      if (!userId) return;
      const cost = requestCost(args);
      try {
        // Side by side: one store round trip of latency per request, not two.
        await Promise.all([
          limiters.requests.consume(userId).catch((rejection: unknown) => limitOrThrow(rejection, TOO_MANY)),
          cost > 0 ? limiters.cost.consume(userId, cost).catch((rejection: unknown) => limitOrThrow(rejection, TOO_COSTLY)) : undefined,
        ]);
      } catch (err) {
        if (!isAppError(err)) throw err;
        const extensions = { code: err.code, ...err.details, http: rateLimitHttp(err) };
        setResultAndStopExecution({ errors: [new GraphQLError(err.message, { extensions })] });
      }
    },
  };
}
