import type { PlatformSyncEventActivities } from '../../contracts/platform-activities';
import type { ActivityDeps } from '../../core/kitchen/deps';

/**
 * Menu sync progress for the admin's live view (`platform:sync` to the tenant room). Only an
 * emit: a retried or replayed call repeats a progress snapshot, which the browser simply
 * overwrites, so it is harmless; and the publisher never rejects, so it cannot fail the sync.
 */
export function createPlatformSyncEventActivities({ events }: Pick<ActivityDeps, 'events'>): PlatformSyncEventActivities {
  return {
    async reportMenuSyncProgress(input) {
      const { tenantId, ...payload } = input;
      await events.toTenant(tenantId).emit('platform:sync', payload);
    },
  };
}
