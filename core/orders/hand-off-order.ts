// TEMPORARY stand-in for the lead's hand-off use case (removed when main's is merged).
import { markOrderStatus } from '../../temporal/kitchen-client';
import type { ServiceActor } from '../types';
import { notFound, requireId } from '../validate';
import { nameTheOrder, requireKitchen, unwrapKitchen, type KitchenServiceOptions } from './kitchen-deps';
import { orderInclude, type OrderWithItems } from './order-include';

export type HandOffTarget = 'PICKED_UP' | 'SERVED' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'DELIVERY_FAILED';

export async function handOffOrder({
  db,
  input,
  kitchen,
  events,
  actor,
}: KitchenServiceOptions<{ id: string; to: HandOffTarget; reason?: string | null }, ServiceActor>): Promise<OrderWithItems> {
  const id = requireId(input.id, 'Order');
  const order = await db.order.findUnique({ where: { id }, select: { id: true, orderNumber: true, status: true } });
  if (!order) throw notFound('Order');
  const status = input.to === 'OUT_FOR_DELIVERY' ? 'DELIVERING' : input.to === 'DELIVERED' ? 'DELIVERED' : 'HANDED_OVER';
  unwrapKitchen(nameTheOrder(await markOrderStatus(requireKitchen(kitchen).client, { orderId: id, status }), order));
  void events;
  void actor;
  return db.order.findUniqueOrThrow({ where: { id }, include: orderInclude });
}
