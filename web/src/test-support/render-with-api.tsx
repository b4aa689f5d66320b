import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { toApiError } from '../api/errors';
import { ApiContext } from '../api/hooks';
import { AuthClient } from '../auth/auth-client';
import { AuthContext } from '../auth/AuthContext';
import type { Session } from '../auth/session';
import { fakeApi } from './fake-api';

/** A session as the API's AuthPayloadFields answer it. */
export const testSession = (n: number, role: Session['user']['role'] = 'STAFF'): Session => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: { id: `u${n}`, name: 'Maria Rossi', email: 'maria@demo.test', role, locale: null },
  tenant: { id: 't1', name: 'Demo', slug: 'demo', locale: 'en', timeZone: null, currency: 'EUR' },
});

/** Errors as the API sends them (api/graphql/yoga.ts: code and details in extensions). */
export const wireError = (message: string, extensions: Record<string, unknown>) => toApiError({ message, extensions });

/**
 * `ui` with a query cache, an auth client (signed in as `session` when given; its endpoint leads
 * nowhere, so nothing reaches a network) and an API answering from `answer`. Dispose `auth` after.
 */
export function renderWithApi(ui: ReactNode, answer: (query: string, variables: Record<string, unknown>) => unknown, session?: Session) {
  const calls: Array<{ query: string; variables: Record<string, unknown> }> = [];
  sessionStorage.clear();
  if (session) sessionStorage.setItem('brigade.session', JSON.stringify(session));
  const auth = new AuthClient({ storage: sessionStorage, endpoint: 'http://127.0.0.1:9/graphql' });
  const api = fakeApi((query, variables) => {
    calls.push({ query, variables });
    return answer(query, variables);
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <AuthContext.Provider value={auth}>
        <ApiContext.Provider value={api}>{ui}</ApiContext.Provider>
      </AuthContext.Provider>
    </QueryClientProvider>,
  );
  return { auth, calls, view };
}
