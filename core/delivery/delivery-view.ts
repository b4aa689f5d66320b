import type { Prisma } from '../../prisma/generated/client';
import type { DeliveryStatusName } from '../../contracts/socket-events';
import { deliveredBy } from '../../domain/delivery/delivery-eta';

export const DELIVERY_STATUSES = ['pending', 'assigned', 'picked_up', 'delivered', 'failed'] as const satisfies readonly DeliveryStatusName[];
/** Still to be carried: the dispatch board and a rider's screen show these. */
export const OPEN_DELIVERY: DeliveryStatusName[] = ['pending', 'assigned', 'picked_up'];

/**
 * A delivery with what a rider needs of its order, and nothing else: no prices, no kitchen tasks.
 * One Prisma query for any number of deliveries.
 */
export const deliveryInclude = {
  rider: { select: { id: true, name: true } },
  order: {
    select: {
      id: true,
      orderNumber: true,
      status: true,
      customerName: true,
      customerPhone: true,
      customerAddress: true,
      notes: true,
      estimatedReadyAt: true,
      actualReadyAt: true,
      items: { select: { id: true, nameSnapshot: true, quantity: true, modifications: true, notes: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  },
} satisfies Prisma.DeliveryAssignmentInclude;

export type DeliveryRow = Prisma.DeliveryAssignmentGetPayload<{ include: typeof deliveryInclude }>;
export type DeliveryOrder = DeliveryRow['order'];

export type DeliveryView = DeliveryRow & {
  status: DeliveryStatusName;
  /** The kitchen's ready time: when it was ready, else its ETA. */
  readyAt: Date | null;
  /** When the customer has it (domain/delivery/delivery-eta.ts). */
  deliveredBy: Date | null;
};

export function kitchenReadyAt(order: Pick<DeliveryOrder, 'actualReadyAt' | 'estimatedReadyAt'>): Date | null {
  return order.actualReadyAt ?? order.estimatedReadyAt;
}

export function deliveryView(row: DeliveryRow, travelMinutes: number, now = new Date()): DeliveryView {
  const readyAt = kitchenReadyAt(row.order);
  return {
    ...row,
    status: row.status as DeliveryStatusName,
    readyAt,
    deliveredBy: deliveredBy({ readyAt, pickedUpAt: row.pickedUpAt, deliveredAt: row.deliveredAt, travelMinutes, now }),
  };
}

/** "Order #12" as the people at the pass say it. */
export const orderName = (order: { orderNumber: number }) => `Order #${order.orderNumber}`;
