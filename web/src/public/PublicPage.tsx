import { useEffect, type ReactNode } from 'react';
import type { BoardView, PageSettings, TrackingView } from '../../../contracts/public-views';
import { deviceLocale } from '../i18n/i18n';
import { LocaleProvider, useI18n } from '../i18n/LocaleProvider';
import { BoardScreen } from './BoardScreen';
import type { PublicRoute } from './public-route';
import { TrackingScreen } from './TrackingScreen';
import { usePublicFeed } from './use-public-feed';
import './public.css';

/** The page a board screen or a tracking link opens: no sign-in, no app shell, nothing but its view. */
export function PublicPage({ route }: { route: PublicRoute }) {
  return route.kind === 'board' ? <BoardPage route={route} /> : <TrackingPage route={route} />;
}

/** No user to ask: the restaurant's default language and time zone, once its view says them; the browser's last before. */
function Speaking({ page, children }: { page: PageSettings | null; children: ReactNode }) {
  return (
    <LocaleProvider locale={page?.locale ?? deviceLocale()} timeZone={page?.timeZone ?? null} currency="EUR">
      {children}
    </LocaleProvider>
  );
}

function BoardPage({ route }: { route: PublicRoute }) {
  const state = usePublicFeed<BoardView>(route);
  return (
    <Speaking page={state.kind === 'view' ? state.view.page : null}>
      <Title title={(t) => t('customer.pickup')} />
      {state.kind === 'loading' ? <Waiting /> : state.kind === 'invalid' ? <NotValid /> : <BoardScreen view={state.view} live={state.live} />}
    </Speaking>
  );
}

function TrackingPage({ route }: { route: PublicRoute }) {
  const state = usePublicFeed<TrackingView>(route);
  return (
    <Speaking page={state.kind === 'view' ? state.view.page : null}>
      <Title title={(t) => (state.kind === 'view' ? t('customer.orderTitle', { orderNumber: state.view.orderNumber }) : t('customer.yourOrder'))} />
      {state.kind === 'loading' ? <Waiting /> : state.kind === 'invalid' ? <NotValid /> : <TrackingScreen view={state.view} live={state.live} />}
    </Speaking>
  );
}

function Title({ title }: { title: (t: ReturnType<typeof useI18n>['t']) => string }) {
  const { t } = useI18n();
  const text = title(t);
  useEffect(() => {
    document.title = text;
  }, [text]);
  return null;
}

function Waiting() {
  const { t } = useI18n();
  return (
    <main className="public public--centered" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('customer.loading')}
    </main>
  );
}

function NotValid() {
  const { t } = useI18n();
  return (
    <main className="public public--centered">
      <h1 className="public__invalid">{t('customer.invalid')}</h1>
      <p className="muted">{t('customer.askStaff')}</p>
    </main>
  );
}
