import type { Db } from '../../db/client';
import type { ServerEventName, ServerEventPayload } from '../../contracts/socket-events';
import type { EmitOptions, EventPublisher } from '../../events/event-publisher';
import type { LearnedDurationsCache } from '../kitchen-read/learned-durations';
import { kitchenFailure, type FailureType } from '../../contracts/errors';

/** The part of the cross-process publisher (events/event-publisher.ts) the activities use. */
export type KitchenEvents = Pick<EventPublisher, 'toTenant' | 'toStation' | 'toTenantAndStation' | 'toUser' | 'track'>;

/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface ActivityDeps {
  /** The raw client: every query below filters on the tenantId argument itself. */
  prisma: Db;
  events: KitchenEvents;
  clock: () => Date;
  /** Learned task durations, cached per process (they feed every plan and ETA). */
  learned: LearnedDurationsCache;
  /**
   * The worker's ETA runs: a transition asks for one after it commits. Absent where no kitchen
   * simulation runs (the API's counter fire: the item workflow asks once it has loaded).
   */
  eta?: EtaTrigger;
}

/** What a transition needs of the ETA runs (core/eta/eta-runs.ts): ask for one once it commits. */
export interface EtaTrigger {
  after(tenantId: string, reason: string): void;
}

/** A business failure (an AppError); the activity edge makes it a non-retryable ApplicationFailure. */
export function fail(type: FailureType, message: string): never {
  throw kitchenFailure(type, message);
}

/**
 * Task events go to the tenant room (boards, expo) and to the task's station room (the KDS).
 * The publisher never rejects (delivery is best effort), so an emit cannot fail an activity
 * whose database write already committed. Both rooms go in one broadcast, so a KDS socket
 * (which is in both) receives each event once.
 */
export async function emitToTenantAndStation<E extends ServerEventName>(
  events: KitchenEvents,
  tenantId: string,
  stationId: string | null,
  event: E,
  payload: ServerEventPayload<E>,
  options?: EmitOptions,
): Promise<void> {
  const rooms = stationId ? events.toTenantAndStation(tenantId, stationId) : events.toTenant(tenantId);
  await rooms.emit(event, payload, options);
}
