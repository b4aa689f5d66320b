import type { Db } from '../db/client';
import type { KitchenActivities } from '../contracts/kitchen-activities';
import { createEtaRuns } from '../core/eta/eta-runs';
import type { KitchenEvents } from '../core/kitchen/deps';
import { createLearnedDurationsCache, LEARNED_CACHE_MS } from '../core/kitchen-read/learned-durations';
import { createEtaActivityFunctions } from './eta';
import { createInventoryActivityFunctions } from './inventory';
import { createKitchenTaskActivities } from './kitchen';
import { withActivityFailures } from './app-failure';
import { createPlatformActivities } from './platforms';
import type { TenantCacheLimits } from '../config/tenant-caches';

export interface KitchenActivityOptions {
  /** The raw client: activities run for every tenant and filter on each call's tenantId. */
  prisma: Db;
  /** The cross-process publisher (events/event-publisher.ts createEventPublisher). */
  events: KitchenEvents;
  /** Injected so tests (and replays of "is it late yet?") control time. */
  clock?: () => Date;
  /**
   * Transitions ask for an ETA run once they commit (default). Tests of the ETA module and the
   * kitchen read turn it off: they run each recalculation themselves, at clock times they set.
   */
  etaAfterTransitions?: boolean;
  /** How many tenants' kitchen mirrors and learned durations are kept, and how long a quiet one is (default: config). */
  tenantCaches?: TenantCacheLimits;
}

/** The worker registers the returned object as its activities. */
export function createKitchenActivities(options: KitchenActivityOptions): KitchenActivities {
  return createKitchenActivitiesWithCaches(options).activities;
}

/** The activities, the tenants their caches hold and the ETA runs finished (the many-tenants bench reads both). */
export function createKitchenActivitiesWithCaches({
  prisma,
  events,
  clock = () => new Date(),
  etaAfterTransitions = true,
  tenantCaches,
}: KitchenActivityOptions) {
  const learned = createLearnedDurationsCache(LEARNED_CACHE_MS, () => clock().getTime(), tenantCaches);
  const shared = { prisma, events, clock, learned };
  const eta = createEtaRuns(shared, tenantCaches);
  const deps = { ...shared, eta: etaAfterTransitions ? eta : undefined };
  const activities: KitchenActivities = {
    ...createKitchenTaskActivities(deps),
    ...createInventoryActivityFunctions(deps),
    ...createEtaActivityFunctions(shared, eta),
    ...withActivityFailures(createPlatformActivities(deps)),
  };
  return { activities, etaRuns: () => eta.finishedRuns(), cachedTenants: () => ({ mirrors: eta.cachedTenants(), learned: learned.cachedTenants() }) };
}
