import { handOffOrder as handOffOrderWorkflow } from '../../temporal/kitchen-client';
import { AppError } from '../../contracts/errors';
import { handOffProblem, type HandOffStatus } from '../../domain/kitchen/hand-off';
import { recordAudit } from '../audit/record-audit';
import { followOrderHandOff } from '../delivery/follow-order-hand-off';
import { notFound, parseInput, requireId } from '../validate';
import { nameTheOrder, requireKitchen, unwrapKitchen, type KitchenServiceOptions } from './kitchen-deps';
import { orderInclude, type OrderWithItems } from './order-include';
import { handOffOrderSchema } from './order-input';
import type { ServiceActor } from '../types';

export interface HandOffOrderInput {
  id: string;
  to: HandOffStatus | string;
  /** Required for DELIVERY_FAILED. */
  reason?: unknown;
}

/**
 * An order leaves the pass (collected, served, out with a rider) or its delivery ends. The order
 * workflow makes the change (it completes on a final one), so the row read back is final; the
 * rules are checked here first so a refusal names the order by its number without a round trip.
 */
export async function handOffOrder({ db, actor, input, kitchen, events }: KitchenServiceOptions<HandOffOrderInput, ServiceActor>): Promise<OrderWithItems> {
  const id = requireId(input.id, 'Order');
  const { to, reason } = parseInput(handOffOrderSchema, { to: input.to, reason: input.reason });
  const order = await db.order.findUnique({ where: { id }, select: { id: true, orderNumber: true, status: true, fulfillment: true } });
  if (!order) throw notFound('Order');
  const problem = handOffProblem(order, to);
  if (problem) throw new AppError('CONFLICT', `Order #${order.orderNumber} cannot become ${to}: ${problem}`, { reason: 'INVALID_TRANSITION' });

  unwrapKitchen(nameTheOrder(await handOffOrderWorkflow(requireKitchen(kitchen).client, { orderId: id, to, reason: reason ?? undefined }), order));
  await recordAudit({ db, actor, action: 'order.handoff', entityType: 'Order', entityId: id, details: { orderNumber: order.orderNumber, to, reason } });
  await followOrderHandOff(db, events, actor.tenantId, { id, to, reason });
  return db.order.findUniqueOrThrow({ where: { id }, include: orderInclude });
}
