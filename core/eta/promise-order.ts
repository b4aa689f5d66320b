import type { Db } from '../../db/client';
import { tenantExecute } from '../../db/sql';
import { quantileOf, quoteItems, type Quote } from '../../domain/eta';
import { readyRange } from '../../domain/eta/eta-range';
import { readKitchenSettings } from '../settings/kitchen-settings';
import { Prisma } from '../../prisma/generated/client';
import { loadKitchenState } from '../kitchen-read/kitchen-state';
import { loadLearnedDurations } from '../kitchen-read/learned-durations';
import type { StoredOrder } from '../orders/insert-order';
import type { ResolvedLine } from '../orders/resolve-order-lines';
import { hypotheticalTasks } from './hypothetical-tasks';

/**
 * The kitchen simulated forward with these lines added behind its current work, as an order of
 * `priority`: the one computation behind the phone console's quote and the promise createOrder
 * makes, so the two always agree. Reads only. `prisma` is the raw client the shared loader takes;
 * every query it runs filters on `tenantId` explicitly.
 */
export async function quoteLines(prisma: Db, tenantId: string, lines: ResolvedLine[], priority = 0): Promise<{ now: number; quote: Quote }> {
  const [state, learned] = await Promise.all([
    loadKitchenState(prisma, tenantId, Date.now()),
    loadLearnedDurations(
      prisma,
      tenantId,
      lines.map((l) => l.version.templateId),
    ),
  ]);
  const quote = quoteItems({
    now: state.now,
    stations: state.stations,
    tasks: state.tasks,
    newItems: lines.map((l) => ({
      key: String(l.index),
      tasks: hypotheticalTasks(l, learned, state.now).map((t) => ({ ...t, priority })),
    })),
  });
  return { now: state.now, quote };
}

/**
 * The ready time promised when an order is taken: the quote of its lines made just before it was
 * stored (so the order does not queue behind itself), or its requested time when that is later.
 * Stored as the order's first ETA (estimated and initial, with a breakdown) before the kitchen
 * starts, so its ETA history begins with this promise and the ETA runs only move it from there.
 * The time is the kitchen's promiseQuantile of the sampled runs when a spread was learned (so
 * that share of orders is ready by it), else the point estimate.
 * Null when no station can make one of its dishes: no time is promised that nobody can keep.
 */
export async function storeOrderPromise(prisma: Db, order: StoredOrder, lines: ResolvedLine[], quoted: { now: number; quote: Quote }): Promise<Date | null> {
  const { now, quote } = quoted;
  if (quote.unschedulableItems.length > 0) return null;
  const promised = await promisedTime(prisma, order.tenantId, quote);
  const requested = order.requestedAt?.getTime() ?? null;
  const shift = requested !== null && requested > promised ? requested - promised : 0;
  const readyAt = Math.round(promised + shift);
  // The range told with it: the learned P10..P90 moved with the promise, or fixed shares without a spread.
  const range = readyRange(new Date(readyAt), new Date(now), quote.readySamples?.map((t) => t + shift) ?? null);
  // No item is promised after its order.
  const items = order.items.map((item, i) => ({ id: item.id, line: lines[i], readyAt: Math.min(readyAt, quote.perItem[String(lines[i].index)] + shift) }));
  const breakdown = {
    computedAt: new Date(now).toISOString(),
    reason: 'order-created',
    items: items.map((i) => ({
      orderItemId: i.id,
      name: i.line.menuItem.name,
      quantity: i.line.line.quantity,
      readyAt: new Date(i.readyAt).toISOString(),
      lastTaskId: null,
      lastTaskStart: null,
      lastTaskStationId: null,
    })),
  };
  // Only where no ETA run has written one yet: a run's answer is newer than this promise.
  await tenantExecute(
    prisma,
    order.tenantId,
    'store order promise',
    Prisma.sql`
    WITH o AS (
      UPDATE orders SET estimated_ready_at = ${new Date(readyAt)}, initial_estimated_ready_at = ${new Date(readyAt)},
                        eta_breakdown = ${JSON.stringify(breakdown)}::jsonb, updated_at = now(),
                        promise_range_from = ${range.from}, promise_range_to = ${range.to}, promise_range_basis = ${range.basis}
      WHERE id = ${order.id}::uuid AND tenant_id = ${order.tenantId}::uuid AND estimated_ready_at IS NULL
      RETURNING id
    ), history AS (
      INSERT INTO order_eta_changes (id, tenant_id, order_id, estimated_ready_at, reason, computed_at)
      SELECT gen_random_uuid(), ${order.tenantId}::uuid, o.id, ${new Date(readyAt)}, 'order-created', ${new Date(now)} FROM o
    )
    UPDATE order_items i SET estimated_ready_at = v.eta
    FROM o, unnest(${items.map((i) => i.id)}::uuid[], ${items.map((i) => new Date(i.readyAt).toISOString())}::timestamptz[]) AS v(id, eta)
    WHERE i.id = v.id AND i.order_id = o.id AND i.tenant_id = ${order.tenantId}::uuid AND i.estimated_ready_at IS NULL`,
  );
  return new Date(readyAt);
}

/** The kitchen's promiseQuantile of the quote's sampled ready times; the point estimate without them. */
export async function promisedTime(prisma: Db, tenantId: string, quote: Quote): Promise<number> {
  if (!quote.readySamples) return quote.readyAt;
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return Math.round(quantileOf(quote.readySamples, readKitchenSettings(tenant?.settings).promiseQuantile) ?? quote.readyAt);
}
