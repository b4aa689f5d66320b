import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { JoinStationAck } from '../../../contracts/socket-events';
import { useApi } from '../api/hooks';
import type { BrigadeSocket } from '../realtime/socket';
import { queueKey, STATION_QUEUE_QUERY, type CachedQueue } from './kds-api';
import { reconcileQueue, uniqueTickets, type QueueEvent } from './queue-events';

/** What the KDS needs from the socket; the component test drives it with a stand-in. */
export type KdsSocket = Pick<BrigadeSocket, 'connected' | 'on' | 'off' | 'emit'>;

/** Events arrive in bursts (and twice: tenant room + station room); one refetch answers a burst. */
export const REFETCH_COALESCE_MS = 60;

export type JoinState = 'joining' | 'joined' | Extract<JoinStationAck, { ok: false }>['error'];

/**
 * One station's queue, kept live: the cache is patched from task/station events (so a bumped
 * ticket leaves at once) and refetched whenever an event says more than the cache can show.
 * Station rooms do not survive a reconnect, so `join_station` is sent on every `connect`, and each
 * re-join refetches the queue: whatever happened while offline is then on screen, exactly once.
 */
export function useStationQueue(stationId: string, socket: KdsSocket | null) {
  const api = useApi();
  const client = useQueryClient();
  const [join, setJoin] = useState<JoinState>('joining');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const query = useQuery<CachedQueue>({
    queryKey: queueKey(stationId),
    queryFn: async ({ signal }) => {
      const data = await api.request(STATION_QUEUE_QUERY, { stationId }, signal);
      return { ...data.stationQueue, tasks: uniqueTickets(data.stationQueue.tasks), receivedAt: Date.now() };
    },
    staleTime: 0,
  });

  useEffect(() => {
    if (!socket) return;
    const key = queueKey(stationId);
    const refetchSoon = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        // Cancels a fetch already running: its answer may predate the event.
        void client.invalidateQueries({ queryKey: key, exact: true });
      }, REFETCH_COALESCE_MS);
    };
    const apply = (event: QueueEvent) => {
      const cached = client.getQueryData<CachedQueue>(key);
      if (!cached) return refetchSoon();
      const { queue, refetch } = reconcileQueue(cached, event, stationId);
      if (queue !== cached) client.setQueryData<CachedQueue>(key, { ...queue, receivedAt: cached.receivedAt });
      if (refetch) refetchSoon();
    };
    const onUpdated = (payload: Extract<QueueEvent, { type: 'task:updated' }>['payload']) => apply({ type: 'task:updated', payload });
    const onCompleted = (payload: Extract<QueueEvent, { type: 'task:completed' }>['payload']) => apply({ type: 'task:completed', payload });
    const onLoad = (payload: Extract<QueueEvent, { type: 'station:load' }>['payload']) => apply({ type: 'station:load', payload });

    let joins = 0;
    const joinRoom = () => {
      setJoin('joining');
      socket.emit('join_station', { stationId }, (ack: JoinStationAck) => {
        setJoin(ack.ok ? 'joined' : ack.error);
        // The first join comes with the first fetch; later ones follow a reconnect.
        if (ack.ok && joins++ > 0) refetchSoon();
      });
    };

    socket.on('task:updated', onUpdated);
    socket.on('task:completed', onCompleted);
    socket.on('station:load', onLoad);
    socket.on('connect', joinRoom);
    if (socket.connected) joinRoom();
    return () => {
      socket.off('task:updated', onUpdated);
      socket.off('task:completed', onCompleted);
      socket.off('station:load', onLoad);
      socket.off('connect', joinRoom);
      if (socket.connected) socket.emit('leave_station', { stationId }, () => undefined);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [socket, stationId, client]);

  return { query, join };
}
