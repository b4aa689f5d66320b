import { cancelOrder as cancelOrderWorkflow } from '../../temporal/kitchen-client';
import { AppError } from '../../contracts/errors';
import { HAND_OFF_STATUSES } from '../../domain/kitchen/hand-off';
import { recordAudit } from '../audit/record-audit';
import { announceOrderDelivery } from '../delivery/announce-delivery';
import type { TenantDb } from '../../db/tenant-scope';
import { notFound, parseInput, requireId } from '../validate';
import { nameTheOrder, requireKitchen, unwrapKitchen, type KitchenServiceOptions } from './kitchen-deps';
import { orderInclude, type OrderWithItems } from './order-include';
import { cancelOrderSchema } from './order-input';
import type { ServiceActor } from '../types';

// Past the kitchen (READY and after) or already cancelled.
const CLOSED = new Set(['READY', ...HAND_OFF_STATUSES, 'CANCELLED']);

/**
 * Cancellation is the order workflow's job: it cancels every item (open tasks at every station,
 * capacity released, deducted inventory returned) and marks the order CANCELLED before the
 * update returns, so the order read back here is already the final one.
 */
export async function cancelOrder({
  db,
  actor,
  input,
  kitchen,
  events,
}: KitchenServiceOptions<{ id: string; reason: unknown }, ServiceActor>): Promise<OrderWithItems> {
  const id = requireId(input.id, 'Order');
  const { reason } = parseInput(cancelOrderSchema, { reason: input.reason });
  const order = await db.order.findUnique({ where: { id }, select: { id: true, orderNumber: true, status: true } });
  if (!order) throw notFound('Order');
  if (CLOSED.has(order.status)) {
    throw new AppError('CONFLICT', `Order #${order.orderNumber} is ${order.status}: it can no longer be cancelled`);
  }

  const result = nameTheOrder(await cancelOrderWorkflow(requireKitchen(kitchen).client, { orderId: id, reason }), order);
  if (!result.ok && result.type === 'WORKFLOW_NOT_FOUND' && order.status === 'NEW') {
    // Its workflow never started (see start-kitchen.ts): nothing was cooked or deducted yet.
    await cancelUnstarted(db, id, reason);
    await events?.toTenant(actor.tenantId).emit('order:updated', { orderId: id, changes: { status: 'CANCELLED' } });
  } else {
    unwrapKitchen(result);
  }
  await recordAudit({ db, actor, action: 'order.cancel', entityType: 'Order', entityId: id, details: { orderNumber: order.orderNumber, reason } });
  await announceOrderDelivery(db, events, actor.tenantId, id);
  return db.order.findUniqueOrThrow({ where: { id }, include: orderInclude });
}

async function cancelUnstarted(db: TenantDb, id: string, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({ where: { id, status: 'NEW' }, data: { status: 'CANCELLED', cancelReason: reason } });
    if (count === 0) throw new AppError('CONFLICT', 'The order changed while it was being cancelled; try again');
    await tx.orderItem.updateMany({ where: { orderId: id, status: 'PENDING' }, data: { status: 'CANCELLED' } });
  });
}
