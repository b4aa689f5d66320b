import type { ActivityDeps } from '../../core/kitchen/deps';
import { createPlatformMenuActivities } from './platform-menu';
import { createPlatformOrderStatusActivities } from './platform-order-status';
import { createPlatformOrderActivities } from './platform-orders';
import { createPlatformReconcileActivities } from './platform-reconcile';
import { createPlatformSyncEventActivities } from './platform-sync-events';

/** Every platform-sync activity, for the worker (activities/index.ts spreads this in). */
export function createPlatformActivities(deps: ActivityDeps) {
  return {
    ...createPlatformOrderActivities(deps),
    ...createPlatformOrderStatusActivities(deps),
    ...createPlatformMenuActivities(deps),
    ...createPlatformReconcileActivities(deps),
    ...createPlatformSyncEventActivities(deps),
  };
}
