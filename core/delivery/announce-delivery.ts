import type { DeliveryStatusName } from '../../contracts/socket-events';
import type { TenantDb } from '../../db/tenant-scope';
import type { RealtimeEvents } from '../types';

/**
 * `delivery:updated` to the dispatchers (their permission room) and to each rider it concerns
 * (their own room): the one it is assigned to now and the one it was taken from. A rider never
 * hears of another rider's delivery.
 */
export async function announceDelivery(
  events: RealtimeEvents | null,
  tenantId: string,
  delivery: { id: string; status: DeliveryStatusName },
  riderIds: ReadonlyArray<string | null | undefined>,
): Promise<void> {
  if (!events) return;
  const payload = { deliveryId: delivery.id, status: delivery.status };
  const riders = [...new Set(riderIds.filter((id): id is string => !!id))];
  await Promise.all([
    events.toTenant(tenantId).emit('delivery:updated', payload),
    ...riders.map((id) => events.toUser(tenantId, id).emit('delivery:updated', payload)),
  ]);
}

/** An order's delivery changed with the order (it was cancelled): its rider's screen and the board refresh. */
export async function announceOrderDelivery(db: TenantDb, events: RealtimeEvents | null, tenantId: string, orderId: string): Promise<void> {
  const delivery = await db.deliveryAssignment.findUnique({ where: { orderId }, select: { id: true, status: true, riderId: true } });
  if (delivery) await announceDelivery(events, tenantId, { id: delivery.id, status: delivery.status as DeliveryStatusName }, [delivery.riderId]);
}
