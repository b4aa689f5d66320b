import type { Pool } from 'pg';
import { can, ROLE_PERMISSIONS, type Permission } from '../../domain/auth/permissions';
import { permissionRoom, tenantRoom, userAudience, userRoom, type ResumePayload } from '../../contracts/socket-events';
import { readEventsAfter, REPLAY_MAX_EVENTS, type LoggedEvent } from '../../events/event-log';
import type { BrigadeSocket } from './socket-types';

/**
 * Puts a new socket in its rooms and sends it what it missed since `lastSeq` (the last event the
 * client saw), then `realtime:resume` with where it now stands.
 *
 * Missed events are sent before the socket joins its rooms, so none arrives live ahead of an
 * older one; the events committed while it was joining are read once more afterwards (the client
 * drops the ones it also got live). A gap the log no longer covers (pruned, more than
 * REPLAY_MAX_EVENTS, or a counter behind the client's) is `complete: false`: the client refetches.
 */
export async function joinAndResume(socket: BrigadeSocket, pool: Pool, lastSeq: number | null): Promise<void> {
  const { tenantId, userId, role } = socket.data;
  const first = await readEventsAfter(pool, tenantId, lastSeq ?? Number.MAX_SAFE_INTEGER, lastSeq === null ? 0 : REPLAY_MAX_EVENTS);
  let complete = true;
  let cursor = first.lastSeq;
  if (lastSeq !== null) {
    complete = covers(first, lastSeq);
    if (complete) cursor = replay(socket, first.events, lastSeq);
  }
  if (!socket.connected) return;

  await socket.join([tenantRoom(tenantId), userRoom(tenantId, userId), ...ROLE_PERMISSIONS[role].map((p) => permissionRoom(tenantId, p))]);
  const gap = await readEventsAfter(pool, tenantId, cursor);
  cursor = replay(socket, gap.events, cursor);
  const resume: ResumePayload = { seq: cursor, complete };
  socket.emit('realtime:resume', resume);
}

/**
 * Sends a socket that stays in its rooms what followed `lastSeq`, then `realtime:resume` (as
 * joinAndResume does for a new one): after this node stopped hearing NOTIFYs for a while
 * (listener-recovery.ts). A gap the log no longer covers is `complete: false`.
 */
export async function resendSince(socket: BrigadeSocket, pool: Pool, lastSeq: number): Promise<void> {
  const missed = await readEventsAfter(pool, socket.data.tenantId, lastSeq);
  const complete = covers(missed, lastSeq);
  const seq = complete ? replay(socket, missed.events, lastSeq) : missed.lastSeq;
  if (socket.connected) socket.emit('realtime:resume', { seq, complete } satisfies ResumePayload);
}

/** The log holds every event after `lastSeq`: none pruned (or lost), not too many, and the counter is not behind. */
function covers(read: { events: readonly LoggedEvent[]; lastSeq: number }, lastSeq: number): boolean {
  const next = read.events[0]?.seq ?? read.lastSeq + 1;
  return read.events.length < REPLAY_MAX_EVENTS && next === lastSeq + 1 && lastSeq <= read.lastSeq;
}

/** Sends the events the socket's role may read, and those sent to its user, in order; returns the last seq looked at. */
function replay(socket: BrigadeSocket, events: readonly LoggedEvent[], from: number): number {
  let cursor = from;
  const own = userAudience(socket.data.userId);
  for (const event of events) {
    cursor = event.seq;
    if (event.permission !== own && !can(socket.data.role, event.permission as Permission)) continue;
    const args = (JSON.parse(event.message) as { data: { packet: { data: unknown[] } } }).data.packet.data;
    // The same [event, payload, { seq }] the adapter delivers live, so clients cannot tell them apart.
    (socket.emit as (...a: unknown[]) => boolean)(...args);
  }
  return cursor;
}
