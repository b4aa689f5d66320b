import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../contracts/socket-events';

export type BrigadeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `unauthorized`: the server keeps refusing our token, so only signing in again helps. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unauthorized';

export interface Realtime {
  socket: BrigadeSocket;
  getStatus(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
  /** Runs after every reconnect (not the first connect): events may have been missed meanwhile. */
  onResync(listener: () => void): () => void;
  close(): void;
}

export interface RealtimeOptions {
  /** A currently valid access token (refreshing first if needed). */
  getToken(): Promise<string | null>;
  /** Forces a refresh; null means the session is over. */
  refresh(): Promise<unknown>;
  url?: string;
}

const MAX_AUTH_RETRIES = 3;

function isAuthError(err: Error & { data?: { code?: string } }): boolean {
  return err.data?.code === 'UNAUTHENTICATED' || err.message.startsWith('UNAUTHENTICATED');
}

/**
 * One typed socket per signed-in session. The token is read at every (re)connect, so a refreshed
 * token is used automatically. The server cuts a socket when its token expires ("io server
 * disconnect") and rejects stale tokens in the handshake; Socket.io retries neither by itself, so
 * both reconnect here, the second after forcing a refresh.
 */
export function createRealtime({ getToken, refresh, url }: RealtimeOptions): Realtime {
  let status: ConnectionStatus = 'connecting';
  let everConnected = false;
  let authFailures = 0;
  let closed = false;
  const listeners = new Set<() => void>();
  const resyncListeners = new Set<() => void>();

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const l of listeners) l();
  };

  const socket: BrigadeSocket = io(url ?? '/', {
    autoConnect: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    auth: (cb) => {
      getToken().then(
        (token) => cb({ token: token ?? '' }),
        () => cb({ token: '' }),
      );
    },
  });

  const reconnectWithFreshToken = () => {
    refresh()
      .then((session) => {
        if (closed) return;
        if (session === null || authFailures > MAX_AUTH_RETRIES) setStatus('unauthorized');
        else socket.connect();
      })
      .catch(() => {
        // Network trouble while refreshing: try the whole thing again a little later.
        if (!closed) setTimeout(reconnectWithFreshToken, 2_000);
      });
  };

  socket.on('connect', () => {
    authFailures = 0;
    setStatus('connected');
    if (everConnected) for (const l of resyncListeners) l();
    everConnected = true;
  });

  socket.on('disconnect', (reason) => {
    if (closed) return;
    setStatus('reconnecting');
    // The server cut us (token expiry). The auth callback fetches a valid token, refreshing only if
    // needed; should the server still refuse it, connect_error below forces a refresh.
    if (reason === 'io server disconnect') socket.connect();
  });

  socket.on('connect_error', (err) => {
    if (closed) return;
    setStatus(everConnected ? 'reconnecting' : 'connecting');
    if (isAuthError(err)) {
      authFailures++;
      reconnectWithFreshToken();
    }
    // Other errors (server down, network) are retried by Socket.io's own backoff while socket.active.
  });

  socket.io.on('reconnect_failed', () => setStatus('offline'));
  socket.connect();

  return {
    socket,
    getStatus: () => status,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onResync: (l) => {
      resyncListeners.add(l);
      return () => resyncListeners.delete(l);
    },
    close: () => {
      closed = true;
      socket.disconnect();
      setStatus('offline');
      listeners.clear();
      resyncListeners.clear();
    },
  };
}
