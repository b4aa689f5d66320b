import type { Db } from '../db/client';
import type { KitchenActivities } from './contract';
import type { KitchenEvents } from './deps';
import { createEtaActivities } from './eta';
import { createInventoryActivities } from './inventory';
import { createLearnedDurationsCache, LEARNED_CACHE_MS } from './learned-durations';
import { createOrderPlanActivities } from './order-plan';
import { createOrderStatusActivities } from './order-status';
import { createPlatformActivities } from './platform-activities';
import { createStationQueueActivities } from './station-queue';
import { createTaskCorrectionActivities } from './task-corrections';

export interface KitchenActivityOptions {
  /** The raw client: activities run for every tenant and filter on each call's tenantId. */
  prisma: Db;
  /** The cross-process publisher (activities/events.ts createEventPublisher). */
  events: KitchenEvents;
  /** Injected so tests (and replays of "is it late yet?") control time. */
  clock?: () => Date;
}

/** The worker registers the returned object as its activities. */
export function createKitchenActivities({ prisma, events, clock = () => new Date() }: KitchenActivityOptions): KitchenActivities {
  const deps = { prisma, events, clock, learned: createLearnedDurationsCache(LEARNED_CACHE_MS, () => clock().getTime()) };
  return {
    ...createOrderPlanActivities(deps),
    ...createStationQueueActivities(deps),
    ...createTaskCorrectionActivities(deps),
    ...createInventoryActivities(deps),
    ...createOrderStatusActivities(deps),
    ...createEtaActivities(deps),
    ...createPlatformActivities(deps),
  };
}
