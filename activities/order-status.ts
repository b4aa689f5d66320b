import type { OrderItemStatus, OrderStatus } from '../prisma/generated/client';
import type { KitchenActivities } from './contract';
import { fail, type ActivityDeps } from './deps';

/** The order's forward path; any state may be skipped forward (an in-store order is never DELIVERING). */
const ORDER_FLOW: OrderStatus[] = ['NEW', 'PREPARING', 'READY', 'DELIVERING', 'DELIVERED'];
const ITEM_FLOW: OrderItemStatus[] = ['PENDING', 'IN_PROGRESS', 'DONE'];

/** States a row may be in for `target` to be a valid move: earlier on the path, or any open one for CANCELLED. */
function allowedFrom<S extends string>(flow: S[], target: S | 'CANCELLED'): S[] {
  if (target === 'CANCELLED') return flow.slice(0, -1);
  return flow.slice(0, flow.indexOf(target as S));
}

/** Status changes driven by the workflows. A retry that finds the target state already is success. */
export function createOrderStatusActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;

  const setItemStatus: KitchenActivities['setItemStatus'] = async ({ tenantId, orderItemId, status }) => {
    const now = clock();
    const { count } = await prisma.orderItem.updateMany({
      where: { id: orderItemId, tenantId, status: { in: allowedFrom(ITEM_FLOW, status) } },
      data: { status, ...(status === 'DONE' ? { actualReadyAt: now } : {}) },
    });
    const item = await prisma.orderItem.findFirst({ where: { id: orderItemId, tenantId }, select: { orderId: true, status: true } });
    if (!item) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    if (count === 0 && item.status !== status) {
      fail('INVALID_TRANSITION', `Order item ${orderItemId} is ${item.status}; it cannot become ${status}`);
    }
    await emitItems(deps, tenantId, item.orderId);
  };

  const setOrderStatus: KitchenActivities['setOrderStatus'] = async ({ tenantId, orderId, status, reason }) => {
    const now = clock();
    const { count } = await prisma.order.updateMany({
      where: { id: orderId, tenantId, status: { in: allowedFrom(ORDER_FLOW, status) } },
      data: { status, ...(status === 'CANCELLED' ? { cancelReason: reason ?? null } : {}) },
    });
    if (ORDER_FLOW.indexOf(status) >= ORDER_FLOW.indexOf('READY')) {
      // Stamped once (also when READY itself was skipped), and still on a retry after a crash here.
      await prisma.order.updateMany({ where: { id: orderId, tenantId, status, actualReadyAt: null }, data: { actualReadyAt: now } });
    }
    const order = await prisma.order.findFirst({ where: { id: orderId, tenantId }, select: { status: true } });
    if (!order) fail('ORDER_NOT_FOUND', `Order ${orderId} not found`);
    if (count === 0 && order.status !== status) {
      fail('INVALID_TRANSITION', `Order ${orderId} is ${order.status}; it cannot become ${status}`);
    }
    await deps.events.toTenant(tenantId).emit('order:updated', { orderId, changes: { status } });
  };

  return { setItemStatus, setOrderStatus };
}

/** Boards redraw an order card's item list from this, without a refetch. */
async function emitItems(deps: ActivityDeps, tenantId: string, orderId: string): Promise<void> {
  const items = await deps.prisma.orderItem.findMany({
    where: { tenantId, orderId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, menuItemId: true, nameSnapshot: true, quantity: true, status: true },
  });
  await deps.events.toTenant(tenantId).emit('order:updated', {
    orderId,
    changes: { items: items.map((i) => ({ id: i.id, menuItemId: i.menuItemId, name: i.nameSnapshot, quantity: i.quantity, status: i.status })) },
  });
}
