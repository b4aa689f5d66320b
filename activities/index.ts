import type { Db } from '../db/client';
import type { KitchenActivities } from './contract';
import type { KitchenEvents } from './deps';
import { createEtaActivities, createEtaRuns } from './eta';
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
  /**
   * Transitions ask for an ETA run once they commit (default). Tests of the ETA module and the
   * kitchen read turn it off: they run each recalculation themselves, at clock times they set.
   */
  etaAfterTransitions?: boolean;
}

/** The worker registers the returned object as its activities. */
export function createKitchenActivities({ prisma, events, clock = () => new Date(), etaAfterTransitions = true }: KitchenActivityOptions): KitchenActivities {
  const shared = { prisma, events, clock, learned: createLearnedDurationsCache(LEARNED_CACHE_MS, () => clock().getTime()) };
  const eta = createEtaRuns(shared);
  const deps = { ...shared, eta: etaAfterTransitions ? eta : undefined };
  return {
    ...createOrderPlanActivities(deps),
    ...createStationQueueActivities(deps),
    ...createTaskCorrectionActivities(deps),
    ...createInventoryActivities(deps),
    ...createOrderStatusActivities(deps),
    ...createEtaActivities(shared, eta),
    ...createPlatformActivities(deps),
  };
}
