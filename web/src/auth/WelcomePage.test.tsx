/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AuthClient } from './auth-client';
import { WelcomePage } from './WelcomePage';
import { renderWithApi, testSession, wireError } from '../test-support/render-with-api';

let auth: AuthClient | undefined;
afterEach(() => auth?.dispose());

function renderPage(answer: (variables: Record<string, unknown>) => unknown) {
  window.location.hash = '#/welcome/tok';
  const out = renderWithApi(<WelcomePage token="tok" />, (query, variables) => {
    if (!query.includes('redeemAccessLink')) throw new Error(`unexpected request: ${query}`);
    return answer(variables);
  });
  auth = out.auth;
  return out.calls;
}
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));

it('sets the password with the link, adopts the session it returns and opens the role’s landing page', async () => {
  const calls = renderPage(() => ({ redeemAccessLink: testSession(7, 'MANAGER') }));
  type('Password', 'quiet harbour lanterns');
  type('Repeat password', 'quiet harbour lanterns');
  submit();
  await waitFor(() => expect(auth!.getSession()?.accessToken).toBe('access-7'));
  expect(calls.map((c) => c.variables)).toEqual([{ token: 'tok', password: 'quiet harbour lanterns' }]);
  expect(window.location.hash).not.toContain('welcome');
  expect(localStorage.getItem('brigade.lastTenant')).toBe('demo');
});

it('catches a mistyped repeat without asking the API, and shows the policy’s refusal under the password', async () => {
  const calls = renderPage(() => {
    throw wireError('Invalid input: password: is too easy to guess', {
      code: 'BAD_USER_INPUT',
      field: 'password',
      fieldErrors: [{ path: 'password', message: 'is too easy to guess' }],
    });
  });
  type('Password', 'password123');
  type('Repeat password', 'password12');
  submit();
  expect(screen.getByText('does not match the password')).toBeTruthy();
  expect(calls).toHaveLength(0);
  type('Repeat password', 'password123');
  submit();
  expect(await screen.findByText('is too easy to guess')).toBeTruthy();
  expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  expect(auth!.getSession()).toBeNull();
});

it('says when the link is used up or expired, and leads back to sign-in', async () => {
  renderPage(() => {
    throw wireError('This link has already been used: ask for a new one', { code: 'NOT_FOUND', field: 'token' });
  });
  type('Password', 'quiet harbour lanterns');
  type('Repeat password', 'quiet harbour lanterns');
  submit();
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/already been used: ask for a new one/);
  expect(screen.getByRole('link', { name: 'Back to sign-in' }).getAttribute('href')).toBe('#/');
});
