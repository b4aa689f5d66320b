import { GraphQLError } from 'graphql';
import { createYoga as createYogaServer, maskError, type YogaLogger } from 'graphql-yoga';
import { isAppError } from '../../contracts/errors';
import type { Env } from '../../config/env';
import { componentLogger, type Logger } from '../../config/logger';
import { pgPool, type Db } from '../../db/client';
import { type AccessRevoked, type AuthEnv, type BoardScreenRevoked, type KitchenHandle, type RealtimeEvents } from '../../core/types';
import { createContext } from '../context';
import {
  databaseBusyError,
  databaseUnreachableError,
  isDatabaseBusy,
  isDatabaseUnreachable,
  isValueRefusedByDatabase,
  valueRefusedError,
} from '../../core/errors';
import { GRAPHIQL_TITLE, localGraphiQL, useNoIntrospection } from './developer-tools';
import { useInputErrorCodes, useRefuseNulInput } from './input-error-codes';
import { useQueryLimits } from './query-limits';
import { loggedAlready, useUnexpectedErrorLog } from './unexpected-error-log';
import { schema } from './schema';
import { rateLimitHttp } from '../rate-limits/http';
import { useUserRateLimit } from '../rate-limits/graphql-user-limit';
import { signUpGate } from '../rate-limits/signup-gate';
import { createRateLimits, type RateLimitEnv, type RateLimits } from '../rate-limits/rate-limits';

export interface CreateYogaOptions {
  prisma: Db;
  env: AuthEnv & RateLimitEnv & Pick<Env, 'GRAPHIQL' | 'GRAPHQL_INTROSPECTION' | 'SIGNUP_ENABLED'> & { NODE_ENV?: string };
  /** Orders and KDS actions need it; without it they fail with a clear error. */
  kitchen?: KitchenHandle | null;
  events?: RealtimeEvents | null;
  /** Closes a user's sockets on every API node (logout, deactivation); absent: nothing to close. */
  accessRevoked?: AccessRevoked | null;
  /** Closes a revoked board screen's pages on every API node; absent: nothing to close. */
  boardScreenRevoked?: BoardScreenRevoked | null;
  /** Where Yoga logs (masked unexpected errors among others); defaults to the `graphql` component logger. */
  logger?: Logger;
  /** The node's rate limits; absent, they are made on the pool of `prisma` (which createPrisma must have made). */
  rateLimits?: RateLimits;
}

/**
 * The GraphQL endpoint, mounted by api/app.ts with `app.use(yoga.graphqlEndpoint, yoga)`.
 * maskedErrors: an AppError from a use case reaches clients with its code and details (the
 * GraphQL edge of core/errors.ts); anything unexpected becomes "Unexpected error." with code
 * INTERNAL_SERVER_ERROR and is logged server-side. Every document passes the query limits
 * (query-limits.ts) before anything runs; GraphiQL and introspection follow the environment
 * (developer-tools.ts).
 */
export function createYoga({
  prisma,
  env,
  kitchen = null,
  events = null,
  accessRevoked = null,
  boardScreenRevoked = null,
  logger = componentLogger('graphql'),
  rateLimits,
}: CreateYogaOptions) {
  const limits = rateLimits ?? createRateLimits(pgPool(prisma), env);
  const graphiql = localGraphiQL();
  return createYogaServer({
    schema,
    graphqlEndpoint: '/graphql',
    // Yoga's default CORS answers every origin; api/http-security.ts allows CORS_ORIGINS only.
    cors: false,
    graphiql: env.GRAPHIQL ? { title: GRAPHIQL_TITLE } : false,
    renderGraphiQL: graphiql.render,
    maskedErrors: { isDev: env.NODE_ENV === 'development', maskError: toClientError },
    context: createContext({
      prisma,
      env,
      kitchen,
      events,
      loginThrottle: limits.login,
      accessRevoked,
      boardScreenRevoked,
      signUp: env.SIGNUP_ENABLED ? signUpGate(limits.signUp) : null,
    }),
    plugins: [
      useRefuseNulInput(),
      useInputErrorCodes(),
      useUnexpectedErrorLog(logger),
      ...useQueryLimits({ hideSuggestions: !env.GRAPHQL_INTROSPECTION }),
      ...(env.GRAPHQL_INTROSPECTION ? [] : [useNoIntrospection()]),
      graphiql.policy,
      useUserRateLimit({ requests: limits.graphqlPerUser, cost: limits.graphqlCostPerUser }),
    ],
    logging: yogaLogger(logger),
  });
}

/**
 * AppError → its code and details in `extensions`; every other error goes to Yoga's mask. The
 * located error itself is answered (not a copy), so Yoga does not log an AppError as a failure.
 */
function toClientError(error: unknown, message: string, isDev?: boolean): Error {
  const located = error instanceof GraphQLError ? error.originalError : error;
  // A value PostgreSQL refused is bad input that validation missed: BAD_USER_INPUT, no SQL shown.
  // A pool too busy to start a transaction is a moment's overload, and a database that cannot be
  // reached (restarting) a moment's outage: UNAVAILABLE, not a 500.
  const original = isValueRefusedByDatabase(located)
    ? valueRefusedError()
    : isDatabaseBusy(located)
      ? databaseBusyError()
      : isDatabaseUnreachable(located)
        ? databaseUnreachableError()
        : located;
  if (isAppError(original)) {
    const extensions = { code: original.code, ...(original.details ?? {}), http: rateLimitHttp(original) };
    if (error instanceof GraphQLError && original === located) {
      Object.assign(error.extensions, extensions);
      return error;
    }
    const where = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    return new GraphQLError(original.message, { ...where, extensions });
  }
  return maskError(error, message, isDev);
}

/**
 * Yoga logs console-style (`logger.error(error)`, `logger.debug('text', ...)`); pino wants
 * `(object, message)`. Yoga passes an Error only when it masks one: it is logged with its original
 * error (type, message, stack, code) and the GraphQL path it failed at.
 */
export function yogaLogger(log: Logger): YogaLogger {
  const forward =
    (level: keyof YogaLogger) =>
    (...args: unknown[]): void => {
      if (!log.isLevelEnabled(level)) return;
      const error = args.find((a): a is Error => a instanceof Error);
      const text = args
        .filter((a) => a !== error)
        .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
        .join(' ');
      if (!error) return log[level](text);
      if (loggedAlready(error)) return;
      const { originalError, path } = error as Error & { originalError?: Error; path?: readonly (string | number)[] };
      log[level]({ err: originalError ?? error, ...(path ? { path: path.join('.') } : {}) }, text || 'unexpected error, masked for the client');
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
