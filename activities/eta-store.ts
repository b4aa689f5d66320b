import type { JsonValue } from '../contracts/socket-events';
import type { SimResult } from '../domain/eta';
import type { ActivityDeps } from './deps';
import type { KitchenState } from './kitchen-state';

/** ETAs that move less than this are not rewritten nor announced: boards would flicker for nothing. */
export const ETA_MOVE_MS = 30_000;

const moved = (stored: number | null, next: number) => stored === null || Math.abs(stored - next) >= ETA_MOVE_MS;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An order's ETA is the latest of its open items; unknown while any of them has none (not
 * materialized yet, or no station can make it), so a half-known order never looks early.
 */
export function orderEta(state: KitchenState, result: SimResult, orderId: string): number | null {
  let eta: number | null = null;
  for (const item of state.items.values()) {
    if (item.orderId !== orderId) continue;
    const ready = result.itemReady[item.id];
    if (ready === undefined) return null;
    eta = Math.max(eta ?? -Infinity, ready);
  }
  return eta;
}

/**
 * Writes the simulated ETAs that moved (items, then orders with their per-item breakdown; the
 * first order ETA is kept as the promise) and emits `eta:recalculated` for each rewritten order.
 */
export async function storeEtas(deps: ActivityDeps, tenantId: string, state: KitchenState, result: SimResult, reason: string): Promise<void> {
  const items = [...state.items.values()].filter((i) => result.itemReady[i.id] !== undefined);
  const movedItems = items.filter((i) => moved(i.estimatedReadyAt, result.itemReady[i.id]));
  const touchedOrders = new Set(movedItems.map((i) => i.orderId));
  const orders = [...state.orders.values()].flatMap((o) => {
    const eta = orderEta(state, result, o.id);
    return eta !== null && (moved(o.estimatedReadyAt, eta) || touchedOrders.has(o.id)) ? [{ id: o.id, eta }] : [];
  });
  if (movedItems.length === 0 && orders.length === 0) return;

  const breakdowns = new Map(orders.map((o) => [o.id, breakdown(state, result, o.id, reason)]));
  await deps.prisma.$transaction([
    deps.prisma.$executeRaw`
      UPDATE order_items i SET estimated_ready_at = v.eta
      FROM unnest(${movedItems.map((i) => i.id)}::uuid[], ${movedItems.map((i) => iso(result.itemReady[i.id]))}::timestamptz[]) AS v(id, eta)
      WHERE i.id = v.id AND i.tenant_id = ${tenantId}::uuid`,
    deps.prisma.$executeRaw`
      UPDATE orders o SET estimated_ready_at = v.eta, eta_breakdown = v.breakdown,
             initial_estimated_ready_at = COALESCE(o.initial_estimated_ready_at, v.eta), updated_at = now()
      FROM unnest(${orders.map((o) => o.id)}::uuid[], ${orders.map((o) => iso(o.eta))}::timestamptz[],
                  ${orders.map((o) => JSON.stringify(breakdowns.get(o.id)))}::jsonb[]) AS v(id, eta, breakdown)
      WHERE o.id = v.id AND o.tenant_id = ${tenantId}::uuid`,
  ]);
  for (const o of orders) {
    await deps.events.toTenant(tenantId).emit('eta:recalculated', { orderId: o.id, newEta: iso(o.eta), breakdown: breakdowns.get(o.id)! });
  }
}

/** Stored in Order.etaBreakdown and sent with `eta:recalculated`: when each item will be ready and what it waits on last. */
function breakdown(state: KitchenState, result: SimResult, orderId: string, reason: string): JsonValue {
  const lastTask = new Map<string, { id: string; finish: number }>();
  for (const task of state.tasks) {
    const finish = result.taskFinish[task.id];
    if (task.orderId !== orderId || finish === undefined) continue;
    const prior = lastTask.get(task.orderItemId);
    if (!prior || finish > prior.finish) lastTask.set(task.orderItemId, { id: task.id, finish });
  }
  const items = [...state.items.values()]
    .filter((i) => i.orderId === orderId)
    .map((i) => {
      const last = lastTask.get(i.id);
      return {
        orderItemId: i.id,
        name: i.name,
        quantity: i.quantity,
        readyAt: iso(result.itemReady[i.id]),
        lastTaskId: last?.id ?? null,
        lastTaskStart: last ? iso(result.taskStart[last.id]) : null,
        lastTaskStationId: last ? (result.taskStation[last.id] ?? null) : null,
      };
    });
  return { computedAt: iso(state.now), reason, items };
}
