import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { orderInclude, type OrderWithItems } from './order-include';

export async function getOrder({ db, input }: ServiceOptions<{ id: string }>): Promise<OrderWithItems> {
  const order = await db.order.findUnique({ where: { id: requireId(input.id, 'Order') }, include: orderInclude });
  if (!order) throw notFound('Order');
  return order;
}
