import type { ExtendedError } from 'socket.io';
import { currentAccess } from '../../core/auth/current-access';
import { accessTokenExpiry, verifyAccessToken } from '../../core/auth/tokens';
import type { Db } from '../../db/client';
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
 * Socket.io middleware: a connection exists only for a valid access token of a user who is still
 * active, and the socket's identity (and so its rooms) comes from the verified claims and the
 * user's current role, never from the client. Reading the user once per connection is what stops
 * a deactivated user, cut by the API (core/users/update-user.ts), from reconnecting with a token
 * that has not expired yet.
 */
export function handshakeAuth(jwtSecret: string, prisma: Db) {
  return (socket: BrigadeSocket, next: (err?: ExtendedError) => void): void => void authenticate(socket, next, jwtSecret, prisma);
}

async function authenticate(socket: BrigadeSocket, next: (err?: ExtendedError) => void, jwtSecret: string, prisma: Db): Promise<void> {
  const token = handshakeToken(socket.handshake.auth);
  if (!token) return next(unauthenticated('missing access token (send it as auth.token)'));
  try {
    const claims = verifyAccessToken(token, jwtSecret);
    const user = await currentAccess(prisma, claims);
    socket.data = {
      userId: claims.userId,
      tenantId: claims.tenantId,
      tenantSlug: claims.tenantSlug,
      role: user.role,
      name: claims.name,
    };
    disconnectAtExpiry(socket, accessTokenExpiry(token));
    next();
  } catch (err) {
    // A database failure is not the token's fault: the client retries instead of refreshing.
    next(isAppError(err) ? unauthenticated(err.message) : new Error('INTERNAL: could not check the user'));
  }
}

/** The `seq` of the last event the client received, when it sent a usable one. */
export function handshakeLastSeq(auth: unknown): number | null {
  const raw = (auth as { lastSeq?: unknown } | undefined)?.lastSeq;
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : null;
}

// setTimeout's delay is a signed 32-bit int; beyond ~24.8 days it would fire immediately.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Access tokens are short-lived, but a socket outlives its handshake. Closing the connection at
 * the token's expiry makes every socket prove its session again (logout and deactivation close
 * the user's sockets at once besides, through AccessRevoked).
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
