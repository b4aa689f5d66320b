/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AuthClient } from './auth-client';
import { SignUpPage, slugFrom } from './SignUpPage';
import { renderWithApi, wireError } from '../test-support/render-with-api';

let auth: AuthClient | undefined;
afterEach(() => auth?.dispose());

function renderPage(answer: (variables: Record<string, unknown>) => unknown) {
  const out = renderWithApi(<SignUpPage />, (query, variables) => {
    if (!query.includes('signUp(')) throw new Error(`unexpected request: ${query}`);
    return answer(variables);
  });
  auth = out.auth;
  return out.calls;
}
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const fill = () => {
  type("Restaurant's name", 'Trattoria da Mário');
  type('Your name', 'Mario');
  type('Your email', 'mario@example.com');
  type('Time zone', 'Europe/Rome');
};
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create restaurant' }));

it('suggests the code from the name, creates the restaurant and goes on to the owner’s one-time link', async () => {
  const calls = renderPage(() => ({ signUp: { token: 'abc_123', tenant: { slug: 'trattoria-da-mario' } } }));
  fill();
  expect(input('Restaurant code').value).toBe('trattoria-da-mario');
  submit();
  await waitFor(() => expect(window.location.hash).toBe('#/welcome/abc_123'));
  expect(calls[0].variables).toEqual({
    input: { name: 'Trattoria da Mário', slug: 'trattoria-da-mario', ownerName: 'Mario', ownerEmail: 'mario@example.com', timeZone: 'Europe/Rome' },
  });
});

it('keeps a code the owner typed, and shows a taken code under its field', async () => {
  renderPage(() => {
    throw wireError('slug: a restaurant with the code "mario" already exists; choose another', {
      code: 'CONFLICT',
      field: 'slug',
      fieldErrors: [{ path: 'slug', message: 'is already taken' }],
    });
  });
  type('Restaurant code', 'mario');
  fill();
  expect(input('Restaurant code').value).toBe('mario');
  submit();
  expect(await screen.findByText('is already taken')).toBeTruthy();
  expect(input('Restaurant code').getAttribute('aria-invalid')).toBe('true');
});

it('makes codes the API accepts from any name', () => {
  expect(slugFrom('  Ça Va? Bistro & Bar ')).toBe('ca-va-bistro-bar');
  expect(slugFrom('7 Mari')).toBe('mari');
  expect(slugFrom('x'.repeat(60))).toHaveLength(40);
});
