import type { Db } from '../../db/client';
import { forTenant } from '../../db/tenant-scope';
import { can } from '../../domain/auth/permissions';
import { STATION_ROOM_PERMISSION, joinStationSchema, leaveStationSchema, stationRoom, type JoinStationAck } from '../../contracts/socket-events';
import type { BrigadeSocket } from './socket-types';
import { componentLogger } from '../../config/logger';

const log = componentLogger('realtime');

/** Clients may emit without an ack callback; answering must not throw then. */
function replier<T>(ack: unknown): (result: T) => void {
  return typeof ack === 'function' ? (ack as (result: T) => void) : () => undefined;
}

/**
 * `join_station` puts the socket in the station's room only when the station belongs to the
 * socket's own tenant (the scoped client makes another tenant's station look missing), so a
 * KDS can never subscribe to a room it could not list. The room name is built from the
 * verified tenant id, not from anything the client sent. Only kitchen roles
 * (STATION_ROOM_PERMISSION) may join: a rider's socket is refused with FORBIDDEN.
 */
export function registerStationRooms(socket: BrigadeSocket, prisma: Db): void {
  const { tenantId } = socket.data;

  socket.on('join_station', async (payload, ack) => {
    const reply = replier<JoinStationAck>(ack);
    const parsed = joinStationSchema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: 'BAD_USER_INPUT' });
    if (!can(socket.data.role, STATION_ROOM_PERMISSION)) return reply({ ok: false, error: 'FORBIDDEN' });
    try {
      const station = await forTenant(prisma, tenantId).station.findFirst({
        where: { id: parsed.data.stationId },
        select: { id: true },
      });
      if (!station) return reply({ ok: false, error: 'NOT_FOUND' });
      if (!socket.connected) return; // disconnected while we looked it up: joining would leak a room entry
      await socket.join(stationRoom(tenantId, station.id));
      reply({ ok: true });
    } catch (err) {
      log.error({ err, tenantId, stationId: parsed.data.stationId }, 'join_station failed');
      reply({ ok: false, error: 'INTERNAL' });
    }
  });

  socket.on('leave_station', async (payload, ack) => {
    const reply = replier<{ ok: boolean }>(ack);
    const parsed = leaveStationSchema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false });
    await socket.leave(stationRoom(tenantId, parsed.data.stationId));
    reply({ ok: true });
  });
}
