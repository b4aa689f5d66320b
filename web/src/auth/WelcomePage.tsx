import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import { useGqlMutation } from '../api/hooks';
import { navigate } from '../router/router';
import { FormField } from '../shell/FormField';
import { FormError } from '../shell/states';
import { REDEEM_ACCESS_LINK } from './access-link-api';
import { useAuth } from './AuthContext';
import { POLICY_HINT } from './ChangePasswordPage';
import { fieldErrorsOf } from './field-errors';
import { landingPath } from './roles';
import { rememberTenant } from './session';

/**
 * What a one-time link opens (an invite, an admin's reset, a new restaurant's owner): the person
 * sets a password and is signed in. A used or expired link says so and asks for a new one.
 */
export function WelcomePage({ token }: { token: string }) {
  const id = useId();
  const auth = useAuth();
  const redeem = useGqlMutation(REDEEM_ACCESS_LINK);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const server = fieldErrorsOf(redeem.error, ['password'] as const);
  const deadLink = redeem.error instanceof ApiError && redeem.error.code === 'NOT_FOUND' ? redeem.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differs = password !== confirm;
    setMismatch(differs);
    if (differs) return redeem.reset();
    redeem.mutate(
      { token, password },
      {
        onSuccess: ({ redeemAccessLink: session }) => {
          auth.adopt(session);
          rememberTenant(session.tenant.slug);
          navigate(landingPath(session.user.role), { replace: true });
        },
      },
    );
  };

  return (
    <main className="login">
      <form className="card login__card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
        <h1 id={`${id}-title`} className="login__brand">
          Brigade
        </h1>
        <p className="muted">Welcome! Choose your password to sign in.</p>
        <FormField
          controlId={`${id}-password`}
          label="Password"
          hint={POLICY_HINT}
          error={server.fields.password}
          control={(props) => <input {...props} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />}
        />
        <FormField
          controlId={`${id}-confirm`}
          label="Repeat password"
          error={mismatch ? 'does not match the password' : undefined}
          control={(props) => <input {...props} type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />}
        />
        {deadLink ? (
          <p className="form-error" role="alert">
            {deadLink.message}. <a href="#/">Back to sign-in</a>
          </p>
        ) : (
          server.rest && <FormError error={redeem.error} />
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={redeem.isPending}>
          {redeem.isPending ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    </main>
  );
}
