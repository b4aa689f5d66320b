import { boardRoom, trackingRoom, type PublicEventName, type ServerEventName, type ServerEventPayload } from '../contracts/socket-events';

export interface PublicSignal {
  room: string;
  event: PublicEventName;
}

/** Order fields a tracking page shows: a change to any of them makes it refetch. */
const TRACKED_CHANGES = ['status', 'estimatedReadyAt', 'items', 'isLate'] as const;

/**
 * Which public pages an internal event concerns. Derived here, where every order event passes,
 * so a status added later (hand-off, delivery) reaches the board and the tracking page without
 * each emitter knowing they exist. The signals carry no payload (contracts/socket-events.ts).
 */
export function publicSignals<E extends ServerEventName>(tenantId: string, event: E, payload: ServerEventPayload<E>): PublicSignal[] {
  switch (event) {
    case 'order:created':
      return [{ room: boardRoom(tenantId), event: 'board:changed' }];
    case 'order:updated': {
      const { orderId, changes } = payload as ServerEventPayload<'order:updated'>;
      const signals: PublicSignal[] = [];
      if (changes.status !== undefined) signals.push({ room: boardRoom(tenantId), event: 'board:changed' });
      if (TRACKED_CHANGES.some((key) => changes[key] !== undefined)) signals.push({ room: trackingRoom(tenantId, orderId), event: 'track:changed' });
      return signals;
    }
    case 'eta:recalculated':
      return [{ room: trackingRoom(tenantId, (payload as ServerEventPayload<'eta:recalculated'>).orderId), event: 'track:changed' }];
    case 'delivery:updated': {
      // A delivery event that names its order moves that order's tracking page (the rider's progress).
      const orderId = (payload as { orderId?: unknown }).orderId;
      return typeof orderId === 'string' && orderId ? [{ room: trackingRoom(tenantId, orderId), event: 'track:changed' }] : [];
    }
    default:
      return [];
  }
}
