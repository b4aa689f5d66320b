/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { toApiError } from '../api/errors';
import { ApiContext } from '../api/hooks';
import { fakeApi } from '../test-support/fake-api';
import { AuthClient } from './auth-client';
import { AuthContext } from './AuthContext';
import { ChangePasswordPage, POLICY_HINT } from './ChangePasswordPage';
import type { Session } from './session';

const session = (n: number): Session => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: { id: 'u1', name: 'Maria Rossi', email: 'maria@demo.test', role: 'STAFF', locale: null },
  tenant: { id: 't1', name: 'Demo', slug: 'demo', locale: 'en', timeZone: null, currency: 'EUR' },
});

/** Errors as the API sends them (api/graphql/yoga.ts: code and details in extensions), read the way transport.ts reads them. */
const wire = (message: string, extensions: Record<string, unknown>) => toApiError({ message, extensions });

let auth: AuthClient;
afterEach(() => auth.dispose());

/** The page with a signed-in tab and an API answering changePassword with `answer`. */
function renderPage(answer: (variables: Record<string, unknown>) => unknown) {
  const calls: Array<Record<string, unknown>> = [];
  sessionStorage.setItem('brigade.session', JSON.stringify(session(1)));
  auth = new AuthClient({ storage: sessionStorage, endpoint: 'http://127.0.0.1:9/graphql' });
  const api = fakeApi((query, variables) => {
    if (!query.includes('changePassword')) throw new Error(`unexpected request: ${query}`);
    calls.push(variables);
    return answer(variables);
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AuthContext.Provider value={auth}>
        <ApiContext.Provider value={api}>
          <ChangePasswordPage />
        </ApiContext.Provider>
      </AuthContext.Provider>
    </QueryClientProvider>,
  );
  return calls;
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const described = (label: string, className: string) => {
  const ids = input(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains(className))?.textContent ?? null;
};
const fill = (current: string, next: string, repeat = next) => {
  type('Current password', current);
  type('New password', next);
  type('Repeat new password', repeat);
};
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Change password' }));

describe('change password page', () => {
  it('states the policy up front and puts each server validation error under the field it names', async () => {
    const calls = renderPage(() => {
      throw wire('Invalid input: currentPassword: is not the current password', {
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: 'currentPassword', message: 'is not the current password' }],
      });
    });
    expect(described('New password', 'muted')).toBe(POLICY_HINT);

    // A typo in the repeat is caught here; the API is not asked.
    fill('old-secret', 'plum tractor lantern', 'plum tractor lanter');
    submit();
    expect(described('Repeat new password', 'field__error')).toBe('does not match the new password');
    expect(calls).toHaveLength(0);

    type('Repeat new password', 'plum tractor lantern');
    submit();
    await waitFor(() => expect(described('Current password', 'field__error')).toBe('is not the current password'));
    expect(input('Current password').getAttribute('aria-invalid')).toBe('true');
    expect(input('New password').getAttribute('aria-invalid')).toBeNull();
    expect(input('Repeat new password').getAttribute('aria-invalid')).toBeNull();
    // The message has its field: no second copy above the button.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toEqual([{ currentPassword: 'old-secret', newPassword: 'plum tractor lantern' }]);
    expect(auth.getSession()?.accessToken).toBe('access-1');
  });

  it('says how long to wait when the API is rate limiting password checks', async () => {
    renderPage(() => {
      throw wire('Too many failed logins. Try again later.', { code: 'RATE_LIMITED', retryAfterSeconds: 42 });
    });
    fill('old-secret', 'plum tractor lantern');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts — try again in 42 s');
    expect(input('Current password').getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps this tab signed in with the fresh session the API returns, and says so', async () => {
    const calls = renderPage(() => ({ changePassword: session(2) }));
    fill('old-secret', 'plum tractor lantern');
    submit();
    expect((await screen.findByRole('status')).textContent).toMatch(/^Password changed\. You are still signed in here/);
    expect(auth.getSession()?.accessToken).toBe('access-2');
    expect(JSON.parse(sessionStorage.getItem('brigade.session')!).refreshToken).toBe('refresh-2');
    expect(calls).toHaveLength(1);
    expect([input('Current password').value, input('New password').value, input('Repeat new password').value]).toEqual(['', '', '']);
  });
});
