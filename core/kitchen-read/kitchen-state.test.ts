import { Client } from 'pg';
import type { Db } from '../../db/client';
import { createTestTenant, requireTestEnv, testPrisma, type TestTenant } from '../../test/support/db';
import { createKitchenActivities } from '../../activities/index';
import { createKitchenStateLoader, loadKitchenState, type KitchenState } from './kitchen-state';
import { FULL_READ_EVERY_MS, refreshMirror } from './kitchen-mirror';
import { createLearnedDurationsCache } from './learned-durations';
import { createStation, deleteTenants, materializedItem, pizzaRecipe } from '../../test/support/activity-fixtures';
import { closeRealtimeFirst, startRealtime, type RealtimeHarness } from '../../test/support/activity-realtime';

let rt: RealtimeHarness;
closeRealtimeFirst(() => rt);
const prisma: Db = testPrisma();
let tenant: TestTenant;
let acts: ReturnType<typeof createKitchenActivities>;
const now = new Date('2026-11-20T12:00:00Z');

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  await createStation(prisma, tenant.id, { capacity: 2, taskTypes: ['banco', 'forno'] });
  rt = await startRealtime(prisma, tenant);
  // Only the transitions' writes: an ETA run they asked for would write rows between a test's two reads.
  acts = createKitchenActivities({ prisma, events: rt.publisher, clock: () => now, etaAfterTransitions: false });
});

afterAll(async () => {
  if (tenant) await deleteTenants(prisma, [tenant.id]);
  await prisma.$disconnect(); // again: the cleanup above may run after the helper's own disconnect
});

const byId = <T extends { id: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
/** The kitchen as the simulation gets it, in id order: what must not depend on how the state was read. */
const tasksOf = (state: KitchenState) => ({ tasks: byId(state.tasks), items: byId(state.items.values()), orders: byId(state.orders.values()) });
const wholeRead = async () => tasksOf(await loadKitchenState(prisma, tenant.id, now.getTime()));
const setPriority = (taskId: string, priority: number) => prisma.$executeRaw`UPDATE task_instances SET priority = ${priority} WHERE id = ${taskId}::uuid`;

describe('kitchen state loader (the open kitchen read by what changed since the last read)', () => {
  it('follows transitions, new tasks, items and orders, and closed ones, exactly like a whole read', async () => {
    const loader = createKitchenStateLoader();
    const read = async () => tasksOf(await loader.load(prisma, tenant.id, now.getTime()));
    const pizza = await materializedItem(prisma, acts, tenant.id, pizzaRecipe);
    const first = await read();
    expect(first.items.map((i) => i.id)).toContain(pizza.item.id);
    expect(first).toEqual(await wholeRead());

    await acts.enqueueTask(pizza.ref(0));
    await acts.startTask({ ...pizza.ref(0), userId: null });
    const started = await read();
    expect(started.tasks.find((t) => t.id === pizza.plan.tasks[0].id)).toMatchObject({ status: 'IN_PROGRESS', startedAt: expect.any(Number) });
    expect(started).toEqual(await wholeRead());

    // A second item appears; the first one's first task closes and leaves.
    const second = await materializedItem(prisma, acts, tenant.id, pizzaRecipe);
    for (const subtask of pizza.plan.tasks[0].subtasks) await acts.completeSubtask({ ...pizza.ref(0), subtaskId: subtask.id });
    await acts.completeTask({ ...pizza.ref(0), userId: null });
    const after = await read();
    expect(after.tasks.map((t) => t.id)).not.toContain(pizza.plan.tasks[0].id);
    expect(after.tasks.map((t) => t.id)).toEqual(expect.arrayContaining(second.plan.tasks.map((t) => t.id)));
    expect(after).toEqual(await wholeRead());

    // Any writer is seen, not only the activities: plain UPDATEs are stamped too.
    await setPriority(second.plan.tasks[2].id, 2);
    await prisma.$executeRaw`UPDATE orders SET priority = 1, estimated_ready_at = ${new Date(now.getTime() + 600_000)} WHERE id = ${second.order.id}::uuid`;
    await prisma.$executeRaw`UPDATE order_items SET is_late = true WHERE id = ${second.item.id}::uuid`;
    const changed = await read();
    expect(changed.tasks.find((t) => t.id === second.plan.tasks[2].id)?.priority).toBe(2);
    expect(changed.orders.find((o) => o.id === second.order.id)).toMatchObject({ priority: 1, estimatedReadyAt: now.getTime() + 600_000 });
    expect(changed.items.find((i) => i.id === second.item.id)?.isLate).toBe(true);
    expect(changed).toEqual(await wholeRead());

    // The order's promise ranks its tasks in the station queues: set after they were built, it reaches them.
    await prisma.$executeRaw`UPDATE orders SET initial_estimated_ready_at = ${new Date(now.getTime() + 900_000)} WHERE id = ${second.order.id}::uuid`;
    const promised = await read();
    expect(promised.tasks.filter((t) => t.orderId === second.order.id).map((t) => t.promiseAt)).toEqual(second.plan.tasks.map(() => now.getTime() + 900_000));
    expect(promised).toEqual(await wholeRead());

    // The first order is handed over: its item and its open tasks are no longer the kitchen's work.
    await prisma.order.update({ where: { id: pizza.order.id }, data: { status: 'DELIVERED' } });
    const closed = await read();
    expect(closed.orders.map((o) => o.id)).not.toContain(pizza.order.id);
    expect(closed.items.map((i) => i.id)).not.toContain(pizza.item.id);
    expect(closed.tasks.filter((t) => t.orderItemId === pizza.item.id)).toEqual([]);
    expect(closed).toEqual(await wholeRead());
    await prisma.order.update({ where: { id: second.order.id }, data: { status: 'DELIVERED' } });
  });

  it('reads a write committed after a later one: a transaction open across a read is read once it commits', async () => {
    const loader = createKitchenStateLoader();
    const read = async () => tasksOf(await loader.load(prisma, tenant.id, now.getTime()));
    const item = await materializedItem(prisma, acts, tenant.id, pizzaRecipe);
    const [slow, fast] = [item.plan.tasks[1].id, item.plan.tasks[2].id];
    const priorityOf = (state: Awaited<ReturnType<typeof read>>, id: string) => state.tasks.find((t) => t.id === id)?.priority;
    await read();

    const early = new Client({ connectionString: requireTestEnv('DATABASE_URL') });
    await early.connect();
    try {
      // The early transaction writes first (lower transaction id) but commits last.
      await early.query('BEGIN');
      await early.query('UPDATE task_instances SET priority = 1 WHERE id = $1', [slow]);
      await early.query('UPDATE order_items SET is_late = true WHERE id = $1', [item.item.id]);
      expect(priorityOf(await read(), slow)).toBe(0);

      await setPriority(fast, 2); // a later transaction, committed at once
      const between = await read();
      expect(priorityOf(between, fast)).toBe(2);
      expect(priorityOf(between, slow)).toBe(0);
      expect(between.items.find((i) => i.id === item.item.id)?.isLate).toBe(false);

      await early.query('COMMIT');
      const after = await read();
      expect(priorityOf(after, slow)).toBe(1);
      expect(after.items.find((i) => i.id === item.item.id)?.isLate).toBe(true);
      expect(after).toEqual(await wholeRead());
    } finally {
      await early.end();
      await prisma.order.update({ where: { id: item.order.id }, data: { status: 'DELIVERED' } });
    }
  });

  it('rebuilds a task the simulation gets when its learned average changes, and only then', async () => {
    const learned = createLearnedDurationsCache();
    const loader = createKitchenStateLoader(learned);
    const taskOf = async (id: string) => (await loader.load(prisma, tenant.id, now.getTime())).tasks.find((t) => t.id === id)!;
    const item = await materializedItem(prisma, acts, tenant.id, pizzaRecipe);
    const bake = item.plan.tasks[2].id;
    const before = await taskOf(bake);
    expect(before.durationMs).toBe(8 * 60_000);
    expect(await taskOf(bake)).toBe(before); // nothing changed: the same object

    const { workflowVersionId } = await prisma.orderItem.findUniqueOrThrow({ where: { id: item.item.id } });
    const { templateId } = await prisma.workflowTemplateVersion.findUniqueOrThrow({ where: { id: workflowVersionId! } });
    await prisma.taskDuration.createMany({
      data: [1, 2, 3].map((i) => ({
        tenantId: tenant.id,
        workflowTemplateId: templateId,
        taskDefId: 'bake',
        durationSeconds: 5 * 60,
        quantity: 1,
        recordedAt: new Date(now.getTime() - i * 60_000),
      })),
    });
    learned.forget(tenant.id, templateId); // as the worker does when it records a duration
    const after = await taskOf(bake);
    expect(after.durationMs).toBe(5 * 60_000);
    expect(tasksOf(await loader.load(prisma, tenant.id, now.getTime()))).toEqual(await wholeRead());
  });

  it('drops a deleted row at the next whole read, the one change a read of changed rows cannot see', async () => {
    const item = await materializedItem(prisma, acts, tenant.id, pizzaRecipe);
    const gone = item.plan.tasks[2].id;
    const { mirror } = await refreshMirror(prisma, tenant.id, undefined);
    expect(mirror.tasks.has(gone)).toBe(true);

    await prisma.subtaskInstance.deleteMany({ where: { taskInstanceId: gone } });
    await prisma.taskInstance.delete({ where: { id: gone } });
    const delta = await refreshMirror(prisma, tenant.id, mirror);
    expect(delta.mirror.tasks.has(gone)).toBe(true); // no row left to say so

    const due = await refreshMirror(prisma, tenant.id, { ...delta.mirror, fullReadAt: performance.now() - FULL_READ_EVERY_MS });
    expect(due.mirror.tasks.has(gone)).toBe(false);
    expect(due.mirror.tasks.has(item.plan.tasks[1].id)).toBe(true);
    // The fixed parts it had are kept across the whole read: the same object, not read again.
    expect(due.mirror.tasks.get(item.plan.tasks[1].id)!.fixed).toBe(mirror.tasks.get(item.plan.tasks[1].id)!.fixed);
    await prisma.order.update({ where: { id: item.order.id }, data: { status: 'DELIVERED' } });
  });
});
