import { Suspense, useEffect } from 'react';
import { useAuth, useRequiredSession } from '../auth/AuthContext';
import { landingPath } from '../auth/roles';
import { effectiveLocale } from '../../../domain/i18n/locales';
import { LocaleProvider, useI18n } from '../i18n/LocaleProvider';
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
  const { user, tenant } = useRequiredSession();
  return (
    <LocaleProvider locale={effectiveLocale(user.locale, tenant.locale)} timeZone={tenant.timeZone ?? null} currency={tenant.currency || 'EUR'}>
      <RealtimeProvider auth={auth}>
        <ShellFrame />
      </RealtimeProvider>
    </LocaleProvider>
  );
}

function ShellFrame() {
  const auth = useAuth();
  const session = useRequiredSession();
  const role = session.user.role;
  const path = usePath();
  const { t } = useI18n();
  useLiveCache();

  const landing = landingPath(role);
  useEffect(() => {
    if (path === '/') navigate(landing, { replace: true });
  }, [path, landing]);

  const match = ROUTES.map((route) => ({ route, params: matchPath(route.pattern, path) })).find((m) => m.params);
  const title = t(`routes.${match?.route.key ?? 'notFound'}.title`);
  useEffect(() => {
    document.title = `${title} · Brigade`;
  }, [title]);

  const nav = topNav(role);
  const tabs = match?.route.group === 'admin' ? adminTabs(role) : [];

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <strong>Brigade</strong>
          <span className="muted">{session.tenant.name}</span>
        </div>
        <NavMenu>
          <nav className="topbar__nav" aria-label={t('shell.mainNav')}>
            {nav.map((item) => (
              <Link key={item.label} to={item.to} exact={item.exact} activePrefix={item.activePrefix}>
                {item.key === 'admin' ? t('shell.admin') : t(`routes.${item.key}.nav`)}
              </Link>
            ))}
          </nav>
          <div className="topbar__right">
            <span className="topbar__user" title={session.user.email}>
              <span className="topbar__user-name">{session.user.name}</span> <span className="badge">{role}</span>
            </span>
            <Link to={CHANGE_PASSWORD_PATH} className="btn btn--ghost" title={t('shell.accountTitle')}>
              {t('login.password')}
            </Link>
            <button type="button" className="btn btn--ghost" onClick={() => void auth.logout()}>
              {t('shell.signOut')}
            </button>
          </div>
        </NavMenu>
        <div className="topbar__status">
          <ConnectionIndicator />
        </div>
      </header>
      {tabs.length > 0 && (
        <nav className="subnav" aria-label={t('shell.adminNav')}>
          {tabs.map((tab) => (
            <Link key={tab.to} to={tab.to} activeExcept={tab.activeExcept}>
              {tab.key === 'admin' ? t('shell.admin') : t(`routes.${tab.key}.nav`)}
            </Link>
          ))}
        </nav>
      )}
      <main id="main" className="content" tabIndex={-1}>
        {path === '/' ? (
          <Loading />
        ) : !match ? (
          <Empty title={t('shell.notFound')}>
            <Link to={landing}>{t('shell.goHome')}</Link>
          </Empty>
        ) : !mayOpen(role, match.route) ? (
          <Empty title={t('shell.roleCannotOpen')}>
            <Link to={landing}>{t('shell.goHome')}</Link>
          </Empty>
        ) : (
          <Suspense fallback={<Loading />}>{match.route.render(match.params!)}</Suspense>
        )}
      </main>
    </div>
  );
}
