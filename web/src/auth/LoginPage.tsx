import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/errors';
import { useGqlQuery } from '../api/hooks';
import { SIGN_UP_ENABLED, SIGN_UP_PATH } from './access-link-api';
import { navigate } from '../router/router';
import { useAuth } from './AuthContext';
import { landingPath } from './roles';
import { lastTenant, rememberTenant } from './session';

export function LoginPage() {
  const auth = useAuth();
  const [tenant, setTenant] = useState(lastTenant);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Offered only where the server has it on; while unknown (or unanswered) the link stays hidden.
  const signUp = useGqlQuery(['signUpEnabled'], SIGN_UP_ENABLED, { staleTime: Infinity, retry: false });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // The restaurant's code is its slug: people type it with capitals or spaces around it.
    const slug = tenant.trim().toLowerCase();
    try {
      const session = await auth.login(slug, email.trim(), password);
      rememberTenant(slug);
      navigate(landingPath(session.user.role), { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const message: string | null = !error
    ? null
    : error instanceof ApiError && error.code === 'BAD_USER_INPUT'
      ? 'Fill in restaurant, email and password.'
      : describeError(error);

  return (
    <main className="login">
      <form className="card login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title" className="login__brand">
          Brigade
        </h1>
        <p className="muted">Sign in to your kitchen</p>
        {auth.endedReason && !error && <p className="notice">{auth.endedReason}</p>}
        <div className="field">
          <label className="field__label" htmlFor="login-tenant">
            Restaurant
          </label>
          <input
            id="login-tenant"
            name="tenant"
            value={tenant}
            onChange={(e) => setTenant(e.target.value)}
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby="login-tenant-hint"
            required
            autoFocus={!tenant}
          />
          <small id="login-tenant-hint" className="muted">
            Your restaurant's code, e.g. <code>demo</code>: whoever set up your account has it.
          </small>
        </div>
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required autoFocus={!!tenant} />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {signUp.data?.signUpEnabled && (
          <p className="muted">
            New restaurant? <a href={`#${SIGN_UP_PATH}`}>Create one</a>
          </p>
        )}
      </form>
    </main>
  );
}
