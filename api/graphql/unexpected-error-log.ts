import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../config/logger';
import { isAppError } from '../../contracts/errors';

/** Originals logged here, so Yoga's own log of the same masked error is skipped (yogaLogger). */
const logged = new WeakSet<object>();

export const loggedAlready = (error: Error): boolean => logged.has((error as { originalError?: Error }).originalError ?? error);

/**
 * Logs each unexpected resolver error once, with the request's id and the field it failed at,
 * before Yoga masks it for the client (Yoga adds its masking plugin after ours).
 */
export function useUnexpectedErrorLog(log: Logger): Plugin<{ requestId?: string }> {
  return {
    onExecute({ args }) {
      const reqId = args.contextValue.requestId;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            const original = error.originalError;
            if (!original || isAppError(original) || original instanceof GraphQLError) continue;
            logged.add(original);
            log.error({ err: original, path: error.path?.join('.'), reqId }, 'unexpected error, masked for the client');
          }
        },
      };
    },
  };
}
