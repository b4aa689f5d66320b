import { useSession } from './auth/AuthContext';
import { SIGN_UP_PATH, WELCOME_PATTERN } from './auth/access-link-api';
import { LoginPage } from './auth/LoginPage';
import { SignUpPage } from './auth/SignUpPage';
import { WelcomePage } from './auth/WelcomePage';
import { deviceLocale } from './i18n/i18n';
import { LocaleProvider } from './i18n/LocaleProvider';
import { matchPath, usePath } from './router/router';
import { Shell } from './shell/Shell';

export function App() {
  const session = useSession();
  const path = usePath();
  // A one-time link opens its page whoever is signed in on this browser: it signs its own user in.
  const welcome = matchPath(WELCOME_PATTERN, path);
  if (welcome) return <WelcomePage key={welcome.token} token={welcome.token} />;
  if (!session) {
    // Nobody to ask yet: the language this browser showed last.
    return (
      <LocaleProvider locale={deviceLocale()} timeZone={null} currency="EUR">
        {path === SIGN_UP_PATH ? <SignUpPage /> : <LoginPage />}
      </LocaleProvider>
    );
  }
  // Keyed by user and tenant: signing in as someone else starts from a clean shell and socket.
  return <Shell key={`${session.tenant.id}:${session.user.id}`} />;
}
