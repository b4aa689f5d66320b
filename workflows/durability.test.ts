import { randomUUID } from 'node:crypto';
import { connectTemporal } from '../temporal/connection';
import { testPrisma, requireTestEnv } from '../test/support/db';
import { createKitchen, deleteKitchens, type Kitchen } from '../test/support/kitchen-fixture';
import { kitchenDriver } from '../test/support/kitchen-driver';
import { workerProcesses, type WorkerProcesses } from '../test/support/worker-processes';

// The worker runs in a child process (node + tsx) that the test kills with SIGKILL while KDS
// actions are in flight. Recovery waits for Temporal's timeouts (the sticky queue's 3 s, and
// workflow tasks' start-to-close 5 s, activities' 10 s), so this test takes a while by design.
jest.setTimeout(150_000);

const prisma = testPrisma();
const kitchens: Kitchen[] = [];
let workers: WorkerProcesses;
let temporal: Awaited<ReturnType<typeof connectTemporal>>;

beforeAll(async () => {
  workers = await workerProcesses();
  temporal = await connectTemporal({ address: requireTestEnv('TEMPORAL_ADDRESS'), namespace: requireTestEnv('TEMPORAL_NAMESPACE') });
});

afterAll(async () => {
  await workers?.stopAll();
  await deleteKitchens(prisma, kitchens);
  await temporal?.connection.close();
});

it('a worker killed with SIGKILL in the middle of a busy order loses nothing and doubles nothing', async () => {
  const kitchen = await createKitchen(prisma);
  kitchens.push(kitchen);
  const taskQueue = `durability-${randomUUID()}`;
  const k = kitchenDriver({ client: temporal.client, prisma, taskQueue }, kitchen);
  const first = await workers.start(taskQueue);

  const dishes = [
    { dish: 'pizza' as const },
    { dish: 'pizza' as const, quantity: 2 },
    { dish: 'pizza' as const },
    { dish: 'salad' as const },
    { dish: 'salad' as const },
  ];
  const { orderId, itemIds } = await k.order(dishes, { priority: 2 });
  const [p1, p2, p3, s1, s2] = itemIds;
  const firstTask = async (id: string) => (await k.untilItem(id, (s) => s.tasks[0]?.status === 'QUEUED', 'first task queued', 30_000)).tasks[0];
  const [_d1, d2, d3, t1, t2] = await Promise.all(itemIds.map(firstTask));
  await k.cook(p1, 'dough');
  await k.ok(s1, 'startTask', { taskId: t1.id });

  // A burst of KDS actions, and the worker dies while they are being handled.
  const answeredAt: number[] = [];
  const inFlight = Promise.allSettled(
    [
      k.kds(p2, 'startTask', { taskId: d2.id }),
      k.kds(p3, 'startTask', { taskId: d3.id }),
      k.kds(s2, 'startTask', { taskId: t2.id }),
      k.kds(s1, 'completeTask', { taskId: t1.id }),
      k.kds(p2, 'completeSubtask', { taskId: d2.id, subtaskId: d2.subtasks[0].id }),
    ].map((p) => p.finally(() => answeredAt.push(Date.now()))),
  );
  await new Promise((resolve) => setTimeout(resolve, 30));
  await workers.kill(first);
  const killedAt = Date.now();
  await workers.start(taskQueue);
  for (const outcome of await inFlight) {
    // Each action either happened or was cleanly rejected; none may fail for an internal reason.
    expect(outcome.status).toBe('fulfilled');
  }
  // The kill really landed mid-burst: some actions were answered only by the second worker.
  expect(answeredAt.filter((t) => t >= killedAt).length).toBeGreaterThan(0);

  for (const id of itemIds) await finishItem(k, id);
  await k.untilOrder(orderId, (s) => s.status === 'READY', 'order READY', 30_000);

  const tasks = await prisma.taskInstance.findMany({ where: { orderId }, include: { subtasks: true } });
  expect(tasks).toHaveLength(3 * 3 + 2);
  expect(tasks.every((t) => t.status === 'DONE')).toBe(true);
  expect(new Set(tasks.map((t) => `${t.orderItemId}/${t.taskDefId}`)).size).toBe(tasks.length);
  const subtasks = tasks.flatMap((t) => t.subtasks);
  expect(subtasks).toHaveLength(3 * 2); // each pizza dough has two subtasks
  expect(new Set(subtasks.map((s) => `${s.taskInstanceId}/${s.subtaskDefId}`)).size).toBe(subtasks.length);

  const movements = await prisma.inventoryMovement.findMany({ where: { tenantId: kitchen.tenantId } });
  // Pizzas deduct flour and mozzarella, salads lettuce: one movement per ingredient per item.
  expect(movements).toHaveLength(3 * 2 + 2);
  expect(movements.every((m) => m.movementType === 'order_deduction')).toBe(true);
  const flour = await prisma.inventoryItem.findUniqueOrThrow({ where: { id: kitchen.inventory.flour } });
  expect(flour.currentStock.toNumber()).toBe(10_000 - 200 * 4);

  const durations = await prisma.taskDuration.findMany({ where: { taskInstanceId: { in: tasks.map((t) => t.id) } } });
  expect(durations).toHaveLength(tasks.length);
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
  expect(order.status).toBe('READY');
  expect(order.items.every((i) => i.status === 'DONE')).toBe(true);
});

/** Cooks whatever the item has left, as a line cook would: start what is queued, bump what is in progress. */
async function finishItem(k: ReturnType<typeof kitchenDriver>, orderItemId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let state: Awaited<ReturnType<typeof k.itemState>> | null = null;
  while (Date.now() < deadline) {
    state = await k.itemState(orderItemId).catch(() => null); // null while no worker answers yet
    if (state?.phase === 'DONE') return;
    if (!state) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const task = state.tasks.find((t) => t.status === 'IN_PROGRESS') ?? state.tasks.find((t) => t.status === 'QUEUED');
    if (!task) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (task.status === 'QUEUED') {
      const started = await k.kds(orderItemId, 'startTask', { taskId: task.id });
      if (!started.ok && started.type !== 'STATION_AT_CAPACITY') throw new Error(started.message);
      if (!started.ok) continue;
    }
    for (const sub of task.subtasks.filter((s) => !s.optional && !s.completed))
      await k.ok(orderItemId, 'completeSubtask', { taskId: task.id, subtaskId: sub.id });
    await k.ok(orderItemId, 'completeTask', { taskId: task.id });
  }
  throw new Error(`item ${orderItemId} did not finish; last state: ${JSON.stringify(state)}`);
}
