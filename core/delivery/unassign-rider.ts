import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import type { KitchenServiceOptions } from '../orders/kitchen-deps';
import { announceDelivery } from './announce-delivery';
import { orderName, type DeliveryView } from './delivery-view';
import { findDelivery, reloadDelivery } from './find-delivery';

/** Takes a delivery back from its rider before pickup: it waits for a rider again, and the rider is told. */
export async function unassignRider({ db, actor, input, events }: Omit<KitchenServiceOptions<{ deliveryId: string }>, 'kitchen'>): Promise<DeliveryView> {
  const delivery = await findDelivery(db, input.deliveryId);
  const name = orderName(delivery.order);
  if (delivery.status === 'pending') return reloadDelivery(db, delivery.id);
  if (delivery.status !== 'assigned')
    throw new AppError('CONFLICT', `${name} is ${delivery.status.replace('_', ' ')}: its rider can no longer be taken off it`);

  await db.$transaction(async (tx) => {
    const { count } = await tx.deliveryAssignment.updateMany({
      where: { id: delivery.id, status: 'assigned', riderId: delivery.riderId },
      data: { riderId: null, status: 'pending', assignedAt: null },
    });
    if (count === 0) throw new AppError('CONFLICT', `${name} changed while its rider was being taken off; look again`);
    await recordAudit({
      db: tx,
      actor,
      action: 'delivery.unassign',
      entityType: 'DeliveryAssignment',
      entityId: delivery.id,
      details: { orderNumber: delivery.order.orderNumber, previousRiderId: delivery.riderId },
    });
  });
  await announceDelivery(events, actor.tenantId, { id: delivery.id, status: 'pending' }, [delivery.riderId]);
  return reloadDelivery(db, delivery.id);
}
