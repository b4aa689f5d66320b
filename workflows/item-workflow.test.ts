import { createKitchen, deleteKitchens, type Kitchen } from '../test/support/kitchen-fixture';
import { kitchenDriver } from '../test/support/kitchen-driver';
import { eventually, startKitchenHarness, type KitchenHarness } from '../test/support/kitchen-harness';
import { itemWorkflowId } from './item-workflow';
import { UNDO_START_PATCH } from './item/actions';

// Real Temporal dev server, real worker, real activities, real PostgreSQL. Urgent orders fire
// every item at once, so pacing does not make these tests wait.
jest.setTimeout(60_000);

let h: KitchenHarness;
const kitchens: Kitchen[] = [];

beforeAll(async () => {
  h = await startKitchenHarness('item-workflow-test');
});
afterAll(async () => {
  if (!h) return;
  await h.terminateLeftovers();
  await deleteKitchens(h.prisma, kitchens).finally(() => h.stop());
});

async function newKitchen(opts: { benchCapacity?: number } = {}) {
  const kitchen = await createKitchen(h.prisma, opts);
  kitchens.push(kitchen);
  return { kitchen, k: kitchenDriver(h, kitchen) };
}

describe('item workflow', () => {
  it('queues a task at a station only once all its dependencies are DONE', async () => {
    const { k } = await newKitchen();
    const {
      itemIds: [pizza],
    } = await k.order([{ dish: 'pizza' }], { priority: 2 });
    const first = await k.untilItem(pizza, (s) => s.tasks.some((t) => t.status === 'QUEUED'), 'dough queued');
    expect(first.tasks.map((t) => [t.defId, t.status])).toEqual([
      ['dough', 'QUEUED'],
      ['topping', 'PENDING'],
      ['bake', 'PENDING'],
    ]);

    await k.cook(pizza, 'dough');
    const afterDough = await k.rows(pizza);
    expect([afterDough.dough.status, afterDough.topping.status, afterDough.bake.status]).toEqual(['DONE', 'QUEUED', 'PENDING']);
    expect(afterDough.bake.stationId).toBeNull();

    await k.cook(pizza, 'topping');
    const bake = await k.task(pizza, 'bake');
    expect(bake.status).toBe('QUEUED');
    expect((await k.rows(pizza)).bake.stationId).toBe(bake.stationId);
  });

  it("takes an item's first start in one workflow task: deducted by a local activity, the order told without waiting", async () => {
    const { kitchen, k } = await newKitchen();
    const {
      orderId,
      itemIds: [pizza],
    } = await k.order([{ dish: 'pizza' }], { priority: 2 });
    const dough = await k.untilItem(pizza, (s) => s.tasks[0].status === 'QUEUED', 'dough queued').then((s) => s.tasks[0]);
    await k.ok(pizza, 'startTask', { taskId: dough.id });
    // Deducted before the answer, once, and the order turns PREPARING on the signal that follows.
    const movements = await h.prisma.inventoryMovement.findMany({ where: { tenantId: kitchen.tenantId } });
    expect(movements.map((m) => m.movementType)).toEqual(['order_deduction', 'order_deduction']);
    await k.untilOrder(orderId, (o) => o.status === 'PREPARING', 'order preparing');

    const { events } = await h.client.workflow.getHandle(itemWorkflowId(pizza)).fetchHistory();
    const scheduled = events!.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(scheduled).not.toContain('deductInventory');
    const markers = events!.flatMap((e) => e.markerRecordedEventAttributes?.markerName ?? []);
    expect(markers).toContain('core_patch');
  });

  it('asks for its own ETA once; every transition after that has its activity ask for the kitchen run', async () => {
    const { k } = await newKitchen();
    const {
      orderId,
      itemIds: [pizza],
    } = await k.order([{ dish: 'pizza' }, { dish: 'salad' }], { priority: 2 });
    await k.untilItem(pizza, (s) => s.eta !== null, 'pizza has a deadline');
    await k.cook(pizza, 'dough');
    const { completedAt } = (await k.rows(pizza)).dough;
    // The order's stored ETA is recomputed after the bump, by a run the completion itself asked for.
    const breakdown = await eventually(async () => {
      const order = await h.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
      const b = order.etaBreakdown as { computedAt: string; reason: string } | null;
      return b && Date.parse(b.computedAt) >= completedAt!.getTime() ? b : undefined;
    }, 'an ETA run after the dough was bumped');
    expect(breakdown.reason).toContain('task-completed');
    await k.cook(pizza, 'topping');
    await k.cook(pizza, 'bake');
    const run = h.client.workflow.getHandle(itemWorkflowId(pizza));
    expect(await run.result()).toMatchObject({ status: 'DONE' });
    const { events } = await run.fetchHistory();
    const scheduled = events!.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(scheduled.filter((name) => name === 'recalculateEta')).toHaveLength(1);
  });

  it('rejects completing a task that is not started or has open required subtasks, with a clear message and no change', async () => {
    const { k } = await newKitchen();
    const {
      itemIds: [pizza],
    } = await k.order([{ dish: 'pizza' }], { priority: 2 });
    const dough = await k.untilItem(pizza, (s) => s.tasks[0].status === 'QUEUED', 'dough queued').then((s) => s.tasks[0]);

    const notStarted = await k.kds(pizza, 'completeTask', { taskId: dough.id });
    expect(notStarted).toEqual(expect.objectContaining({ ok: false, code: 'CONFLICT' }));
    expect(!notStarted.ok && notStarted.message).toBe('Task "Stretch dough" cannot be completed: it is QUEUED, not IN_PROGRESS (start it first)');

    const topping = await k.task(pizza, 'topping');
    const pending = await k.kds(pizza, 'startTask', { taskId: topping.id });
    expect(!pending.ok && pending.message).toMatch(/"Top" cannot be started: it is not released to a station yet/);

    await k.ok(pizza, 'startTask', { taskId: dough.id });
    const openSubtask = await k.kds(pizza, 'completeTask', { taskId: dough.id });
    expect(openSubtask).toEqual(expect.objectContaining({ ok: false, code: 'CONFLICT' }));
    expect(!openSubtask.ok && openSubtask.message).toBe('Task "Stretch dough" cannot be completed: required subtasks still open: "Take a dough ball"');

    // Nothing moved: the workflow and the rows still show dough in progress and topping waiting.
    const state = await k.itemState(pizza);
    expect(state.tasks.map((t) => t.status)).toEqual(['IN_PROGRESS', 'PENDING', 'PENDING']);
    const rows = await k.rows(pizza);
    expect([rows.dough.status, rows.topping.status]).toEqual(['IN_PROGRESS', 'PENDING']);
    expect(await h.prisma.taskDuration.count({ where: { taskInstanceId: dough.id } })).toBe(0);

    const unknown = await k.kds(pizza, 'startTask', { taskId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toEqual(expect.objectContaining({ ok: false, code: 'NOT_FOUND' }));
  });

  it('recall undoes the last bump: the task is back in progress and its released dependent waits again', async () => {
    const { k } = await newKitchen();
    const {
      itemIds: [pizza],
    } = await k.order([{ dish: 'pizza' }], { priority: 2 });
    await k.cook(pizza, 'dough');
    expect((await k.task(pizza, 'topping')).status).toBe('QUEUED');

    const recalled = await k.ok(pizza, 'recallTask', {});
    expect(recalled).toEqual(expect.objectContaining({ defId: 'dough', status: 'IN_PROGRESS', completedAt: null }));
    const rows = await k.rows(pizza);
    expect([rows.dough.status, rows.topping.status, rows.topping.stationId]).toEqual(['IN_PROGRESS', 'PENDING', null]);
    expect(await h.prisma.taskDuration.count({ where: { taskInstanceId: rows.dough.id } })).toBe(0);

    // Bumping again releases topping again; once topping starts, dough can no longer be recalled.
    await k.ok(pizza, 'completeTask', { taskId: rows.dough.id });
    const topping = await k.untilItem(pizza, (s) => s.tasks[1].status === 'QUEUED', 'topping queued again').then((s) => s.tasks[1]);
    await k.ok(pizza, 'startTask', { taskId: topping.id });
    const tooLate = await k.kds(pizza, 'recallTask', { taskId: rows.dough.id });
    expect(!tooLate.ok && tooLate.message).toBe('Task "Stretch dough" cannot be recalled: "Top" (IN_PROGRESS) already started from it');
  });

  it('undoes a wrong start: the task waits in the queue again, nothing is timed from it, and the path is marked by its patch', async () => {
    const { k } = await newKitchen();
    const {
      orderId,
      itemIds: [pizza],
    } = await k.order([{ dish: 'pizza' }], { priority: 2 });
    const dough = await k.untilItem(pizza, (s) => s.tasks[0].status === 'QUEUED', 'dough queued').then((s) => s.tasks[0]);
    const queuedAt = (await k.rows(pizza)).dough.queuedAt;
    await k.ok(pizza, 'startTask', { taskId: dough.id });

    const undone = await k.ok(pizza, 'undoStartTask', { taskId: dough.id });
    expect(undone).toEqual(expect.objectContaining({ defId: 'dough', status: 'QUEUED', startedAt: null }));
    expect((await k.itemState(pizza)).tasks.map((t) => t.status)).toEqual(['QUEUED', 'PENDING', 'PENDING']);
    expect((await k.rows(pizza)).dough).toMatchObject({ status: 'QUEUED', startedAt: null, queuedAt });
    // The start already turned the order PREPARING; the undo leaves it so (the next start would anyway).
    await k.untilOrder(orderId, (o) => o.status === 'PREPARING', 'order preparing');

    const again = await k.kds(pizza, 'undoStartTask', { taskId: dough.id });
    expect(again).toEqual(expect.objectContaining({ ok: false, code: 'CONFLICT', type: 'INVALID_TRANSITION' }));
    expect(!again.ok && again.message).toBe('Task "Stretch dough" cannot be undone: it is QUEUED; only a task IN_PROGRESS can go back to the queue');
    const notStarted = await k.kds(pizza, 'completeTask', { taskId: dough.id });
    expect(!notStarted.ok && notStarted.message).toMatch(/it is QUEUED, not IN_PROGRESS \(start it first\)/);

    await k.cook(pizza, 'dough');
    const { startedAt, completedAt } = (await k.rows(pizza)).dough;
    const durations = await h.prisma.taskDuration.findMany({ where: { taskInstanceId: dough.id } });
    expect(durations.map((d) => d.durationSeconds)).toEqual([Math.max(0, Math.round((completedAt!.getTime() - startedAt!.getTime()) / 1000))]);

    const { events } = await h.client.workflow.getHandle(itemWorkflowId(pizza)).fetchHistory();
    const patches = events!.flatMap((e) => {
      const details = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return details ? [JSON.parse(Buffer.from(details).toString()).id] : [];
    });
    expect(patches).toContain(UNDO_START_PATCH);
  });

  it('reassigns only queued tasks and reports a full station as STATION_AT_CAPACITY', async () => {
    const { kitchen, k } = await newKitchen({ benchCapacity: 1 });
    const {
      itemIds: [a, b, c],
    } = await k.order([{ dish: 'pizza' }, { dish: 'pizza' }, { dish: 'pizza' }], { priority: 2 });
    const doughs = await Promise.all([a, b, c].map((id) => k.untilItem(id, (s) => s.tasks[0].status === 'QUEUED', 'dough queued').then((s) => s.tasks[0])));
    // Three doughs over two one-slot benches: one bench holds two of them.
    const onBench = doughs.filter((d) => d.stationId === kitchen.stations.bench);
    const crowded = onBench.length === 2 ? onBench : doughs.filter((d) => d.stationId === kitchen.stations.bench2);
    const [first, second] = crowded;
    const firstItem = [a, b, c][doughs.indexOf(first)];
    const secondItem = [a, b, c][doughs.indexOf(second)];
    await k.ok(firstItem, 'startTask', { taskId: first.id });
    const full = await k.kds(secondItem, 'startTask', { taskId: second.id });
    expect(full).toEqual(expect.objectContaining({ ok: false, code: 'CONFLICT', type: 'STATION_AT_CAPACITY' }));
    expect((await k.itemState(secondItem)).tasks[0].status).toBe('QUEUED');

    const notQueued = await k.kds(firstItem, 'reassignTask', { taskId: first.id, stationId: kitchen.stations.oven });
    expect(!notQueued.ok && notQueued.message).toMatch(/cannot be reassigned: it is IN_PROGRESS/);
    const unsuitable = await k.kds(secondItem, 'reassignTask', { taskId: second.id, stationId: kitchen.stations.oven });
    expect(unsuitable).toEqual(expect.objectContaining({ ok: false, code: 'CONFLICT', type: 'STATION_NOT_SUITABLE' }));
    const other = first.stationId === kitchen.stations.bench ? kitchen.stations.bench2 : kitchen.stations.bench;
    const moved = await k.ok(secondItem, 'reassignTask', { taskId: second.id, stationId: other });
    expect(moved.stationId).toBe(other);
    expect((await k.rows(secondItem)).dough.stationId).toBe(other);
  });

  it('applies a KDS action retried with the same update id once, answering the retry with the first result', async () => {
    const { k } = await newKitchen();
    const {
      itemIds: [salad],
    } = await k.order([{ dish: 'salad' }], { priority: 2 });
    const toss = await k.untilItem(salad, (s) => s.tasks[0]?.status === 'QUEUED', 'salad queued').then((s) => s.tasks[0]);
    const first = await k.kds(salad, 'startTask', { taskId: toss.id }, 'tablet-7-tap-1');
    const retry = await k.kds(salad, 'startTask', { taskId: toss.id }, 'tablet-7-tap-1');
    expect(first).toEqual(expect.objectContaining({ ok: true }));
    expect(retry).toEqual(first);
    const other = await k.kds(salad, 'startTask', { taskId: toss.id }, 'tablet-7-tap-2');
    expect(!other.ok && other.message).toMatch(/cannot be started: it is IN_PROGRESS/);
  });

  it('cancels a single item: its open tasks are cancelled and the order becomes READY with the rest', async () => {
    const { k } = await newKitchen();
    const {
      orderId,
      itemIds: [salad, coffee],
    } = await k.order([{ dish: 'salad' }, { dish: 'espresso' }], { priority: 2 });
    await k.untilItem(coffee, (s) => s.tasks[0]?.status === 'QUEUED', 'espresso queued');
    const cancelled = await k.ok(coffee, 'cancelItem', { reason: 'out of beans' });
    expect([cancelled.phase, cancelled.tasks[0].status]).toEqual(['CANCELLED', 'CANCELLED']);
    expect((await k.rows(coffee)).pull.status).toBe('CANCELLED');
    const again = await k.kds(coffee, 'cancelItem', { reason: 'twice' });
    expect(again).toEqual(expect.objectContaining({ ok: false, code: 'CONFLICT' }));

    await k.cook(salad, 'toss');
    await k.untilOrder(orderId, (s) => s.status === 'READY', 'order READY');
    const items = await h.prisma.orderItem.findMany({ where: { orderId } });
    expect(Object.fromEntries(items.map((i) => [i.id, i.status]))).toEqual({ [salad]: 'DONE', [coffee]: 'CANCELLED' });
  });

  it('marks an item late when its ETA passes unfinished, on a durable timer', async () => {
    const { k } = await newKitchen();
    const {
      orderId,
      itemIds: [coffee],
    } = await k.order([{ dish: 'espresso' }], { priority: 1 });
    const queued = await k.untilItem(coffee, (s) => s.tasks[0]?.status === 'QUEUED' && s.eta !== null, 'espresso queued with an ETA');
    expect(queued.late).toBe(false);
    // Nobody pulls the 6-second shot: its timer fires just after the ETA (plus the clock-skew grace).
    const late = await k.untilItem(coffee, (s) => s.late, 'the item to be marked late', 20_000);
    expect(late.tasks[0].status).toBe('QUEUED');
    expect(Date.parse(late.eta!)).toBeGreaterThan(Date.parse(queued.eta!));
    const item = await h.prisma.orderItem.findUniqueOrThrow({ where: { id: coffee } });
    expect(item.isLate).toBe(true);
    const order = await h.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.isLate).toBe(true);
    expect(order.priority).toBe(2);
  });
});
