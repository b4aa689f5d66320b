import type { ExtendedError } from 'socket.io';
import { accessTokenExpiry, verifyAccessToken } from '../../core/auth/tokens';
import { isAppError } from '../../contracts/errors';
import type { BrigadeSocket } from './socket-types';

/** The client sees this as `connect_error` with `err.message` and `err.data.code`. */
function unauthenticated(reason: string): ExtendedError {
  const err: ExtendedError = new Error(`UNAUTHENTICATED: ${reason}`);
  err.data = { code: 'UNAUTHENTICATED' };
  return err;
}

/** Accepts `auth: { token }` with or without a "Bearer " prefix (same token as the GraphQL header). */
function handshakeToken(auth: unknown): string | null {
  const raw = (auth as { token?: unknown } | undefined)?.token;
  if (typeof raw !== 'string') return null;
  const token = raw.replace(/^Bearer\s+/i, '').trim();
  return token || null;
}

/**
 * Socket.io middleware: a connection exists only for a valid access token, and the socket's
 * identity (and so its tenant room) comes from the verified claims, never from the client.
 */
export function handshakeAuth(jwtSecret: string) {
  return (socket: BrigadeSocket, next: (err?: ExtendedError) => void): void => {
    const token = handshakeToken(socket.handshake.auth);
    if (!token) return next(unauthenticated('missing access token (send it as auth.token)'));
    try {
      const claims = verifyAccessToken(token, jwtSecret);
      socket.data = {
        userId: claims.userId,
        tenantId: claims.tenantId,
        tenantSlug: claims.tenantSlug,
        role: claims.role,
        name: claims.name,
      };
      disconnectAtExpiry(socket, accessTokenExpiry(token));
      next();
    } catch (err) {
      next(unauthenticated(isAppError(err) ? err.message : 'Invalid token'));
    }
  };
}

// setTimeout's delay is a signed 32-bit int; beyond ~24.8 days it would fire immediately.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Access tokens are short-lived, but a socket outlives its handshake. Closing the connection at
 * the token's expiry means a deactivated user stops receiving events within one token lifetime.
 * It is a transport close, not a server "disconnect", so socket.io-client reconnects by itself:
 * with `auth` given as a callback that returns the current (refreshed) token, a KDS left alone
 * comes back without anyone touching it, and rejoins its station in its 'connect' handler.
 */
function disconnectAtExpiry(socket: BrigadeSocket, expiresAt: Date): void {
  const delay = expiresAt.getTime() - Date.now();
  if (!Number.isFinite(delay) || delay > MAX_TIMER_MS) return;
  const timer = setTimeout(() => socket.conn.close(), Math.max(delay, 0));
  timer.unref();
  socket.once('disconnect', () => clearTimeout(timer));
}
