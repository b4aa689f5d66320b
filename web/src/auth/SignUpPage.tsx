import { useId, useState, type FormEvent } from 'react';
import { useGqlMutation } from '../api/hooks';
import { navigate } from '../router/router';
import { FormField } from '../shell/FormField';
import { FormError } from '../shell/states';
import { SIGN_UP } from './access-link-api';
import { fieldErrorsOf } from './field-errors';

type Field = 'name' | 'slug' | 'ownerName' | 'ownerEmail' | 'timeZone';
const FIELDS: readonly Field[] = ['name', 'slug', 'ownerName', 'ownerEmail', 'timeZone'];

/** "Trattoria da Mario" → "trattoria-da-mario": a suggestion the owner may change. */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A new restaurant (where the server has SIGNUP_ENABLED): the same as `npm run tenant:create`. The
 * owner goes straight on to the one-time link's page to choose a password.
 */
export function SignUpPage() {
  const id = useId();
  const signUp = useGqlMutation(SIGN_UP);
  const [form, setForm] = useState<Record<Field, string>>({ name: '', slug: '', ownerName: '', ownerEmail: '', timeZone: browserTimeZone() });
  const [slugTouched, setSlugTouched] = useState(false);
  const server = fieldErrorsOf(signUp.error, FIELDS);

  const set = (field: Field, value: string) =>
    setForm((f) => ({ ...f, [field]: value, ...(field === 'name' && !slugTouched ? { slug: slugFrom(value) } : {}) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signUp.mutate({ input: form }, { onSuccess: ({ signUp: created }) => navigate(`/welcome/${encodeURIComponent(created.token)}`, { replace: true }) });
  };

  const field = (name: Field, label: string, extra: { hint?: string; type?: string; autoComplete?: string } = {}) => (
    <FormField
      controlId={`${id}-${name}`}
      label={label}
      hint={extra.hint}
      error={server.fields[name]}
      control={(props) => (
        <input
          {...props}
          type={extra.type ?? 'text'}
          value={form[name]}
          autoComplete={extra.autoComplete ?? 'off'}
          onChange={(e) => {
            if (name === 'slug') setSlugTouched(true);
            set(name, e.target.value);
          }}
        />
      )}
    />
  );

  return (
    <main className="login">
      <form className="card login__card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
        <h1 id={`${id}-title`} className="login__brand">
          New restaurant
        </h1>
        <p className="muted">An empty kitchen of your own; a checklist leads you through setting it up.</p>
        {field('name', "Restaurant's name", { autoComplete: 'organization' })}
        {field('slug', 'Restaurant code', { hint: 'What everyone types at sign-in: lowercase letters, digits and dashes, e.g. trattoria-mario.' })}
        {field('ownerName', 'Your name', { autoComplete: 'name' })}
        {field('ownerEmail', 'Your email', { type: 'email', autoComplete: 'email' })}
        {field('timeZone', 'Time zone', { hint: 'Where the kitchen is, e.g. Europe/Rome.' })}
        {server.rest && <FormError error={signUp.error} />}
        <button type="submit" className="btn btn--primary btn--block" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating…' : 'Create restaurant'}
        </button>
        <p className="muted">
          Already have one? <a href="#/">Sign in</a>
        </p>
      </form>
    </main>
  );
}
