import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import { graphql } from '../api/graphql';
import { useGqlMutation } from '../api/hooks';
import { PageHeader } from '../shell/page';
import { FormError } from '../shell/states';
import { useAuth } from './AuthContext';
import { AuthPayloadFields } from './session';
import { FormField } from '../shell/FormField';
import { en } from '../i18n/locales/en';
import { useI18n } from '../i18n/LocaleProvider';
import { LanguagePicker } from './LanguagePicker';

export const CHANGE_PASSWORD = graphql(
  `
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
      changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
        ...AuthPayloadFields
      }
    }
  `,
  [AuthPayloadFields],
);

/** The API's password policy (core/auth/password-policy.ts), said before the user types. */
/** The API's password policy (English; the page shows it in the active language). */
export const POLICY_HINT = en.account.policy;

type Field = 'currentPassword' | 'newPassword' | 'confirm';
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '', confirm: '' };

/** The server's BAD_USER_INPUT field errors on the fields they name; anything else stays for the form-level message. */
function fieldErrorsOf(error: unknown): { fields: Partial<Record<Field, string>>; rest: boolean } {
  if (!(error instanceof ApiError)) return { fields: {}, rest: Boolean(error) };
  if (error.code !== 'BAD_USER_INPUT' || error.fieldErrors.length === 0) return { fields: {}, rest: true };
  const fields: Partial<Record<Field, string>> = {};
  let rest = false;
  for (const f of error.fieldErrors) {
    if (f.path !== 'currentPassword' && f.path !== 'newPassword') rest = true;
    else fields[f.path] ??= f.message;
  }
  return { fields, rest };
}

/**
 * Any signed-in user sets a new password. The API ends every refresh session of the user and
 * returns a fresh one, which this tab adopts: it stays signed in, other devices sign in again.
 */
export function ChangePasswordPage() {
  const id = useId();
  const { t } = useI18n();
  const auth = useAuth();
  const change = useGqlMutation(CHANGE_PASSWORD);
  const [form, setForm] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const server = fieldErrorsOf(change.error);
  const fields: Partial<Record<Field, string>> = { ...server.fields, confirm: mismatch ? t('account.mismatch') : undefined };

  const set = (field: Field, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setDone(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    // Checked here only: the API never sees the repeat, it exists to catch a typo.
    const differs = form.newPassword !== form.confirm;
    setMismatch(differs);
    if (differs) return change.reset();
    change.mutate(
      { currentPassword: form.currentPassword, newPassword: form.newPassword },
      {
        onSuccess: ({ changePassword }) => {
          auth.adopt(changePassword);
          setForm(EMPTY);
          setDone(true);
        },
      },
    );
  };

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <FormField
      controlId={`${id}-${name}`}
      label={label}
      error={fields[name]}
      hint={hint}
      control={(props) => <input {...props} type="password" value={form[name]} onChange={(e) => set(name, e.target.value)} autoComplete={autoComplete} />}
    />
  );

  return (
    <section className="page">
      <PageHeader title={t('account.title')} lead={t('account.lead')} />
      <form className="card account-form" onSubmit={submit} aria-label={t('account.formLabel')} noValidate>
        {field('currentPassword', t('account.current'), 'current-password')}
        {field('newPassword', t('account.newPassword'), 'new-password', t('account.policy'))}
        {field('confirm', t('account.repeatPassword'), 'new-password')}
        {server.rest && <FormError error={change.error} />}
        {done && (
          <p className="notice" role="status">
            {t('account.changed')}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={change.isPending}>
          {change.isPending ? t('account.changing') : t('account.change')}
        </button>
      </form>
      <LanguagePicker />
    </section>
  );
}
