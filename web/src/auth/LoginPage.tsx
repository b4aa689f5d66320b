import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/errors';
import { Trans } from 'react-i18next';
import { useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { SIGN_UP_ENABLED, SIGN_UP_PATH } from './access-link-api';
import { navigate } from '../router/router';
import { useAuth } from './AuthContext';
import { landingPath } from './roles';
import { lastTenant, rememberTenant } from './session';

export function LoginPage() {
  const auth = useAuth();
  const { t } = useI18n();
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

  const message: string | null = !error ? null : error instanceof ApiError && error.code === 'BAD_USER_INPUT' ? t('login.fillIn') : describeError(error);

  return (
    <main className="login">
      <form className="card login__card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title" className="login__brand">
          Brigade
        </h1>
        <p className="muted">{t('login.subtitle')}</p>
        {auth.endedReason && !error && <p className="notice">{auth.endedReason}</p>}
        <div className="field">
          <label className="field__label" htmlFor="login-tenant">
            {t('login.restaurant')}
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
            <Trans i18nKey="login.restaurantHint" components={{ code: <code /> }} />
          </small>
        </div>
        <label className="field">
          <span>{t('login.email')}</span>
          <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required autoFocus={!!tenant} />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.signIn')}
        </button>
        {signUp.data?.signUpEnabled && (
          <p className="muted">
            {t('login.newRestaurant')} <a href={`#${SIGN_UP_PATH}`}>{t('login.createOne')}</a>
          </p>
        )}
      </form>
    </main>
  );
}
