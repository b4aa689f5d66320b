import { AppError } from '../../contracts/errors';
import type { DeliveryStatusName } from '../../contracts/socket-events';
import { can } from '../../domain/auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { handOffOrder } from '../orders/hand-off-order';
import type { KitchenServiceOptions } from '../orders/kitchen-deps';
import { announceDelivery } from './announce-delivery';
import { orderName, type DeliveryRow, type DeliveryView } from './delivery-view';
import { findDelivery, reloadDelivery } from './find-delivery';

type Step = {
  from: DeliveryStatusName;
  to: DeliveryStatusName;
  /** The order's status once the step is done: the order workflow's hand-off. */
  order: 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'DELIVERY_FAILED';
  /** What to say when the delivery is not where the step starts. */
  refuse: (name: string, status: string) => string;
};

export const STEPS = {
  pickUp: {
    from: 'assigned',
    to: 'picked_up',
    order: 'OUT_FOR_DELIVERY',
    refuse: (name, status) => (status === 'pending' ? `${name} has no rider yet: it cannot be picked up` : `${name} is already ${status}`),
  },
  deliver: {
    from: 'picked_up',
    to: 'delivered',
    order: 'DELIVERED',
    refuse: (name, status) =>
      status === 'pending' || status === 'assigned' ? `${name} is not out for delivery: pick it up first` : `${name} is already ${status}`,
  },
  fail: {
    from: 'picked_up',
    to: 'failed',
    order: 'DELIVERY_FAILED',
    refuse: (name, status) =>
      status === 'pending' || status === 'assigned' ? `${name} is not out for delivery: pick it up first` : `${name} is already ${status}`,
  },
} satisfies Record<string, Step>;

const stamp = { picked_up: 'pickedUpAt', delivered: 'deliveredAt', failed: 'failedAt' } as const;

/**
 * One tap of the rider's: the delivery moves `from` → `to` and the order workflow hands the order
 * off the same way. The delivery is claimed first (only from `from`, only for its rider, so two
 * taps or a dispatcher's unassign cannot both win), then the workflow decides; if it refuses (the
 * order is not READY, was cancelled…), the claim is undone and nothing has changed.
 */
export async function riderStep(
  step: Step,
  { db, actor, input, kitchen, events }: KitchenServiceOptions<{ deliveryId: string; reason?: string | null }>,
): Promise<DeliveryView> {
  const delivery = await findDelivery(db, input.deliveryId);
  const name = orderName(delivery.order);
  if (delivery.riderId !== actor.userId && !can(actor.role, 'deliveries:dispatch')) {
    throw new AppError('FORBIDDEN', `${name} is not one of your deliveries`);
  }
  if (delivery.order.status === 'CANCELLED') throw new AppError('CONFLICT', `${name} was cancelled: there is nothing to hand off`);
  if (delivery.status !== step.from) throw new AppError('CONFLICT', step.refuse(name, delivery.status.replace('_', ' ')));
  if (step.to === 'picked_up' && delivery.order.status !== 'READY') {
    throw new AppError('CONFLICT', `${name} is not ready yet (${delivery.order.status.toLowerCase()}): wait for the pass`);
  }

  const reason = input.reason ?? null;
  await claim(db, delivery, step, { [stamp[step.to as keyof typeof stamp]]: new Date(), failureReason: reason });
  try {
    await handOffOrder({ db, actor, input: { id: delivery.orderId, to: step.order, reason }, kitchen, events });
  } catch (err) {
    await db.deliveryAssignment.updateMany({
      where: { id: delivery.id, status: step.to },
      data: { status: step.from, [stamp[step.to as keyof typeof stamp]]: null, failureReason: null },
    });
    throw err;
  }
  await recordAudit({
    db,
    actor,
    action: `delivery.${step.to}`,
    entityType: 'DeliveryAssignment',
    entityId: delivery.id,
    details: { orderNumber: delivery.order.orderNumber, riderId: delivery.riderId, ...(reason ? { reason } : {}) },
  });
  await announceDelivery(events, actor.tenantId, { id: delivery.id, status: step.to }, [delivery.riderId]);
  return reloadDelivery(db, delivery.id);
}

async function claim(db: KitchenServiceOptions<unknown>['db'], delivery: DeliveryRow, step: Step, data: Record<string, unknown>): Promise<void> {
  const { count } = await db.deliveryAssignment.updateMany({
    where: { id: delivery.id, status: step.from, riderId: delivery.riderId },
    data: { status: step.to, ...data },
  });
  if (count === 0) throw new AppError('CONFLICT', `${orderName(delivery.order)} changed meanwhile; look again`);
}
