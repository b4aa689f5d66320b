import type { EtaRecalculatedPayload, JsonValue } from '../../contracts/socket-events';
import { etaMoved, type SimResult } from '../../domain/eta';
import { Prisma } from '../../prisma/generated/client';
import type { SqlTx } from '../../db/client';
import { tenantExecute } from '../../db/sql';
import type { ActivityDeps } from '../kitchen/deps';
import type { OpenItem } from '../kitchen-read/kitchen-mirror';
import type { KitchenState } from '../kitchen-read/kitchen-state';

/** Most ETA changes kept per order (the detail page's history): a long-running order stops adding rows, its first ones stay. */
export const ETA_HISTORY_CAP = 100;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An order's ETA is the latest of its open items; unknown while any of them has none (not
 * materialized yet, or no station can make it), so a half-known order never looks early.
 */
export function orderEta(state: KitchenState, result: SimResult, orderId: string): number | null {
  return etaOf(
    [...state.items.values()].filter((i) => i.orderId === orderId),
    result,
  );
}

function etaOf(items: OpenItem[], result: SimResult): number | null {
  let eta: number | null = null;
  for (const item of items) {
    const ready = result.itemReady[item.id];
    if (ready === undefined) return null;
    eta = Math.max(eta ?? -Infinity, ready);
  }
  return eta;
}

/** The run's items per order and each item's last task to finish, built in one pass (a kitchen has ~1,000 open tasks). */
function indexRun(state: KitchenState, result: SimResult) {
  const itemsOf = new Map<string, OpenItem[]>();
  for (const item of state.items.values()) {
    const list = itemsOf.get(item.orderId);
    if (list) list.push(item);
    else itemsOf.set(item.orderId, [item]);
  }
  const lastTask = new Map<string, { id: string; finish: number }>();
  for (const task of state.tasks) {
    const finish = result.taskFinish[task.id];
    if (finish === undefined) continue;
    const prior = lastTask.get(task.orderItemId);
    if (!prior || finish > prior.finish) lastTask.set(task.orderItemId, { id: task.id, finish });
  }
  return { itemsOf: (orderId: string) => itemsOf.get(orderId) ?? [], lastTask };
}

type RunIndex = ReturnType<typeof indexRun>;

/**
 * Writes the simulated ETAs that moved (items, then orders with their per-item breakdown; the
 * first order ETA is kept as the promise) and returns the `eta:recalculated` payloads of the
 * rewritten orders, to emit once the transaction has committed. Rows go in id order, like every
 * other writer's, so concurrent writers cannot deadlock on them.
 */
export async function storeEtas(tx: SqlTx, tenantId: string, state: KitchenState, result: SimResult, reason: string): Promise<EtaRecalculatedPayload[]> {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const items = [...state.items.values()].filter((i) => result.itemReady[i.id] !== undefined);
  // ETAs that barely moved (domain/eta/eta-move.ts) are not rewritten nor announced: boards would flicker for nothing.
  const moved = (stored: number | null, next: number) => etaMoved(stored, next, state.now);
  const movedItems = items.filter((i) => moved(i.estimatedReadyAt, result.itemReady[i.id])).sort(byId);
  const touchedOrders = new Set(movedItems.map((i) => i.orderId));
  const index = indexRun(state, result);
  const orders = [...state.orders.values()]
    .flatMap((o) => {
      const eta = etaOf(index.itemsOf(o.id), result);
      return eta !== null && (moved(o.estimatedReadyAt, eta) || touchedOrders.has(o.id)) ? [{ id: o.id, eta, moved: moved(o.estimatedReadyAt, eta) }] : [];
    })
    .sort(byId);
  if (movedItems.length === 0 && orders.length === 0) return [];

  const breakdowns = new Map(orders.map((o) => [o.id, breakdown(state, result, index, o.id, reason)]));
  await tenantExecute(
    tx,
    tenantId,
    'store item ETAs',
    Prisma.sql`
    UPDATE order_items i SET estimated_ready_at = v.eta
    FROM unnest(${movedItems.map((i) => i.id)}::uuid[], ${movedItems.map((i) => iso(result.itemReady[i.id]))}::timestamptz[]) AS v(id, eta)
    WHERE i.id = v.id AND i.tenant_id = ${tenantId}::uuid`,
  );
  await tenantExecute(
    tx,
    tenantId,
    'store order ETAs',
    Prisma.sql`
    UPDATE orders o SET estimated_ready_at = v.eta, eta_breakdown = v.breakdown,
           initial_estimated_ready_at = COALESCE(o.initial_estimated_ready_at, v.eta), updated_at = now()
    FROM unnest(${orders.map((o) => o.id)}::uuid[], ${orders.map((o) => iso(o.eta))}::timestamptz[],
                ${orders.map((o) => JSON.stringify(breakdowns.get(o.id)))}::jsonb[]) AS v(id, eta, breakdown)
    WHERE o.id = v.id AND o.tenant_id = ${tenantId}::uuid`,
  );
  await recordEtaChanges(
    tx,
    tenantId,
    orders.filter((o) => o.moved),
    state.now,
    reason,
  );
  return orders.map((o) => ({ orderId: o.id, newEta: iso(o.eta), breakdown: breakdowns.get(o.id)! }));
}

/** The history of each order whose own ETA moved, up to ETA_HISTORY_CAP rows per order. */
async function recordEtaChanges(tx: SqlTx, tenantId: string, orders: Array<{ id: string; eta: number }>, now: number, reason: string): Promise<void> {
  if (orders.length === 0) return;
  await tenantExecute(
    tx,
    tenantId,
    'record order ETA changes',
    Prisma.sql`
    INSERT INTO order_eta_changes (id, tenant_id, order_id, estimated_ready_at, reason, computed_at)
    SELECT gen_random_uuid(), ${tenantId}::uuid, v.id, v.eta, left(${reason}, 60), ${iso(now)}::timestamptz
    FROM unnest(${orders.map((o) => o.id)}::uuid[], ${orders.map((o) => iso(o.eta))}::timestamptz[]) AS v(id, eta)
    WHERE (SELECT count(*) FROM order_eta_changes c WHERE c.order_id = v.id AND c.tenant_id = ${tenantId}::uuid) < ${ETA_HISTORY_CAP}`,
  );
}

/** All at once: each order's event is independent, and the publisher's pool bounds the concurrency. */
export async function emitEtas(deps: ActivityDeps, tenantId: string, payloads: EtaRecalculatedPayload[]): Promise<void> {
  const room = deps.events.toTenant(tenantId);
  await Promise.all(payloads.map((payload) => room.emit('eta:recalculated', payload)));
}

/** Stored in Order.etaBreakdown and sent with `eta:recalculated`: when each item will be ready and what it waits on last. */
function breakdown(state: KitchenState, result: SimResult, index: RunIndex, orderId: string, reason: string): JsonValue {
  const items = index.itemsOf(orderId).map((i) => {
    const last = index.lastTask.get(i.id);
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
