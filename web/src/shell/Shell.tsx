import { Suspense, useEffect } from 'react';
import { useAuth, useRequiredSession } from '../auth/AuthContext';
import { allowed, landingPath } from '../auth/roles';
import { ConnectionIndicator } from '../realtime/ConnectionIndicator';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { useLiveCache } from '../realtime/live-cache';
import { Link, matchPath, navigate, usePath } from '../router/router';
import { ROUTES } from './routes';
import { Empty, Loading } from './states';

/** The signed-in frame: header with the role's nav, live status, and the current screen. */
export function Shell() {
  const auth = useAuth();
  return (
    <RealtimeProvider auth={auth}>
      <ShellFrame />
    </RealtimeProvider>
  );
}

function ShellFrame() {
  const auth = useAuth();
  const session = useRequiredSession();
  const role = session.user.role;
  const path = usePath();
  useLiveCache();

  const landing = landingPath(role);
  useEffect(() => {
    if (path === '/') navigate(landing, { replace: true });
  }, [path, landing]);

  const match = ROUTES.map((route) => ({ route, params: matchPath(route.pattern, path) })).find((m) => m.params);
  const title = match?.route.title ?? 'Not found';
  useEffect(() => {
    document.title = `${title} · Brigade`;
  }, [title]);

  const nav = ROUTES.filter((r) => r.nav && allowed(role, r.permission));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <strong>Brigade</strong>
          <span className="muted">{session.tenant.name}</span>
        </div>
        <nav className="topbar__nav" aria-label="Main">
          {nav.map((r) => (
            <Link key={r.pattern} to={r.pattern} exact={r.pattern === '/admin'}>
              {r.nav}
            </Link>
          ))}
        </nav>
        <div className="topbar__right">
          <ConnectionIndicator />
          <span className="topbar__user" title={session.user.email}>
            {session.user.name} <span className="badge">{role}</span>
          </span>
          <button type="button" className="btn btn--ghost" onClick={() => void auth.logout()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {path === '/' ? (
          <Loading />
        ) : !match ? (
          <Empty title="Page not found">
            <Link to={landing}>Go to your start page</Link>
          </Empty>
        ) : !allowed(role, match.route.permission) ? (
          <Empty title="Your role cannot open this page">
            <Link to={landing}>Go to your start page</Link>
          </Empty>
        ) : (
          <Suspense fallback={<Loading />}>{match.route.render(match.params!)}</Suspense>
        )}
      </main>
    </div>
  );
}
