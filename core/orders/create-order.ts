import { isUniqueViolation } from '../errors';
import type { TenantDb } from '../../db/tenant-scope';
import type { KitchenHandle } from '../types';
import type { ServiceActor } from '../types';
import { rememberOrderTasks } from '../tasks/task-items';
import { parseInput } from '../validate';
import { requireKitchen, type KitchenServiceOptions } from './kitchen-deps';
import { orderInclude, orderPayload, type OrderWithItems } from './order-include';
import { insertOrder, type StoredOrder } from './insert-order';
import { createOrderSchema } from './order-input';
import { resolveOrderLines } from './resolve-order-lines';
import { startKitchen } from './start-kitchen';
import { componentLogger } from '../../config/logger';
import type { Db } from '../../db/client';
import { quoteLines, storeOrderPromise } from '../eta/promise-order';
import type { ResolvedLine } from './resolve-order-lines';

const log = componentLogger('orders');

/**
 * Takes an order: stores it with price and recipe snapshots in one statement, then hands it to
 * the kitchen (its order workflow) and announces it. With an idempotencyKey a retried call gets
 * the first call's order back, also when both calls race (the unique key decides the winner).
 * `actor` may be the system: a marketplace order is taken by the platform workflow (createdBy stays null).
 * The answer carries the ready time promised (storeOrderPromise), from the same quote as the phone console's.
 */
export async function createOrder({
  db,
  actor,
  input,
  kitchen,
  events,
  prisma,
}: KitchenServiceOptions<unknown, ServiceActor> & { prisma: Db }): Promise<OrderWithItems> {
  const data = parseInput(createOrderSchema, input);
  const handle = requireKitchen(kitchen);
  if (data.idempotencyKey) {
    const earlier = await findByKey(db, data.idempotencyKey);
    if (earlier) return replay(db, handle, earlier);
  }

  let order: StoredOrder;
  let lines: ResolvedLine[];
  let quoted: Awaited<ReturnType<typeof quoteLines>> | null;
  try {
    lines = await resolveOrderLines(db, data.items);
    // Side by side: the kitchen the quote reads has none of this order's tasks yet (they come with its start).
    [order, quoted] = await Promise.all([insertOrder(db, actor, data, lines), quoteLines(prisma, actor.tenantId, lines, data.priority).catch(quoteFailed)]);
  } catch (err) {
    // The other call committed first; our statement (and its order number) rolled back.
    const winner = data.idempotencyKey && isUniqueViolation(err) ? await findByKey(db, data.idempotencyKey) : null;
    if (winner) return replay(db, handle, winner);
    throw err;
  }

  // The promise is stored before the kitchen starts: its ETA runs then move it, never race it.
  if (quoted) await storeOrderPromise(prisma, order, lines, quoted).catch(quoteFailed);
  await startKitchenAndFire(handle, order);
  // Read once, after firing: the answer and the announcement show the tickets already queued.
  const taken = await reload(db, order.id);
  rememberOrderTasks(actor.tenantId, taken.items);
  await events?.toTenant(actor.tenantId).emit('order:created', { order: orderPayload(taken) });
  return taken;
}

/**
 * Starts the order workflow with the plan made here and fires at the counter (the first
 * tickets are queued before this call answers). Firing is a head start, never a requirement:
 * if planning or firing fails, the workflows plan and fire as they would without it.
 */
async function startKitchenAndFire(kitchen: KitchenHandle, order: StoredOrder): Promise<void> {
  const counter = kitchen.counterFire;
  // Planned and fired from what was just stored: nothing is read back.
  const plan = counter ? await counter.plan(order).catch(counterFailed(order.id)) : undefined;
  if (!(await startKitchen(kitchen, order, undefined, plan)) || !counter || !plan) return;
  await counter.fire(plan, order).catch(counterFailed(order.id));
}

/** The promise is a courtesy of the answer: without it the order is taken all the same, and its first ETA run gives one. */
const quoteFailed = (err: unknown) => {
  log.error({ err }, 'quoting the new order failed; its ETA comes from the next ETA run');
  return null;
};

const counterFailed = (orderId: string) => (err: unknown) => {
  log.error({ err, orderId }, 'firing the order at the counter failed; its workflows fire it instead');
  return undefined;
};

function findByKey(db: TenantDb, idempotencyKey: string) {
  return db.order.findFirst({ where: { idempotencyKey }, include: orderInclude });
}

/** A retried call: the same order. Its start is repeated while NEW, which also re-drives a start that failed before. */
async function replay(db: TenantDb, kitchen: ReturnType<typeof requireKitchen>, order: OrderWithItems): Promise<OrderWithItems> {
  if (order.status !== 'NEW') return order;
  await startKitchen(kitchen, order);
  return reload(db, order.id);
}

function reload(db: TenantDb, id: string): Promise<OrderWithItems> {
  return db.order.findUniqueOrThrow({ where: { id }, include: orderInclude });
}
