import type { Pool } from 'pg';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Env } from '../../config/env';
import type { LoginThrottle } from '../../core/auth/login-throttle';
import { createLoginThrottle, type LoginLimitEnv } from './login-throttle';
import type { PublicLimiters } from './public-limit';
import { postgresLimiter } from './store';

export type RateLimitEnv = LoginLimitEnv &
  Pick<
    Env,
    | 'GRAPHQL_USER_RATE_LIMIT'
    | 'GRAPHQL_USER_COST_LIMIT'
    | 'WEBHOOK_PLATFORM_RATE_LIMIT'
    | 'PUBLIC_IP_RATE_LIMIT'
    | 'PUBLIC_IP_NOT_FOUND_LIMIT'
    | 'SIGNUP_IP_LIMIT'
  >;

/** Every limit of one API node, all on the shared `rate_limits` table (see store.ts). */
export interface RateLimits {
  login: LoginThrottle;
  /** GraphQL operations per user per minute (graphql-user-limit.ts). */
  graphqlPerUser: RateLimiterPostgres;
  /** Query cost per user per minute, so heavy queries are counted for what they load. */
  graphqlCostPerUser: RateLimiterPostgres;
  /** Webhook deliveries per platform per minute (webhook-limit.ts). */
  webhookPerPlatform: RateLimiterPostgres;
  /** The public pages (pickup board, order tracking) per client IP: requests and socket handshakes (public-limit.ts). */
  public: PublicLimiters;
  /** Sign-up attempts per client IP per hour (signup-gate.ts). */
  signUp: RateLimiterPostgres;
}

export function createRateLimits(pool: Pool, env: RateLimitEnv): RateLimits {
  return {
    login: createLoginThrottle(pool, env),
    graphqlPerUser: postgresLimiter(pool, { keyPrefix: 'graphql_user', points: env.GRAPHQL_USER_RATE_LIMIT, duration: 60 }),
    graphqlCostPerUser: postgresLimiter(pool, { keyPrefix: 'graphql_cost', points: env.GRAPHQL_USER_COST_LIMIT, duration: 60 }),
    webhookPerPlatform: postgresLimiter(pool, { keyPrefix: 'webhook_platform', points: env.WEBHOOK_PLATFORM_RATE_LIMIT, duration: 60 }),
    signUp: postgresLimiter(pool, { keyPrefix: 'signup_ip', points: env.SIGNUP_IP_LIMIT, duration: 3600 }),
    public: {
      requests: postgresLimiter(pool, { keyPrefix: 'public_ip', points: env.PUBLIC_IP_RATE_LIMIT, duration: 60 }),
      misses: postgresLimiter(pool, { keyPrefix: 'public_miss', points: env.PUBLIC_IP_NOT_FOUND_LIMIT, duration: 600 }),
    },
  };
}
