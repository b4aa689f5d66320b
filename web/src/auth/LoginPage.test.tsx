/** @jest-environment jsdom */
import { act, screen, waitFor } from '@testing-library/react';
import type { AuthClient } from './auth-client';
import { LoginPage } from './LoginPage';
import { renderWithApi } from '../test-support/render-with-api';

let auth: AuthClient | undefined;
afterEach(() => auth?.dispose());

function renderPage(signUpEnabled: boolean) {
  const out = renderWithApi(<LoginPage />, (query) => {
    if (!query.includes('signUpEnabled')) throw new Error(`unexpected request: ${query}`);
    return { signUpEnabled };
  });
  auth = out.auth;
  return out.calls;
}

it("explains the Restaurant field as the restaurant's code", () => {
  renderPage(false);
  const field = screen.getByLabelText('Restaurant');
  const hint = document.getElementById(field.getAttribute('aria-describedby')!);
  expect(hint?.textContent).toMatch(/^Your restaurant's code, e\.g\. demo/);
});

it('offers the sign-up page only where the server has it on', async () => {
  renderPage(true);
  expect((await screen.findByRole('link', { name: 'Create one' })).getAttribute('href')).toBe('#/signup');
});

it('hides the sign-up link where the server has it off', async () => {
  const calls = renderPage(false);
  await waitFor(() => expect(calls).toHaveLength(1));
  // Let the answer reach the page: were sign-up on, the link would show now.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(screen.queryByRole('link', { name: 'Create one' })).toBeNull();
});
