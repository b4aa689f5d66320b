import { Prisma } from '../../../prisma/generated/client';
import { isUniqueViolation } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TenantDb } from '../../../db/tenant-scope';
import type { KitchenHandle } from '../../context';
import type { ServiceActor, TenantTx } from '../types';
import { rememberOrderTasks } from '../tasks/task-items';
import { parseInput } from '../validate';
import { requireKitchen, type KitchenServiceOptions } from './kitchen-deps';
import { orderInclude, orderPayload, type OrderWithItems } from './order-include';
import { createOrderSchema, type CreateOrderInput } from './order-input';
import { normalizePhone } from './phone';
import { resolveOrderLines } from './resolve-order-lines';
import { startKitchen } from './start-kitchen';

/**
 * Takes an order: stores it with price and recipe snapshots in one transaction, then hands it to
 * the kitchen (its order workflow) and announces it. With an idempotencyKey a retried call gets
 * the first call's order back, also when both calls race (the unique key decides the winner).
 */
const ORDER_TX_LIMITS = { maxWait: 10_000, timeout: 15_000 } as const;

/** `actor` may be the system: a marketplace order is taken by the platform workflow (createdBy stays null). */
export async function createOrder({ db, actor, input, kitchen, events }: KitchenServiceOptions<unknown, ServiceActor>): Promise<OrderWithItems> {
  const data = parseInput(createOrderSchema, input);
  const handle = requireKitchen(kitchen);
  if (data.idempotencyKey) {
    const earlier = await findByKey(db, data.idempotencyKey);
    if (earlier) return replay(db, handle, earlier);
  }

  let order: { id: string; tenantId: string };
  try {
    // Orders of one tenant queue on its order-number row: under a rush the default 2 s wait /
    // 5 s run limits fail a perfectly good order with an internal error (seen in the bench).
    order = await db.$transaction((tx) => insertOrder(tx, actor, data), ORDER_TX_LIMITS);
  } catch (err) {
    // The other call committed first; our transaction (and its order number) rolled back.
    const winner = data.idempotencyKey && isUniqueViolation(err) ? await findByKey(db, data.idempotencyKey) : null;
    if (winner) return replay(db, handle, winner);
    throw err;
  }

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
async function startKitchenAndFire(kitchen: KitchenHandle, order: { tenantId: string; id: string }): Promise<void> {
  const counter = kitchen.counterFire;
  const plan = counter ? await counter.plan({ tenantId: order.tenantId, orderId: order.id }).catch(counterFailed(order.id)) : undefined;
  if (!(await startKitchen(kitchen, order, undefined, plan)) || !counter || !plan) return;
  await counter.fire(plan).catch(counterFailed(order.id));
}

const counterFailed = (orderId: string) => (err: unknown) => {
  console.error(`[orders] firing order ${orderId} at the counter failed; its workflows fire it instead: ${err instanceof Error ? err.message : String(err)}`);
  return undefined;
};

async function insertOrder(tx: TenantTx, actor: ServiceActor, data: CreateOrderInput): Promise<{ id: string; tenantId: string }> {
  const lines = await resolveOrderLines(tx, data.items);
  // UPDATE … SET order_seq = order_seq + 1 RETURNING: the row lock hands out each number once.
  const { orderSeq } = await tx.tenant.update({
    where: { id: actor.tenantId },
    data: { orderSeq: { increment: 1 } },
    select: { orderSeq: true },
  });
  const totalAmount = lines.reduce((sum, l) => sum.add(l.menuItem.price.mul(l.line.quantity)), new Prisma.Decimal(0));
  const order = await tx.order.create({
    data: {
      tenantId: actor.tenantId,
      orderNumber: orderSeq,
      channel: data.channel,
      customerName: data.customerName,
      customerPhone: normalizePhone(data.customerPhone),
      customerAddress: data.customerAddress,
      notes: data.notes,
      priority: data.priority,
      requestedAt: data.requestedAt,
      idempotencyKey: data.idempotencyKey,
      totalAmount,
      createdById: actor.userId,
    },
    select: { id: true, tenantId: true },
  });
  const now = Date.now();
  await tx.orderItem.createMany({
    data: lines.map((l, i) => ({
      tenantId: actor.tenantId,
      orderId: order.id,
      menuItemId: l.menuItem.id,
      workflowVersionId: l.version.id,
      quantity: l.line.quantity,
      unitPrice: l.menuItem.price,
      nameSnapshot: l.menuItem.name,
      modifications: l.line.modifications,
      notes: l.line.notes,
      // Distinct times keep the items in the order they were taken (the kitchen plans in that order).
      createdAt: new Date(now + i),
    })),
  });
  await recordAudit({
    db: tx,
    actor,
    action: 'order.create',
    entityType: 'Order',
    entityId: order.id,
    details: {
      orderNumber: orderSeq,
      channel: data.channel,
      totalAmount: totalAmount.toFixed(2),
      items: lines.map((l) => ({ menuItemId: l.menuItem.id, quantity: l.line.quantity, workflowVersionId: l.version.id })),
      idempotencyKey: data.idempotencyKey,
    },
  });
  return order;
}

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
