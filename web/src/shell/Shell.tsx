import { Suspense, useEffect } from 'react';
import { useAuth, useRequiredSession } from '../auth/AuthContext';
import { landingPath } from '../auth/roles';
import { ConnectionIndicator } from '../realtime/ConnectionIndicator';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { useLiveCache } from '../realtime/live-cache';
import { Link, matchPath, navigate, usePath } from '../router/router';
import { adminTabs, topNav } from './nav';
import { NavMenu } from './NavMenu';
import { CHANGE_PASSWORD_PATH, mayOpen, ROUTES } from './routes';
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

  const nav = topNav(role);
  const tabs = match?.route.group === 'admin' ? adminTabs(role) : [];

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
        <NavMenu>
          <nav className="topbar__nav" aria-label="Main">
            {nav.map((item) => (
              <Link key={item.label} to={item.to} exact={item.exact} activePrefix={item.activePrefix}>
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="topbar__right">
            <span className="topbar__user" title={session.user.email}>
              <span className="topbar__user-name">{session.user.name}</span> <span className="badge">{role}</span>
            </span>
            <Link to={CHANGE_PASSWORD_PATH} className="btn btn--ghost" title="Change your password">
              Password
            </Link>
            <button type="button" className="btn btn--ghost" onClick={() => void auth.logout()}>
              Sign out
            </button>
          </div>
        </NavMenu>
        <div className="topbar__status">
          <ConnectionIndicator />
        </div>
      </header>
      {tabs.length > 0 && (
        <nav className="subnav" aria-label="Admin">
          {tabs.map((t) => (
            <Link key={t.to} to={t.to} activeExcept={t.activeExcept}>
              {t.label}
            </Link>
          ))}
        </nav>
      )}
      <main id="main" className="content" tabIndex={-1}>
        {path === '/' ? (
          <Loading />
        ) : !match ? (
          <Empty title="Page not found">
            <Link to={landing}>Go to your start page</Link>
          </Empty>
        ) : !mayOpen(role, match.route) ? (
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
