import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import { badInput } from '../errors';
import type { KitchenServiceOptions } from '../orders/kitchen-deps';
import { notFound, requireId } from '../validate';
import { announceDelivery } from './announce-delivery';
import { orderName, type DeliveryView } from './delivery-view';
import { findDelivery, reloadDelivery } from './find-delivery';
import { ridersOnShift } from './riders-on-shift';

/**
 * Sends a rider: a delivery not yet picked up goes to an active DELIVERY user who is on shift
 * (reassigning takes it from the previous rider, who is told). Anyone else is refused and nothing
 * changes: not a rider or deactivated → BAD_USER_INPUT, off shift or the delivery already out,
 * done or cancelled → CONFLICT.
 */
export async function assignRider({
  db,
  actor,
  input,
  events,
}: Omit<KitchenServiceOptions<{ deliveryId: string; riderId: string }>, 'kitchen'>): Promise<DeliveryView> {
  const delivery = await findDelivery(db, input.deliveryId);
  const rider = await db.user.findUnique({ where: { id: requireId(input.riderId, 'Rider') }, select: { id: true, name: true, role: true, isActive: true } });
  if (!rider) throw notFound('Rider');
  if (rider.role !== 'DELIVERY') throw badInput([{ path: 'riderId', message: `${rider.name} is ${rider.role}, not a rider` }], 'Not a rider');
  if (!rider.isActive) throw badInput([{ path: 'riderId', message: `${rider.name} is deactivated` }], 'Not a rider');
  const name = orderName(delivery.order);
  if (delivery.order.status === 'CANCELLED') throw new AppError('CONFLICT', `${name} was cancelled: there is nothing to deliver`);
  if (delivery.status !== 'pending' && delivery.status !== 'assigned') {
    throw new AppError('CONFLICT', `${name} is ${delivery.status.replace('_', ' ')}: it can no longer be given to another rider`);
  }
  if (delivery.riderId === rider.id) return reloadDelivery(db, delivery.id);
  if (!(await ridersOnShift(db, new Date()))(rider.id)) throw new AppError('CONFLICT', `${rider.name} is off shift: send a rider who is on shift`);

  await db.$transaction(async (tx) => {
    // Only from what was read: a pickup or another dispatcher's tap in between wins.
    const { count } = await tx.deliveryAssignment.updateMany({
      where: { id: delivery.id, status: delivery.status, riderId: delivery.riderId },
      data: { riderId: rider.id, status: 'assigned', assignedAt: new Date() },
    });
    if (count === 0) throw new AppError('CONFLICT', `${name} changed while the rider was being assigned; look again`);
    await recordAudit({
      db: tx,
      actor,
      action: 'delivery.assign',
      entityType: 'DeliveryAssignment',
      entityId: delivery.id,
      details: { orderNumber: delivery.order.orderNumber, riderId: rider.id, previousRiderId: delivery.riderId },
    });
  });
  await announceDelivery(events, actor.tenantId, { id: delivery.id, status: 'assigned' }, [rider.id, delivery.riderId]);
  return reloadDelivery(db, delivery.id);
}
