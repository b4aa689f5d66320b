import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/socket-events';
import { signAccessToken, type AuthClaims } from '../auth/tokens';

/** Test-only helpers for real socket.io-client connections (imported by *.test.ts only). */
export type BrigadeClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export type TokenSubject = Pick<AuthClaims, 'tenantId' | 'tenantSlug'> & Partial<AuthClaims>;

export function accessTokenFor(subject: TokenSubject, secret: string, ttl: string | number = '15m'): string {
  return signAccessToken(
    { userId: subject.userId ?? crypto.randomUUID(), role: subject.role ?? 'STAFF', name: subject.name ?? 'Test cook', ...subject },
    secret,
    ttl,
  );
}

function open(url: string, auth: Record<string, unknown>): BrigadeClient {
  // websocket only, no reconnection: a refused handshake must surface once, not be retried.
  return connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Resolves with a connected client, rejects with the server's connect_error. */
export function connectClient(url: string, token: string): Promise<BrigadeClient> {
  const socket = open(url, { token });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** The error a refused handshake produces on the client. */
export function connectError(url: string, auth: Record<string, unknown>): Promise<Error & { data?: unknown }> {
  const socket = open(url, auth);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('handshake was accepted'));
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err);
    });
  });
}

/** Every server event a client receives, in order, for negative assertions. */
export function recordEvents(socket: BrigadeClient): Array<{ event: string; payload: unknown }> {
  const seen: Array<{ event: string; payload: unknown }> = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

/** The first `event` whose payload matches; rejects after timeoutMs so a missing event fails fast. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: BrigadeClient,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const onEvent = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(payload);
    };
    const listener = (name: string, payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (name === event) onEvent(payload);
    };
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.onAny(listener);
  });
}
