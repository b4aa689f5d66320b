import { createCounterFire, type CounterFire } from '../core/kitchen/counter-fire';
import { createEventPublisher, type EventPublisher } from '../events/event-publisher';
import { createLearnedDurationsCache } from '../core/kitchen-read/learned-durations';
import { NativeConnection } from '@temporalio/worker';
import { createKitchenActivities } from '../activities';
import { startOrderWorkflow } from '../temporal/kitchen-client';
import { createKitchenWorker } from '../temporal/worker';
import { itemWorkflow, itemWorkflowId } from './item-workflow';
import { createKitchen, deleteKitchens, placeOrder, type Dish, type Kitchen } from '../test/support/kitchen-fixture';
import { kitchenDriver } from '../test/support/kitchen-driver';
import { startKitchenHarness, type KitchenHarness } from '../test/support/kitchen-harness';

// createOrder's head start (core/kitchen/counter-fire.ts) as it runs it: plan, start the order
// workflow with the plan, fire. Real Temporal, real worker and activities, real PostgreSQL.
jest.setTimeout(60_000);

let h: KitchenHarness;
let events: EventPublisher;
let counter: CounterFire;
const kitchens: Kitchen[] = [];

beforeAll(async () => {
  h = await startKitchenHarness('counter-fire-test');
  events = createEventPublisher({ databaseUrl: h.databaseUrl });
  counter = createCounterFire({ prisma: h.prisma, events, clock: () => new Date(), learned: createLearnedDurationsCache() });
});
afterAll(async () => {
  if (!h) return;
  await h.terminateLeftovers();
  await events.close();
  await deleteKitchens(h.prisma, kitchens).finally(() => h.stop());
});

async function newKitchen() {
  const kitchen = await createKitchen(h.prisma);
  kitchens.push(kitchen);
  return { kitchen, k: kitchenDriver(h, kitchen) };
}

/** What createOrder does once the order is stored. */
async function orderAtCounter(kitchen: Kitchen, items: Array<{ dish: Dish }>, opts: { priority?: number } = {}) {
  const placed = await placeOrder(h.prisma, kitchen, items, opts);
  const plan = await counter.plan({ tenantId: kitchen.tenantId, orderId: placed.orderId });
  await startOrderWorkflow(h.client, { tenantId: kitchen.tenantId, orderId: placed.orderId, taskQueue: h.taskQueue, plan });
  await counter.fire(plan);
  return { ...placed, plan };
}

describe('firing at the counter', () => {
  it('queues the first task before the workflows get there; the item workflow adopts it and cooks on', async () => {
    const { k, kitchen } = await newKitchen();
    const {
      orderId,
      itemIds: [pizza],
    } = await orderAtCounter(kitchen, [{ dish: 'pizza' }]);
    const fired = await k.rows(pizza);
    expect([fired.dough.status, fired.topping.status, fired.bake.status]).toEqual(['QUEUED', 'PENDING', 'PENDING']);
    expect(fired.dough.stationId).not.toBeNull();

    const adopted = await k.untilItem(pizza, (s) => s.phase === 'FIRED', 'the item loaded and fired');
    expect(adopted.tasks.map((t) => [t.defId, t.status, t.stationId])).toEqual([
      ['dough', 'QUEUED', fired.dough.stationId],
      ['topping', 'PENDING', null],
      ['bake', 'PENDING', null],
    ]);
    // Not queued a second time: same row, same queuedAt.
    expect((await k.rows(pizza)).dough.queuedAt).toEqual(fired.dough.queuedAt);

    for (const step of ['dough', 'topping', 'bake']) await k.cook(pizza, step);
    await k.untilOrder(orderId, (s) => s.status === 'READY', 'order READY');
    expect(await h.prisma.taskInstance.count({ where: { orderItemId: pizza } })).toBe(3);
  });

  it('paces the order as the workflow would, and the workflow keeps the fire times it was given', async () => {
    const { k, kitchen } = await newKitchen();
    const {
      orderId,
      plan,
      itemIds: [pizza, salad],
    } = await orderAtCounter(kitchen, [{ dish: 'pizza' }, { dish: 'salad' }]);
    const fireAt = Object.fromEntries(plan.items.map((i) => [i.orderItemId, i.fireAt]));
    expect(Date.parse(fireAt[salad]!)).toBeGreaterThan(Date.parse(fireAt[pizza]!) + 60_000);
    // Only the anchor fired: the salad has no tasks until its time comes.
    expect((await k.rows(pizza)).dough.status).toBe('QUEUED');
    expect(await h.prisma.taskInstance.count({ where: { orderItemId: salad } })).toBe(0);

    const state = await k.untilOrder(orderId, (s) => s.items.every((i) => i.fireAt !== null), 'items started');
    expect(Object.fromEntries(state.items.map((i) => [i.orderItemId, i.fireAt]))).toEqual(fireAt);
  });

  it('accepts a start and a tick tapped before the item workflow has loaded, and applies them once loaded', async () => {
    const { k, kitchen } = await newKitchen();
    const placed = await placeOrder(h.prisma, kitchen, [{ dish: 'pizza' }], { priority: 2 });
    const [pizza] = placed.itemIds;
    await counter.fire(await counter.plan({ tenantId: kitchen.tenantId, orderId: placed.orderId }));
    const dough = (await k.rows(pizza)).dough;
    expect(dough.status).toBe('QUEUED');

    // The item workflow on a queue nobody polls yet: the cook's start reaches it with its very
    // first workflow task, before the tasks are loaded.
    const taskQueue = `${h.taskQueue}-late`;
    await h.client.workflow.start(itemWorkflow, {
      workflowId: itemWorkflowId(pizza),
      taskQueue,
      args: [{ tenantId: kitchen.tenantId, orderId: placed.orderId, orderItemId: pizza, fireAt: null, priority: 2 }],
    });
    const sub = await h.prisma.subtaskInstance.findFirstOrThrow({ where: { taskInstanceId: dough.id, optional: false } });
    const start = k.kds(pizza, 'startTask', { taskId: dough.id });
    const tick = k.kds(pizza, 'completeSubtask', { taskId: dough.id, subtaskId: sub.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const worker = await startLateWorker(taskQueue);
    try {
      expect(await start).toEqual(expect.objectContaining({ ok: true }));
      expect(await tick).toEqual(expect.objectContaining({ ok: true }));
      expect((await k.rows(pizza)).dough.status).toBe('IN_PROGRESS');
      expect((await h.prisma.subtaskInstance.findUniqueOrThrow({ where: { id: sub.id } })).isCompleted).toBe(true);
    } finally {
      await h.client.workflow
        .getHandle(itemWorkflowId(pizza))
        .terminate('test over')
        .catch(() => undefined);
      await worker.stop();
    }
  });
});

/** A second worker (real workflows and activities) for a queue the harness's worker does not poll. */
async function startLateWorker(taskQueue: string) {
  const connection = await NativeConnection.connect({ address: h.address });
  const worker = await createKitchenWorker({
    connection,
    namespace: h.namespace,
    taskQueue,
    activities: createKitchenActivities({ prisma: h.prisma, events }),
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
