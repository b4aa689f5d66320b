import type { AuthClient } from '../auth/auth-client';
import { ApiError } from './errors';
import { postGraphQL, type Variables } from './transport';

export interface Api {
  request<T>(query: string, variables?: Variables, signal?: AbortSignal): Promise<T>;
}

/**
 * GraphQL with the session's token. An UNAUTHENTICATED answer gets exactly one refresh-and-retry:
 * the token can expire between the client's check and the server's, and a laptop waking from sleep
 * may have missed the scheduled refresh.
 */
export function createApi(auth: AuthClient): Api {
  return {
    async request<T>(query: string, variables: Variables = {}, signal?: AbortSignal): Promise<T> {
      const token = await auth.token();
      try {
        return await postGraphQL<T>(query, variables, { token, signal });
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'UNAUTHENTICATED' || !token) throw err;
        const renewed = await auth.refresh();
        if (!renewed) throw err;
        return postGraphQL<T>(query, variables, { token: renewed.accessToken, signal });
      }
    },
  };
}
