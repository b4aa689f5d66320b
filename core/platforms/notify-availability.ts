import type { Client } from '@temporalio/client';
import { signalAvailabilityChanged } from '../../temporal/platform-client';
import { componentLogger } from '../../config/logger';

const log = componentLogger('platforms');

/** Anything that can list a tenant's platforms: the raw client (activities) or the tenant-scoped one. */
interface PlatformLister {
  platform: { findMany(args: { where: { tenantId: string; isActive: boolean }; select: { id: true } }): PromiseLike<Array<{ id: string }>> };
}

/**
 * A dish was switched on or off (by hand, or because an ingredient ran out or came back): wakes
 * the availability follower of every active platform of the tenant, which pushes the difference
 * at once instead of at its next safety-net poll. Best effort by design: the change is already
 * committed and the poll still catches it, so a failure here is logged and never fails the caller.
 */
export async function notifyAvailabilityChanged(opts: { db: PlatformLister; client: Client | null | undefined; tenantId: string }): Promise<void> {
  if (!opts.client) return;
  const client = opts.client;
  try {
    const platforms = await opts.db.platform.findMany({ where: { tenantId: opts.tenantId, isActive: true }, select: { id: true } });
    await signalAvailabilityChanged(
      client,
      platforms.map((p) => p.id),
    );
  } catch (err) {
    log.error({ err }, 'could not wake the availability sync');
  }
}
