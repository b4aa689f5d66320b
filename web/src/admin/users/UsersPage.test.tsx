/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { AuthClient } from '../../auth/auth-client';
import { renderWithApi, testSession, wireError } from '../../test-support/render-with-api';
import { UsersPage } from './UsersPage';

let auth: AuthClient | undefined;
afterEach(() => auth?.dispose());

const user = (id: string, name: string, role: string, isActive = true) => ({ id, name, email: `${id}@demo.test`, role, isActive, lastLoginAt: null });
const USERS = [user('u1', 'Maria Rossi', 'ADMIN'), user('u2', 'Luca Verdi', 'STAFF'), user('u3', 'Olga Owner', 'OWNER')];
const link = (token: string, name: string) => ({ token, expiresAt: '2030-01-01T10:00:00.000Z', user: { id: 'x', name } });

function renderPage(answer: (query: string, variables: Record<string, unknown>) => unknown) {
  const out = renderWithApi(
    <UsersPage />,
    (query, variables) => (query.includes('query Users') ? { users: USERS } : answer(query, variables)),
    testSession(1, 'ADMIN'),
  );
  auth = out.auth;
  return out.calls;
}
const notice = () => screen.findByRole('status', { name: /One-time link for/ });

it('invites someone and shows the one-time link once, to copy', async () => {
  const calls = renderPage((query) => {
    if (query.includes('inviteUser')) return { inviteUser: link('inv_tok', 'Nina Nuova') };
    throw new Error(`unexpected request: ${query}`);
  });
  const form = screen.getByRole('form', { name: 'Invite user' });
  fireEvent.change(within(form).getByLabelText('Name'), { target: { value: ' Nina Nuova ' } });
  fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'nina@demo.test' } });
  fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'OPERATOR' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Invite' }));

  const shown = await notice();
  expect(shown.textContent).toMatch(/Nina Nuova is invited\. Send them this link: it works once/);
  expect((within(shown).getByLabelText('One-time link') as HTMLInputElement).value).toBe(`${window.location.origin}/#/welcome/inv_tok`);
  expect(calls.find((c) => c.query.includes('inviteUser'))?.variables).toEqual({ input: { name: 'Nina Nuova', email: 'nina@demo.test', role: 'OPERATOR' } });
  // The form is cleared for the next person.
  expect((within(screen.getByRole('form', { name: 'Invite user' })).getByLabelText('Name') as HTMLInputElement).value).toBe('');
  fireEvent.click(within(shown).getByRole('button', { name: 'Done' }));
  expect(screen.queryByRole('status', { name: /One-time link for/ })).toBeNull();
});

it('resets a password by link, never for yourself or (as an admin) for an owner', async () => {
  const calls = renderPage((query, variables) => {
    if (query.includes('resetUserPassword')) return { resetUserPassword: link('reset_tok', 'Luca Verdi') };
    throw new Error(`unexpected request: ${query} ${JSON.stringify(variables)}`);
  });
  const reset = await screen.findByRole('button', { name: 'Reset password of Luca Verdi' });
  expect((screen.getByRole('button', { name: 'Reset password of Maria Rossi' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Reset password of Olga Owner' }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(reset);
  expect((await notice()).textContent).toMatch(/Password reset for Luca Verdi\./);
  expect(calls.find((c) => c.query.includes('resetUserPassword'))?.variables).toEqual({ id: 'u2' });
});

it('shows why an invite was refused', async () => {
  renderPage(() => {
    throw wireError('A user with email luca@demo.test already exists', { code: 'CONFLICT', field: 'email' });
  });
  const form = screen.getByRole('form', { name: 'Invite user' });
  fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Luca' } });
  fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'luca@demo.test' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Invite' }));
  expect((await within(form).findByRole('alert')).textContent).toMatch(/already exists/);
});
