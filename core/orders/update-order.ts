import { OPEN_TASK_STATUSES } from '../../domain/kitchen/open-statuses';
import { updateOrderPriority } from '../../temporal/kitchen-client';
import { recordAudit } from '../audit/record-audit';
import { notFound, parseInput, requireId } from '../validate';
import { nameTheOrder, requireKitchen, unwrapKitchen, type KitchenServiceOptions } from './kitchen-deps';
import { orderInclude, type OrderWithItems } from './order-include';
import { updateOrderSchema } from './order-input';

/**
 * Priority goes through the order workflow first: it decides whether the order may still change
 * (CONFLICT once out of the kitchen) and re-paces its items (urgent fires everything now). Only
 * then do the stored order and its open tasks follow, so the station queues re-sort.
 */
export async function updateOrder({ db, actor, input, kitchen, events }: KitchenServiceOptions<{ id: string; changes: unknown }>): Promise<OrderWithItems> {
  const id = requireId(input.id, 'Order');
  const changes = parseInput(updateOrderSchema, input.changes ?? {});
  const order = await db.order.findUnique({ where: { id }, select: { id: true, orderNumber: true, priority: true, notes: true } });
  if (!order) throw notFound('Order');

  const priority = changes.priority != null && changes.priority !== order.priority ? changes.priority : null;
  if (priority !== null) unwrapKitchen(nameTheOrder(await updateOrderPriority(requireKitchen(kitchen).client, { orderId: id, priority }), order));

  const notes = changes.notes === undefined ? undefined : changes.notes || null;
  const updated = await db.$transaction(async (tx) => {
    await tx.order.update({ where: { id }, data: { ...(priority !== null ? { priority } : {}), ...(notes !== undefined ? { notes } : {}) } });
    if (priority !== null) {
      await tx.taskInstance.updateMany({ where: { orderId: id, status: { in: [...OPEN_TASK_STATUSES] } }, data: { priority } });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'order.update',
      entityType: 'Order',
      entityId: id,
      details: { ...(priority !== null ? { priority: { from: order.priority, to: priority } } : {}), ...(notes !== undefined ? { notes } : {}) },
    });
    return tx.order.findUniqueOrThrow({ where: { id }, include: orderInclude });
  });
  if (priority !== null) await events?.toTenant(actor.tenantId).emit('order:updated', { orderId: id, changes: { priority } });
  return updated;
}
