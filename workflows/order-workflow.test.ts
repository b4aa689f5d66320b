import { cancelOrder, handOffOrder, startOrderWorkflow, updateOrderPriority } from '../temporal/kitchen-client';
import { itemWorkflowId } from './item-workflow';
import { orderWorkflowId } from './order-workflow';
import { createKitchen, deleteKitchens, type Kitchen } from '../test/support/kitchen-fixture';
import { kitchenDriver } from '../test/support/kitchen-driver';
import { startKitchenHarness, type KitchenHarness } from '../test/support/kitchen-harness';

// Real Temporal dev server, real worker, real activities, real PostgreSQL.
jest.setTimeout(60_000);

let h: KitchenHarness;
const kitchens: Kitchen[] = [];
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startKitchenHarness('order-workflow-test');
});
afterAll(async () => {
  if (!h) return;
  await h.terminateLeftovers();
  await deleteKitchens(h.prisma, kitchens).finally(() => h.stop());
});

async function newKitchen() {
  const kitchen = await createKitchen(h.prisma);
  kitchens.push(kitchen);
  return { kitchen, k: kitchenDriver(h, kitchen) };
}

describe('order workflow', () => {
  it('paces the items so they finish together: the 2-minute salad fires when the 13-minute pizza has 2 minutes left', async () => {
    const { k } = await newKitchen();
    const before = Date.now();
    const {
      orderId,
      itemIds: [pizza, salad],
    } = await k.order([{ dish: 'pizza' }, { dish: 'salad' }]);
    const order = await k.untilOrder(orderId, (s) => s.items.length === 2 && s.items.every((i) => i.fireAt !== null), 'fire times');
    const fire = Object.fromEntries(order.items.map((i) => [i.orderItemId, Date.parse(i.fireAt!)]));
    expect(fire[pizza]).toBeGreaterThanOrEqual(before - 1000);
    expect(fire[salad] - fire[pizza]).toBe(11 * MINUTE);

    await k.untilItem(pizza, (s) => s.tasks[0]?.status === 'QUEUED', 'pizza dough queued');
    const waiting = await k.itemState(salad);
    expect(waiting.phase).toBe('WAITING');
    expect((await k.rows(salad)).toss.status).toBe('PENDING');
  });

  it('fires every item of an urgent order now, and a waiting item as soon as its order becomes urgent', async () => {
    const { k } = await newKitchen();
    const urgent = await k.order([{ dish: 'pizza' }, { dish: 'salad' }], { priority: 2 });
    await k.untilItem(urgent.itemIds[1], (s) => s.tasks[0]?.status === 'QUEUED', 'urgent salad queued now');

    const normal = await k.order([{ dish: 'pizza' }, { dish: 'salad' }]);
    await k.untilItem(normal.itemIds[1], (s) => s.phase === 'WAITING', 'salad waiting for its fire time');
    const raised = await updateOrderPriority(h.client, { orderId: normal.orderId, priority: 2 });
    expect(raised).toEqual(expect.objectContaining({ ok: true }));
    await k.untilItem(normal.itemIds[1], (s) => s.tasks[0]?.status === 'QUEUED', 'salad fired by the priority raise');

    const bad = await updateOrderPriority(h.client, { orderId: normal.orderId, priority: 7 });
    expect(bad).toEqual(expect.objectContaining({ ok: false, code: 'BAD_USER_INPUT', message: 'Priority must be 0 (normal), 1 (high) or 2 (urgent), got 7' }));
  });

  it('fires a scheduled order so it is ready at the requested time', async () => {
    const { k } = await newKitchen();
    const requestedAt = new Date(Date.now() + 60 * MINUTE);
    const {
      orderId,
      itemIds: [pizza, salad],
    } = await k.order([{ dish: 'pizza' }, { dish: 'salad' }], { requestedAt });
    const order = await k.untilOrder(orderId, (s) => s.items.length === 2 && s.items.every((i) => i.fireAt !== null), 'fire times');
    const fire = Object.fromEntries(order.items.map((i) => [i.orderItemId, Date.parse(i.fireAt!)]));
    expect(fire[pizza]).toBe(requestedAt.getTime() - 13 * MINUTE);
    expect(fire[salad]).toBe(requestedAt.getTime() - 2 * MINUTE);
    await k.untilItem(pizza, (s) => s.phase === 'WAITING' && s.tasks.length === 3, 'pizza waiting');
  });

  it('goes NEW → PREPARING → READY → DELIVERED and then completes', async () => {
    const { k } = await newKitchen();
    // Urgent, so neither salad waits for a fire time; the status still starts at NEW.
    const {
      orderId,
      itemIds: [salad1, salad2],
    } = await k.order([{ dish: 'salad' }, { dish: 'salad', quantity: 2 }], { priority: 2 });
    const statusOf = async () => (await h.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status;
    await k.untilItem(salad1, (s) => s.tasks[0]?.status === 'QUEUED', 'first salad queued');
    expect((await k.orderState(orderId)).status).toBe('NEW');

    const toss = (await k.itemState(salad1)).tasks[0];
    await k.ok(salad1, 'startTask', { taskId: toss.id });
    await k.untilOrder(orderId, (s) => s.status === 'PREPARING', 'PREPARING');
    expect(await statusOf()).toBe('PREPARING');
    await k.ok(salad1, 'completeTask', { taskId: toss.id });
    await k.cook(salad2, 'toss');
    await k.untilOrder(orderId, (s) => s.status === 'READY', 'READY');
    expect(await statusOf()).toBe('READY');
    const items = await h.prisma.orderItem.findMany({ where: { orderId } });
    expect(items.map((i) => i.status)).toEqual(['DONE', 'DONE']);

    const tooLate = await cancelOrder(h.client, { orderId, reason: 'changed my mind' });
    expect(tooLate).toEqual({ ok: false, code: 'CONFLICT', type: 'ORDER_CLOSED', message: `Order ${orderId} is READY: it can no longer be cancelled` });
    const notOut = await handOffOrder(h.client, { orderId, to: 'DELIVERED' });
    expect(!notOut.ok && notOut.message).toBe(`Order ${orderId} cannot become DELIVERED: it is READY, not OUT_FOR_DELIVERY`);

    expect(await handOffOrder(h.client, { orderId, to: 'OUT_FOR_DELIVERY' })).toEqual(expect.objectContaining({ ok: true }));
    const row = await h.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(row).toMatchObject({ status: 'OUT_FOR_DELIVERY', closedAt: null });
    expect(row.handedOffAt!.getTime()).toBeGreaterThanOrEqual(row.actualReadyAt!.getTime());
    const twice = await handOffOrder(h.client, { orderId, to: 'OUT_FOR_DELIVERY' });
    expect(!twice.ok && twice.code).toBe('CONFLICT');
    expect(await handOffOrder(h.client, { orderId, to: 'DELIVERED' })).toEqual(expect.objectContaining({ ok: true }));
    expect(await h.client.workflow.getHandle(orderWorkflowId(orderId)).result()).toEqual({ orderId, status: 'DELIVERED' });
    expect(await h.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: 'DELIVERED', closedAt: expect.any(Date) });
  });

  it('cancelling cancels every open task at every station and returns the deducted inventory once', async () => {
    const { kitchen, k } = await newKitchen();
    const {
      orderId,
      itemIds: [pizza, salad],
    } = await k.order([{ dish: 'pizza', quantity: 2 }, { dish: 'salad' }], { priority: 2 });
    await k.cook(pizza, 'dough'); // deducts flour and mozzarella for two pizzas
    await k.untilItem(pizza, (s) => s.tasks[1].status === 'QUEUED', 'topping queued');
    await k.untilItem(salad, (s) => s.tasks[0].status === 'QUEUED', 'salad queued');
    const stockBefore = await h.prisma.inventoryItem.findUniqueOrThrow({ where: { id: kitchen.inventory.flour } });
    expect(stockBefore.currentStock.toNumber()).toBe(10_000 - 400);

    const cancelled = await cancelOrder(h.client, { orderId, reason: 'customer hung up' });
    expect(cancelled).toEqual(expect.objectContaining({ ok: true, result: expect.objectContaining({ status: 'CANCELLED' }) }));
    const again = await cancelOrder(h.client, { orderId, reason: 'twice' });
    expect(again).toEqual(expect.objectContaining({ ok: false, code: 'CONFLICT' }));

    const tasks = await h.prisma.taskInstance.findMany({ where: { orderId }, orderBy: { taskDefId: 'asc' } });
    expect(tasks.map((t) => `${t.taskDefId}:${t.status}`).sort()).toEqual(['bake:CANCELLED', 'dough:DONE', 'topping:CANCELLED', 'toss:CANCELLED']);
    const order = await h.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    expect([order.status, order.cancelReason]).toEqual(['CANCELLED', 'customer hung up']);
    expect(order.items.map((i) => i.status)).toEqual(['CANCELLED', 'CANCELLED']);

    const movements = await h.prisma.inventoryMovement.findMany({ where: { tenantId: kitchen.tenantId }, orderBy: { movementType: 'asc' } });
    expect(movements.map((m) => `${m.movementType}:${m.quantity.toNumber()}`).sort()).toEqual([
      'order_deduction:-200',
      'order_deduction:-400',
      'order_return:200',
      'order_return:400',
    ]);
    const flour = await h.prisma.inventoryItem.findUniqueOrThrow({ where: { id: kitchen.inventory.flour } });
    expect(flour.currentStock.toNumber()).toBe(10_000);
    expect(await h.client.workflow.getHandle(orderWorkflowId(orderId)).result()).toEqual({ orderId, status: 'CANCELLED' });
    // The order ends after its items did, so none is terminated with its last steps (an ETA run) still under way.
    for (const itemId of [pizza, salad]) {
      const item = await h.client.workflow.getHandle(itemWorkflowId(itemId)).describe();
      expect([itemId, item.status.name]).toEqual([itemId, 'COMPLETED']);
    }
  });

  it('starts one workflow per order however often the start is retried', async () => {
    const { kitchen, k } = await newKitchen();
    const { orderId } = await k.order([{ dish: 'salad' }]);
    const again = await Promise.all([1, 2, 3].map(() => startOrderWorkflow(h.client, { tenantId: kitchen.tenantId, orderId, taskQueue: h.taskQueue })));
    expect(again.map((r) => r.workflowId)).toEqual([orderWorkflowId(orderId), orderWorkflowId(orderId), orderWorkflowId(orderId)]);
    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = '${orderWorkflowId(orderId)}'` })) runs.push(run);
    expect(runs).toHaveLength(1);
  });
});
