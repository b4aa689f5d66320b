import type { KitchenResult } from '../../temporal/kitchen-client';
import { renameSubject } from '../orders/kitchen-deps';
import type { ServiceOptions } from '../types';

/**
 * An item by dish and order number ("Margherita ×2 on order #42 is already done"), as the
 * kitchen knows it (renameSubject). A refused action on a task is rare, so it can afford the read.
 */
export async function nameTheItem<T>(opts: Pick<ServiceOptions<unknown>, 'db'>, orderItemId: string, result: KitchenResult<T>): Promise<KitchenResult<T>> {
  const subject = `Order item ${orderItemId}`;
  if (result.ok || !result.message.includes(subject)) return result;
  const item = await opts.db.orderItem.findUnique({
    where: { id: orderItemId },
    select: { nameSnapshot: true, quantity: true, order: { select: { orderNumber: true } } },
  });
  if (!item) return result;
  const dish = `${item.nameSnapshot}${item.quantity > 1 ? ` ×${item.quantity}` : ''} on order #${item.order.orderNumber}`;
  return renameSubject(result, subject, dish);
}
