import type { DeliveryStatusName } from '../../contracts/socket-events';
import type { HandOffStatus } from '../../domain/kitchen/hand-off';
import type { TenantDb } from '../../db/tenant-scope';
import type { RealtimeEvents } from '../types';
import { announceDelivery } from './announce-delivery';

/** What a hand-off of the order means for its delivery, and from where. */
const FOLLOWS: Partial<Record<HandOffStatus, { from: DeliveryStatusName[]; to: DeliveryStatusName; stamp: 'pickedUpAt' | 'deliveredAt' | 'failedAt' }>> = {
  OUT_FOR_DELIVERY: { from: ['pending', 'assigned'], to: 'picked_up', stamp: 'pickedUpAt' },
  DELIVERED: { from: ['pending', 'assigned', 'picked_up'], to: 'delivered', stamp: 'deliveredAt' },
  DELIVERY_FAILED: { from: ['pending', 'assigned', 'picked_up'], to: 'failed', stamp: 'failedAt' },
};

/**
 * The order was handed off at the pass or the console, not by its rider's tap (which moves the
 * delivery itself first, so this then finds nothing to do): its delivery follows, so the board
 * and the rider's screen never show an order that is out, or done, as waiting.
 */
export async function followOrderHandOff(
  db: TenantDb,
  events: RealtimeEvents | null,
  tenantId: string,
  order: { id: string; to: HandOffStatus; reason?: string | null },
): Promise<void> {
  const follows = FOLLOWS[order.to];
  if (!follows) return;
  const [moved] = await db.deliveryAssignment.updateManyAndReturn({
    where: { orderId: order.id, status: { in: follows.from } },
    data: { status: follows.to, [follows.stamp]: new Date(), ...(order.to === 'DELIVERY_FAILED' ? { failureReason: order.reason ?? null } : {}) },
    select: { id: true, riderId: true },
  });
  if (moved) await announceDelivery(events, tenantId, { id: moved.id, status: follows.to }, [moved.riderId]);
}
