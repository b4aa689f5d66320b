import type { AuthClient } from '../auth/auth-client';
import { ApiError } from './errors';
import type { TadaDocumentNode, VariablesArgs } from './graphql';
import { sendGraphQL } from './transport';

export interface Api {
  /** Result and variable types come from the document (see graphql.ts). */
  request<Result, Vars>(document: TadaDocumentNode<Result, Vars>, ...args: VariablesArgs<Vars, [signal?: AbortSignal]>): Promise<Result>;
}

/**
 * GraphQL with the session's token. An UNAUTHENTICATED answer gets exactly one refresh-and-retry:
 * the token can expire between the client's check and the server's, and a laptop waking from sleep
 * may have missed the scheduled refresh.
 */
export function createApi(auth: AuthClient): Api {
  return {
    async request<Result, Vars>(document: TadaDocumentNode<Result, Vars>, ...args: VariablesArgs<Vars, [signal?: AbortSignal]>): Promise<Result> {
      const [variables, signal] = args as [Vars | undefined, AbortSignal | undefined];
      // The variables were checked against the document by request's own signature.
      const post = (token: string | null) => sendGraphQL(document, variables, { token, signal });
      const token = await auth.token();
      try {
        return await post(token);
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'UNAUTHENTICATED' || !token) throw err;
        const renewed = await auth.refresh();
        if (!renewed) throw err;
        return post(renewed.accessToken);
      }
    },
  };
}
