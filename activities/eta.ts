import { simulateKitchen, URGENT_PRIORITY } from '../domain/eta';
import type { KitchenActivities } from './contract';
import { fail, type ActivityDeps } from './deps';
import { orderEta, storeEtas } from './eta-store';
import { loadKitchenState } from './kitchen-state';

/** A timer firing right at the ETA is not "late" yet: clocks of worker and database differ a little. */
export const LATE_TOLERANCE_MS = 5_000;

const OPEN_TASK = ['PENDING', 'QUEUED', 'IN_PROGRESS', 'BLOCKED'] as const;
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** Predicted ready times from simulating the whole kitchen forward from its current state. */
export function createEtaActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;

  const recalculateEta: KitchenActivities['recalculateEta'] = async ({ tenantId, orderItemId, reason }) => {
    const state = await loadKitchenState(deps, tenantId);
    const result = simulateKitchen(state);
    await storeEtas(deps, tenantId, state, result, reason);
    if (!orderItemId) return { itemEta: null };
    if (result.itemReady[orderItemId] !== undefined) return { itemEta: iso(result.itemReady[orderItemId]) };
    // Finished, cancelled or not schedulable: no prediction to arm a timer on.
    return { itemEta: state.items.has(orderItemId) ? iso(state.items.get(orderItemId)!.estimatedReadyAt) : null };
  };

  const checkItemLate: KitchenActivities['checkItemLate'] = async ({ tenantId, orderItemId }) => {
    const item = await prisma.orderItem.findFirst({
      where: { id: orderItemId, tenantId },
      select: { status: true, isLate: true, estimatedReadyAt: true, orderId: true, order: { select: { priority: true, initialEstimatedReadyAt: true } } },
    });
    if (!item) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    const stored = item.estimatedReadyAt;
    if (item.status === 'DONE' || item.status === 'CANCELLED') return { late: false, eta: iso(stored?.getTime()) };
    if (!stored) {
      const { itemEta } = await recalculateEta({ tenantId, orderItemId, reason: 'late-check' });
      return { late: false, eta: itemEta };
    }
    if (clock().getTime() < stored.getTime() + LATE_TOLERANCE_MS) return { late: false, eta: stored.toISOString() };

    // Late: the order and its open tasks move up one priority level, and the ETA follows from that.
    const priority = Math.min(URGENT_PRIORITY, item.order.priority + 1);
    const state = await loadKitchenState(deps, tenantId);
    for (const task of state.tasks) if (task.orderId === item.orderId) task.priority = Math.max(task.priority, priority);
    const result = simulateKitchen(state);
    const newEta = result.itemReady[orderItemId] ?? null;
    const promised = item.order.initialEstimatedReadyAt ?? stored;
    const expected = orderEta(state, result, item.orderId) ?? newEta ?? state.now;
    const delayMinutes = Math.max(0, Math.round((expected - promised.getTime()) / 60_000));

    const handled = await prisma.$transaction(async (tx) => {
      // Keyed on the ETA that passed: a retry finds the item already moved to the new ETA and raises nothing.
      const marked = await tx.orderItem.updateMany({
        where: { id: orderItemId, tenantId, estimatedReadyAt: stored },
        data: { isLate: true, estimatedReadyAt: newEta === null ? null : new Date(newEta) },
      });
      if (marked.count === 0) return false;
      await tx.order.updateMany({ where: { id: item.orderId, tenantId }, data: { isLate: true, delayMinutes, priority } });
      await tx.taskInstance.updateMany({
        where: { tenantId, orderId: item.orderId, status: { in: [...OPEN_TASK] }, priority: { lt: priority } },
        data: { priority },
      });
      return true;
    });
    if (!handled) {
      const now = await prisma.orderItem.findFirst({ where: { id: orderItemId, tenantId }, select: { isLate: true, estimatedReadyAt: true } });
      return { late: now?.isLate ?? false, eta: iso(now?.estimatedReadyAt?.getTime()) };
    }
    await deps.events.toTenant(tenantId).emit('order:updated', { orderId: item.orderId, changes: { isLate: true, delayMinutes, priority } });
    await storeEtas(deps, tenantId, state, result, 'late');
    return { late: true, eta: iso(newEta) };
  };

  return { recalculateEta, checkItemLate };
}
