import { useEffect } from 'react';
import type { BoardView, TrackingView } from '../../../contracts/public-views';
import { BoardScreen } from './BoardScreen';
import type { PublicRoute } from './public-route';
import { TrackingScreen } from './TrackingScreen';
import { usePublicFeed } from './use-public-feed';
import './public.css';

/** The page a board screen or a tracking link opens: no sign-in, no app shell, nothing but its view. */
export function PublicPage({ route }: { route: PublicRoute }) {
  return route.kind === 'board' ? <BoardPage route={route} /> : <TrackingPage route={route} />;
}

function BoardPage({ route }: { route: PublicRoute }) {
  const state = usePublicFeed<BoardView>(route);
  useTitle('Order pickup');
  if (state.kind === 'loading') return <Waiting />;
  if (state.kind === 'invalid') return <NotValid />;
  return <BoardScreen view={state.view} live={state.live} />;
}

function TrackingPage({ route }: { route: PublicRoute }) {
  const state = usePublicFeed<TrackingView>(route);
  useTitle(state.kind === 'view' ? `Order #${state.view.orderNumber}` : 'Your order');
  if (state.kind === 'loading') return <Waiting />;
  if (state.kind === 'invalid') return <NotValid />;
  return <TrackingScreen view={state.view} live={state.live} />;
}

function useTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

function Waiting() {
  return (
    <main className="public public--centered" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading…
    </main>
  );
}

function NotValid() {
  return (
    <main className="public public--centered">
      <h1 className="public__invalid">This link is not valid</h1>
      <p className="muted">Ask the staff for a new one.</p>
    </main>
  );
}
