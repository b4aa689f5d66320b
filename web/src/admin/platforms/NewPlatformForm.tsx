import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useGqlMutation } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { CONNECTOR_LABEL, CREATE_PLATFORM, PLATFORM_TYPE_LABEL, PLATFORMS_KEY, type PlatformType } from './platform-api';
import { EMPTY_DRAFT, fieldErrorsOf, toCreateInput, type DraftField, type PlatformDraft } from './platform-form';
import { FormField, type ControlProps } from '../../shell/FormField';

/**
 * Connects a platform: where its API is, the key we call it with, and the secret(s) its webhooks
 * are signed with. The secrets are stored encrypted and never shown again, so the form says so.
 * Checking is the server's (noValidate): its field errors appear under the fields they name.
 */
export function NewPlatformForm({ onCreated }: { onCreated(platform: { id: string; name: string }): void }) {
  const id = useId();
  const create = useGqlMutation(CREATE_PLATFORM, [PLATFORMS_KEY]);
  const [draft, setDraft] = useState<PlatformDraft>(EMPTY_DRAFT);
  const set = (patch: Partial<PlatformDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { fields, rest } = fieldErrorsOf(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { input: toCreateInput(draft) },
      {
        onSuccess: ({ createPlatform }) => {
          setDraft(EMPTY_DRAFT);
          onCreated(createPlatform);
        },
      },
    );
  };

  const field = (name: DraftField, label: string, control: (props: ControlProps) => ReactNode, hint?: string) => (
    <FormField controlId={`${id}-${name}`} label={label} error={fields[name]} hint={hint} control={control} />
  );
  const text =
    (name: Exclude<DraftField, 'type' | 'auth'>, opts: { type?: string; placeholder?: string } = {}) =>
    (props: ControlProps) => (
      <input
        {...props}
        type={opts.type ?? 'text'}
        value={draft[name]}
        onChange={(e) => set({ [name]: e.target.value })}
        placeholder={opts.placeholder}
        autoComplete="off"
      />
    );

  return (
    <form className="form-grid" onSubmit={submit} aria-label="Add platform" noValidate>
      {field('name', 'Name', text('name', { placeholder: 'e.g. Deliveroo Milano' }))}
      {field('type', 'Type', (props) => (
        <select {...props} value={draft.type} onChange={(e) => set({ type: e.target.value as PlatformType })}>
          {(Object.keys(PLATFORM_TYPE_LABEL) as PlatformType[]).map((t) => (
            <option key={t} value={t}>
              {PLATFORM_TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      ))}
      {field('connector', 'Connector', (props) => (
        <select {...props} value={draft.connector} onChange={(e) => set({ connector: e.target.value })}>
          {Object.entries(CONNECTOR_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      ))}
      {field('baseUrl', 'Base URL', text('baseUrl', { type: 'url', placeholder: 'https://api.platform.example' }))}
      {field('auth', 'Authentication', (props) => (
        <select {...props} value={draft.auth} onChange={(e) => set({ auth: e.target.value as PlatformDraft['auth'] })}>
          <option value="apiKey">API key</option>
          <option value="oauth">OAuth2 client credentials</option>
        </select>
      ))}
      {draft.auth === 'apiKey' ? (
        field('apiKey', 'API key', text('apiKey', { type: 'password' }), 'Stored encrypted; never shown again.')
      ) : (
        <>
          {field('clientId', 'Client ID', text('clientId'))}
          {field('clientSecret', 'Client secret', text('clientSecret', { type: 'password' }), 'Stored encrypted; never shown again.')}
          {field('tokenUrl', 'Token URL', text('tokenUrl', { type: 'url', placeholder: 'default: <base URL>/oauth/token' }))}
        </>
      )}
      {field('webhookSecret', 'Webhook secret', text('webhookSecret', { type: 'password' }), 'At least 8 characters.')}
      {field('previousWebhookSecret', 'Previous webhook secret', text('previousWebhookSecret', { type: 'password' }), 'Only while rotating secrets.')}
      <div className="btn-row form-grid__actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {create.isPending ? 'Connecting…' : 'Add platform'}
        </button>
      </div>
      {rest && <FormError error={create.error} />}
    </form>
  );
}
