import { io, type Socket } from 'socket.io-client';
import { EVENT_PERMISSIONS, type ClientToServerEvents, type EventMeta, type HandshakeAuth, type ServerToClientEvents } from '../../../contracts/socket-events';
import { createSeqTracker, type SeqTracker } from './seq-tracker';

export type BrigadeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The socket as screens use it: the server's broadcast events come through once each (a replayed
 * or repeated seq is dropped); everything else is the socket itself.
 */
export type LiveSocket = Pick<BrigadeSocket, 'connected' | 'on' | 'off' | 'emit'>;

/** `unauthorized`: the server keeps refusing our token, so only signing in again helps. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unauthorized';

export interface Realtime {
  socket: BrigadeSocket;
  /** Listen to server events here, not on `socket`: duplicates are dropped. */
  live: LiveSocket;
  getStatus(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
  /**
   * Runs after a reconnect when the server could not replay every event missed meanwhile (too
   * many, or older than it keeps): only a refetch brings the screens up to date then.
   */
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

  const seqs = createSeqTracker();
  // The last seq goes with every (re)connect, so the server sends what was missed meanwhile.
  const handshake = (token: string | null): HandshakeAuth => {
    const lastSeq = seqs.last();
    return lastSeq === undefined ? { token: token ?? '' } : { token: token ?? '', lastSeq };
  };
  const socket: BrigadeSocket = io(url ?? '/', {
    autoConnect: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    auth: (cb) => {
      getToken().then(
        (token) => cb(handshake(token)),
        () => cb(handshake(null)),
      );
    },
  });
  const live = dedupedSocket(socket, seqs);

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
    everConnected = true;
  });

  socket.on('realtime:resume', ({ seq, complete }) => {
    if (complete) return seqs.advance(seq);
    seqs.reset(seq);
    for (const l of resyncListeners) l();
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
    live,
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

type Listener = (...args: unknown[]) => void;
const isBroadcast = (event: string): boolean => Object.hasOwn(EVENT_PERMISSIONS, event);

/**
 * Server broadcasts reach this facade's listeners once per seq (socket.io-client has no hook to
 * filter incoming events, so one onAny listener filters and fans out); other events pass through.
 */
function dedupedSocket(socket: BrigadeSocket, seqs: SeqTracker): LiveSocket {
  const listeners = new Map<string, Set<Listener>>();
  socket.onAny((event: string, ...args: unknown[]) => {
    if (!isBroadcast(event)) return;
    // Recorded even with no listener yet: the seq is where the client resumes from.
    const meta = args[1] as EventMeta | undefined;
    if (typeof meta?.seq === 'number' && !seqs.accept(meta.seq)) return;
    for (const handler of [...(listeners.get(event) ?? [])]) handler(...args);
  });
  const facade = {
    get connected() {
      return socket.connected;
    },
    emit: (...args: unknown[]) => (socket.emit as (...a: unknown[]) => BrigadeSocket)(...args),
    on(event: string, handler: Listener) {
      if (!isBroadcast(event)) (socket.on as (e: string, h: Listener) => void)(event, handler);
      else listeners.set(event, (listeners.get(event) ?? new Set()).add(handler));
      return facade;
    },
    off(event: string, handler: Listener) {
      if (!isBroadcast(event)) (socket.off as (e: string, h: Listener) => void)(event, handler);
      else listeners.get(event)?.delete(handler);
      return facade;
    },
  };
  return facade as unknown as LiveSocket;
}
