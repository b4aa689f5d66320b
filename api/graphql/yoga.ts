import { createYoga as createYogaServer } from 'graphql-yoga';
import type { Db } from '../../db/client';
import { createContext, type AuthEnv } from '../context';
import { useInputErrorCodes } from './input-error-codes';
import { schema } from './schema';

export interface CreateYogaOptions {
  prisma: Db;
  env: AuthEnv & { NODE_ENV?: string };
}

/**
 * The GraphQL endpoint, mounted by api/app.ts with `app.use(yoga.graphqlEndpoint, yoga)`.
 * maskedErrors: only AppError (a GraphQLError) reaches clients verbatim; anything unexpected
 * becomes "Unexpected error." with code INTERNAL_SERVER_ERROR and is logged server-side.
 */
export function createYoga({ prisma, env }: CreateYogaOptions) {
  return createYogaServer({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Brigade GraphQL' },
    maskedErrors: { isDev: env.NODE_ENV === 'development' },
    context: createContext({ prisma, env }),
    plugins: [useInputErrorCodes()],
    logging: env.NODE_ENV === 'test' ? 'warn' : 'info',
  });
}
