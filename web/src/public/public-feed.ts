import { io, type Socket } from 'socket.io-client';
import { PUBLIC_NAMESPACE, type PublicClientToServerEvents, type PublicHandshakeAuth, type PublicServerToClientEvents } from '../../../contracts/socket-events';
import type { PublicRoute } from './public-route';

export type FeedState<T> =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  /** `live: false`: the socket is down; the view is the last one read and may be behind. */
  | { kind: 'view'; view: T; live: boolean };

/** Pings of one moment (a transition's several events) make one read, at most once a second. */
const MIN_READ_INTERVAL_MS = 1_000;
/** A read that failed (network, limit) is tried again after this, or the server's Retry-After. */
const RETRY_MS = 5_000;

/**
 * A public page's data: its view read from GET /public/<kind>/<token>, read again on every ping
 * of its socket and on every (re)connect, so a page left alone for hours stays right. Hand-written
 * rather than a query cache: one value, one source, and the pacing of its reads is the point.
 */
export function openPublicFeed<T>(route: PublicRoute, onState: (state: FeedState<T>) => void): () => void {
  let state: FeedState<T> = { kind: 'loading' };
  let closed = false;
  let lastRead = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  let again = false;
  const set = (next: FeedState<T>) => {
    state = next;
    if (!closed) onState(next);
  };
  const live = () => socket.connected;

  const read = async () => {
    if (closed) return;
    if (reading) return void (again = true);
    reading = true;
    lastRead = Date.now();
    let retryMs: number | null = null;
    try {
      const res = await fetch(`/public/${route.kind}/${encodeURIComponent(route.token)}`, { cache: 'no-store' });
      if (res.status === 404) {
        set({ kind: 'invalid' });
        socket.close();
        return;
      }
      if (res.ok) set({ kind: 'view', view: (await res.json()) as T, live: live() });
      else retryMs = Number(res.headers.get('retry-after')) * 1000 || RETRY_MS;
    } catch {
      retryMs = RETRY_MS;
    } finally {
      reading = false;
    }
    if (retryMs !== null) schedule(retryMs);
    else if (again) {
      again = false;
      schedule(0);
    }
  };

  /** Runs a read `delay` ms from now, but never sooner than a second after the last one. */
  const schedule = (delay: number) => {
    if (closed || timer) return;
    const wait = Math.max(delay, lastRead + MIN_READ_INTERVAL_MS - Date.now(), 0);
    timer = setTimeout(() => {
      timer = undefined;
      void read();
    }, wait);
  };

  const auth: PublicHandshakeAuth = route.kind === 'board' ? { board: route.token } : { track: route.token };
  const socket: Socket<PublicServerToClientEvents, PublicClientToServerEvents> = io(PUBLIC_NAMESPACE, {
    auth,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 30_000,
  });
  const liveness = () => state.kind === 'view' && set({ ...state, live: live() });
  socket.on('connect', () => {
    liveness();
    schedule(0);
  });
  socket.on('disconnect', (reason) => {
    liveness();
    // A revoked screen is cut by the server: the read tells whether the link still opens anything.
    if (reason === 'io server disconnect') schedule(0);
  });
  // Refused by the server (not a network failure): Socket.io does not retry that by itself.
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    if (err.data?.code === 'NOT_FOUND') schedule(0);
    else if (err.data?.code && !closed) setTimeout(() => !closed && socket.connect(), RETRY_MS * 2);
  });
  socket.on('board:changed', () => schedule(0));
  socket.on('track:changed', () => schedule(0));
  void read();

  return () => {
    closed = true;
    clearTimeout(timer);
    socket.close();
  };
}
