import { createYoga as createYogaServer } from 'graphql-yoga';
import type { Db } from '../../db/client';
import { createContext, type AuthEnv, type KitchenHandle, type RealtimeEvents } from '../context';
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
 * maskedErrors: only AppError (a GraphQLError) reaches clients verbatim; anything unexpected
 * becomes "Unexpected error." with code INTERNAL_SERVER_ERROR and is logged server-side.
 */
export function createYoga({ prisma, env, kitchen = null, events = null }: CreateYogaOptions) {
  return createYogaServer({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Brigade GraphQL' },
    maskedErrors: { isDev: env.NODE_ENV === 'development' },
    context: createContext({ prisma, env, kitchen, events }),
    plugins: [useInputErrorCodes()],
    logging: env.NODE_ENV === 'test' ? 'warn' : 'info',
  });
}
