import type { ExtendedError, Namespace, Socket } from 'socket.io';
import { isAppError } from '../../contracts/errors';
import {
  PUBLIC_NAMESPACE,
  boardRoom,
  boardScreenRoom,
  trackingRoom,
  type PublicClientToServerEvents,
  type PublicServerToClientEvents,
  type PublicSocketData,
} from '../../contracts/socket-events';
import { findBoardScreen } from '../../core/customer-view/find-board-screen';
import { findTrackedOrder } from '../../core/customer-view/find-tracked-order';
import { linkNotFound } from '../../core/customer-view/public-tokens';
import type { Db } from '../../db/client';
import { handshakeIp } from '../public/client-ip';
import { consumePublic, recordPublicMiss, type PublicLimiters } from '../rate-limits/public-limit';
import type { BrigadeServer } from './socket-types';

type PublicNamespace = Namespace<PublicClientToServerEvents, PublicServerToClientEvents, Record<string, never>, PublicSocketData>;
type PublicSocket = Socket<PublicClientToServerEvents, PublicServerToClientEvents, Record<string, never>, PublicSocketData>;

export interface PublicPagesOptions {
  prisma: Db;
  limits: PublicLimiters;
  /** TRUST_PROXY: how many proxies' X-Forwarded-For to believe for the per-IP limits. */
  trustedHops: number;
  clock?: () => Date;
}

/**
 * The namespace of the pickup boards and tracking pages. A socket gets in with a token that opens
 * something and joins exactly its rooms: a board the board room of its own tenant (and its screen's,
 * so a revocation cuts it), a tracking page its one order's room. The main namespace's rooms
 * (permission, user, station) are not reachable from here, so no tenant-wide event ever arrives.
 */
export function registerPublicNamespace(io: BrigadeServer, options: PublicPagesOptions): void {
  const nsp = io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace;
  nsp.use((socket, next) => {
    admit(socket, options).then(
      () => next(),
      (err: unknown) => next(refusal(err)),
    );
  });
  nsp.on('connection', (socket) => {
    const { tenantId, boardScreenId, orderId } = socket.data;
    if (boardScreenId) void socket.join([boardRoom(tenantId), boardScreenRoom(tenantId, boardScreenId)]);
    else if (orderId) void socket.join(trackingRoom(tenantId, orderId));
  });
}

async function admit(socket: PublicSocket, { prisma, limits, trustedHops, clock = () => new Date() }: PublicPagesOptions): Promise<void> {
  const ip = handshakeIp(socket.request, trustedHops);
  await consumePublic(limits, ip);
  const auth = (socket.handshake.auth ?? {}) as { board?: unknown; track?: unknown };
  if (auth.board !== undefined) {
    const screen = await findBoardScreen(prisma, auth.board);
    if (screen) return void (socket.data = { tenantId: screen.tenantId, boardScreenId: screen.id });
  } else if (auth.track !== undefined) {
    const order = await findTrackedOrder(prisma, auth.track, clock());
    if (order) return void (socket.data = { tenantId: order.tenantId, orderId: order.id });
  }
  await recordPublicMiss(limits, ip);
  throw linkNotFound();
}

/** The client sees `connect_error` with `err.data.code`: NOT_FOUND, RATE_LIMITED, or INTERNAL. */
function refusal(err: unknown): ExtendedError {
  const known = isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'RATE_LIMITED');
  const refused: ExtendedError = new Error(known ? `${err.code}: ${err.message}` : 'INTERNAL: could not check the link');
  refused.data = { code: known ? err.code : 'INTERNAL' };
  return refused;
}
