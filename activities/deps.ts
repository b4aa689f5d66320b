import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client';
import type { ServerEventName, ServerEventPayload } from '../contracts/socket-events';
import type { KitchenFailureType } from './contract';

/**
 * What the activities need from the cross-process emitter (activities/events.ts). Kept structural
 * so the factory can be handed the real publisher, or anything with the same shape.
 */
export interface RoomEmitter {
  emit<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): unknown;
}

export interface KitchenEvents {
  toTenant(tenantId: string): RoomEmitter;
  toStation(tenantId: string, stationId: string): RoomEmitter;
}

export interface ActivityDeps {
  /** The raw client: every query below filters on the tenantId argument itself. */
  prisma: Db;
  events: KitchenEvents;
  clock: () => Date;
}

/** A business failure: Temporal must not retry it, and the API maps `type` to CONFLICT / NOT_FOUND. */
export function fail(type: KitchenFailureType, message: string): never {
  throw ApplicationFailure.nonRetryable(message, type);
}

/**
 * Task events go to the tenant room (boards, expo) and to the task's station room (the KDS).
 * A socket in both rooms gets it twice; clients dedupe on the payload's eventId.
 */
export async function emitToTenantAndStation<E extends ServerEventName>(
  events: KitchenEvents,
  tenantId: string,
  stationId: string | null,
  event: E,
  payload: ServerEventPayload<E>,
): Promise<void> {
  await events.toTenant(tenantId).emit(event, payload);
  if (stationId) await events.toStation(tenantId, stationId).emit(event, payload);
}
