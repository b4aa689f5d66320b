/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ApiContext } from '../../api/hooks';
import { fakePlatformApi } from '../../test-support/platforms';
import { NewPlatformForm } from './NewPlatformForm';

/** The add-platform form against the in-memory tenant, answering with the server's error shapes (core/errors.ts). */
function renderForm(api: Api) {
  const created: Array<{ id: string; name: string }> = [];
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <NewPlatformForm onCreated={(p) => created.push(p)} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
  return created;
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Add platform' }));
const errorOf = (label: string) => {
  const ids = input(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field__error'))?.textContent ?? null;
};

describe('add platform form', () => {
  it('puts each of the server’s validation errors under the field it names', async () => {
    const { api, state } = fakePlatformApi();
    renderForm(api);
    type('Name', 'Deliveroo Milano');
    type('Base URL', 'ftp://example.com');
    type('Webhook secret', 'short');
    state.failNext = new ApiError('Invalid input: baseUrl: must be an http(s) URL; webhookSecrets.0: must be at least 8 characters', 'BAD_USER_INPUT', {
      fieldErrors: [
        { path: 'baseUrl', message: 'must be an http(s) URL' },
        { path: 'webhookSecrets.0', message: 'must be at least 8 characters' },
      ],
    });
    submit();
    await waitFor(() => expect(errorOf('Base URL')).toBe('must be an http(s) URL'));
    expect(input('Base URL').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('Webhook secret')).toBe('must be at least 8 characters');
    expect(input('Name').getAttribute('aria-invalid')).toBeNull();
    // Every message has its field: no second copy of them above the button.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input('Name').value).toBe('Deliveroo Milano');
  });

  it('says a taken name on the name field, and a failure no field explains above the button', async () => {
    const { api, state } = fakePlatformApi();
    renderForm(api);
    state.failNext = new ApiError('A platform named "Glovo" already exists', 'CONFLICT');
    submit();
    await waitFor(() => expect(errorOf('Name')).toBe('A platform named "Glovo" already exists'));

    state.failNext = new ApiError('Network request failed', 'NETWORK');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot reach the server. Check the connection and try again.');
    expect(errorOf('Name')).toBeNull();
  });

  it('sends trimmed values, the new webhook secret before the previous one, and no empty API key', async () => {
    const { api, callsOf } = fakePlatformApi();
    const created = renderForm(api);
    type('Name', '  Sandbox  ');
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'ONLINE' } });
    type('Base URL', ' http://127.0.0.1:4100 ');
    type('Webhook secret', 'whsec-new-123');
    type('Previous webhook secret', 'whsec-old-123');
    submit();
    await waitFor(() => expect(created).toHaveLength(1));
    expect(callsOf('createPlatform')[0].variables.input).toEqual({
      name: 'Sandbox',
      type: 'ONLINE',
      connector: 'generic-rest',
      baseUrl: 'http://127.0.0.1:4100',
      apiKey: null,
      clientId: null,
      clientSecret: null,
      tokenUrl: null,
      webhookSecrets: ['whsec-new-123', 'whsec-old-123'],
    });
    expect(input('Name').value).toBe('');
  });

  it('sends OAuth client credentials instead of a key typed before switching, and shows their pairing error', async () => {
    const { api, state, callsOf } = fakePlatformApi();
    renderForm(api);
    type('Name', 'Glovo');
    type('Base URL', 'https://api.glovo.example');
    type('API key', 'typed-by-mistake');
    fireEvent.change(screen.getByLabelText('Authentication'), { target: { value: 'oauth' } });
    type('Client ID', 'brigade-client');
    type('Webhook secret', 'whsec-123456');
    state.failNext = new ApiError('Invalid input: clientSecret: clientId and clientSecret go together', 'BAD_USER_INPUT', {
      fieldErrors: [{ path: 'clientSecret', message: 'clientId and clientSecret go together' }],
    });
    submit();
    await waitFor(() => expect(errorOf('Client secret')).toBe('clientId and clientSecret go together'));
    expect(callsOf('createPlatform')[0].variables.input).toMatchObject({ apiKey: null, clientId: 'brigade-client', clientSecret: null, tokenUrl: null });
    expect(screen.queryByLabelText('API key')).toBeNull();
  });
});
