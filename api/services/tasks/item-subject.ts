import type { KitchenResult } from '../../../temporal/kitchen-client';
import type { ServiceOptions } from '../types';

/**
 * The item workflow and the Temporal client name an item by its id ("Order item 5f0c… is
 * already done"), which means nothing to a cook at the pass. A refused action on a task is
 * rare, so it can afford one read: the item is then named as the kitchen knows it, by dish and
 * order number ("Margherita ×2 on order #42 is already done"). Anything else passes unchanged.
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
  return { ...result, message: result.message.replace(subject, dish) };
}
