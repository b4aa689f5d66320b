import { createInventoryActivities } from '../../core/inventory/deduct-inventory';
import type { ActivityDeps } from '../../core/kitchen/deps';
import { withActivityFailures } from '../app-failure';
import { notifyPlatformsFromActivity } from '../platforms/platform-availability';

/** Deduction and return of an item's ingredients; dishes that switch on or off wake the platforms. */
export function createInventoryActivityFunctions(deps: ActivityDeps) {
  return withActivityFailures(createInventoryActivities({ ...deps, notifyPlatforms: (tenantId) => notifyPlatformsFromActivity(deps.prisma, tenantId) }));
}
