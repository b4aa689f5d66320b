import type { TenantDb } from '../../db/tenant-scope';
import { LEARNED_TRIPS, travelTime, type TravelTime } from '../../domain/delivery/travel-time';
import { readKitchenSettings } from '../settings/kitchen-settings';

/**
 * The tenant's travel time now: its setting, replaced by what its latest delivered trips took once
 * there are enough of them (domain/delivery/travel-time.ts). Two indexed reads.
 */
export async function readTravelTime(db: TenantDb): Promise<TravelTime> {
  const [tenant, trips] = await Promise.all([
    db.tenant.findFirst({ select: { settings: true } }),
    db.deliveryAssignment.findMany({
      where: { status: 'delivered', deliveredAt: { not: null }, pickedUpAt: { not: null } },
      orderBy: [{ deliveredAt: 'desc' }, { id: 'asc' }],
      // Room for the impossible trips the domain drops.
      take: LEARNED_TRIPS * 2,
      select: { pickedUpAt: true, deliveredAt: true },
    }),
  ]);
  return travelTime(
    readKitchenSettings(tenant?.settings).deliveryTravelMinutes,
    trips.map((t) => ({ pickedUpAt: t.pickedUpAt!, deliveredAt: t.deliveredAt! })),
  );
}
