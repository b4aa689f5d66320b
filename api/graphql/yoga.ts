import { GraphQLError } from 'graphql';
import { createYoga as createYogaServer, maskError } from 'graphql-yoga';
import { isAppError } from '../../contracts/errors';
import type { Db } from '../../db/client';
import { type AuthEnv, type KitchenHandle, type RealtimeEvents } from '../../core/types';
import { createContext } from '../context';
import { useInputErrorCodes } from './input-error-codes';
import { schema } from './schema';

export interface CreateYogaOptions {
  prisma: Db;
  env: AuthEnv & { NODE_ENV?: string };
  /** Orders and KDS actions need it; without it they fail with a clear error. */
  kitchen?: KitchenHandle | null;
  events?: RealtimeEvents | null;
}

/**
 * The GraphQL endpoint, mounted by api/app.ts with `app.use(yoga.graphqlEndpoint, yoga)`.
 * maskedErrors: an AppError from a use case reaches clients with its code and details (the
 * GraphQL edge of core/errors.ts); anything unexpected becomes "Unexpected error." with code
 * INTERNAL_SERVER_ERROR and is logged server-side.
 */
export function createYoga({ prisma, env, kitchen = null, events = null }: CreateYogaOptions) {
  return createYogaServer({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Brigade GraphQL' },
    maskedErrors: { isDev: env.NODE_ENV === 'development', maskError: toClientError },
    context: createContext({ prisma, env, kitchen, events }),
    plugins: [useInputErrorCodes()],
    logging: env.NODE_ENV === 'test' ? 'warn' : 'info',
  });
}

/** AppError → GraphQLError with `extensions.code`; every other error goes to Yoga's mask. */
function toClientError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isAppError(original)) {
    const located = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(original.message, {
      nodes: located?.nodes,
      path: located?.path,
      extensions: { code: original.code, ...(original.details ?? {}) },
    });
  }
  return maskError(error, message, isDev);
}
