import type { ServiceOptions } from '../types';
import { deliveryInclude, deliveryView, type DeliveryView } from './delivery-view';
import { readTravelTime } from './travel-time';

/**
 * The caller's own deliveries still to carry: the ones in the bag first, then by when the kitchen
 * has them ready. A delivery whose order was cancelled, or collected at the counter, before pickup
 * drops off the list.
 */
export async function listMyDeliveries({ db, actor }: ServiceOptions<unknown>): Promise<DeliveryView[]> {
  const now = new Date();
  const [travel, rows] = await Promise.all([
    readTravelTime(db),
    db.deliveryAssignment.findMany({
      where: { riderId: actor.userId, OR: [{ status: 'picked_up' }, { status: 'assigned', order: { status: { in: ['NEW', 'PREPARING', 'READY'] } } }] },
      include: deliveryInclude,
    }),
  ]);
  const rank = (d: DeliveryView) => (d.status === 'picked_up' ? 0 : 1);
  return rows
    .map((row) => deliveryView(row, travel.minutes, now))
    .sort((a, b) => rank(a) - rank(b) || (a.readyAt?.getTime() ?? Infinity) - (b.readyAt?.getTime() ?? Infinity) || a.order.orderNumber - b.order.orderNumber);
}
