import { Client } from 'pg';
import type { Db } from '../../db/client';
import { nextEvent, recordEvents } from '../../test/support/socket-clients';
import { createTestTenant, requireTestEnv, TEST_POOL_SIZE, testPrisma, type TestTenant } from '../../test/support/db';
import { createEventPublisher } from '../../events/event-publisher';
import { createKitchenActivities } from '../index';
import type { WorkflowDefinition } from '../../domain/recipe';
import { createStation, deleteTenants, materializedItem, singleTaskRecipe, unique } from '../../test/support/activity-fixtures';
import { createLearnedDurationsCache } from '../../core/kitchen-read/learned-durations';
import { announceStationLoad, STATION_LOAD_SPACING_MS } from '../../core/kitchen/station-load';
import { closeRealtimeFirst, startRealtime, type RealtimeHarness } from '../../test/support/activity-realtime';
import { setTimeout as sleep } from 'node:timers/promises';

let rt: RealtimeHarness;
closeRealtimeFirst(() => rt);
const prisma: Db = testPrisma();
let tenant: TestTenant;
let now = new Date('2026-11-20T12:00:00Z');
let acts: ReturnType<typeof createKitchenActivities>;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  rt = await startRealtime(prisma, tenant);
  acts = createKitchenActivities({ prisma, events: rt.publisher, clock: () => now });
});

afterAll(async () => {
  if (tenant) await deleteTenants(prisma, [tenant.id]);
  await prisma.$disconnect(); // again: the cleanup above may run after the helper's own disconnect
});

const itemOf = (definition: WorkflowDefinition, quantity = 1) => materializedItem(prisma, acts, tenant.id, definition, quantity);
const taskRow = (id: string) => prisma.taskInstance.findUniqueOrThrow({ where: { id } });

/**
 * Makes concurrent transitions really overlap: the task rows are locked (from a connection of
 * the test's own) while `fire` sends its calls, so each call stops at its task row, with its
 * decision (which station, is a slot free) already taken unless a lock serialises it. Once
 * `waiting` backends wait on locks, the rows are released and all of them resume at once.
 * Without the transitions' own locks every call would then act on the same stale view.
 */
async function overlapping<T>(taskIds: string[], waiting: number, fire: () => Promise<T>): Promise<T> {
  const locker = new Client({ connectionString: requireTestEnv('DATABASE_URL') });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM task_instances WHERE id = ANY($1::uuid[]) FOR UPDATE', [taskIds]);
    const fired = fire();
    fired.catch(() => undefined); // awaited below, after the release
    for (const until = Date.now() + 5_000; Date.now() < until; await sleep(10)) {
      const { rows } = await locker.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (rows[0].n >= waiting) break;
    }
    await locker.query('COMMIT');
    return await fired;
  } finally {
    await locker.end();
  }
}

describe('enqueueTask', () => {
  it('queues at the least-loaded active station handling the type (case-insensitive), ties by name, and announces it', async () => {
    const type = unique('grill');
    const busy = await createStation(prisma, tenant.id, { name: unique('A busy'), capacity: 1, taskTypes: [type.toUpperCase()] });
    const big = await createStation(prisma, tenant.id, { name: unique('B big'), capacity: 3, taskTypes: ['prep', type] });
    const tied = await createStation(prisma, tenant.id, { name: unique('C tied'), capacity: 3, taskTypes: [type] });
    await createStation(prisma, tenant.id, { name: unique('D off'), capacity: 9, taskTypes: [type], isActive: false });
    await createStation(prisma, tenant.id, { name: unique('E other'), capacity: 9, taskTypes: ['fryer'] });

    const first = await itemOf(singleTaskRecipe(type, 5));
    // Empty stations tie at 0 load: the name decides.
    expect(await acts.enqueueTask(first.ref())).toEqual({ stationId: busy.id });
    const second = await itemOf(singleTaskRecipe(type, 5));
    const queued = nextEvent(rt.client, 'task:updated', (p) => p.taskId === second.plan.tasks[0].id && p.status === 'QUEUED');
    const load = nextEvent(rt.client, 'station:load', (p) => p.stationId === big.id);
    // busy is now at 1/1; big and tied are at 0/3: big wins on name.
    expect(await acts.enqueueTask(second.ref())).toEqual({ stationId: big.id });
    expect(await queued).toMatchObject({ stationId: big.id, orderId: second.order.id, orderItemId: second.item.id });
    expect(await load).toEqual({ stationId: big.id, queueLength: 1, inProgress: 0, capacity: 3, loadPercent: 33 });
    const third = await itemOf(singleTaskRecipe(type, 5));
    expect(await acts.enqueueTask(third.ref())).toEqual({ stationId: tied.id });
  });

  it('spreads tasks released at the same moment over the stations instead of piling them on one', async () => {
    const type = unique('bench');
    const stations = await Promise.all([1, 2, 3].map(() => createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] })));
    // Nine at once: without the per-type lock, the calls that overlap read the same loads and pile up on one station.
    const items = await Promise.all(Array.from({ length: 9 }, () => itemOf(singleTaskRecipe(type, 5))));
    const chosen = await overlapping(
      items.map((i) => i.ref().taskId),
      TEST_POOL_SIZE,
      () => Promise.all(items.map((i) => acts.enqueueTask(i.ref()))),
    );
    const counts = stations.map((st) => chosen.filter((c) => c.stationId === st.id).length);
    expect(counts).toEqual([3, 3, 3]);
  });

  it('is idempotent: a retry returns the same station and queues nothing twice', async () => {
    const type = unique('wok');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    const first = await acts.enqueueTask(ref());
    expect(await acts.enqueueTask(ref())).toEqual(first);
    expect(await taskRow(ref().taskId)).toMatchObject({ status: 'QUEUED', stationId: first.stationId });
  });

  it('announces a queued, started and completed task once each, however often a retry repeats the step', async () => {
    const type = unique('grill');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    const seen = recordEvents(rt.client);
    for (let i = 0; i < 2; i++) await acts.enqueueTask(ref());
    for (let i = 0; i < 2; i++) await acts.startTask(ref());
    for (let i = 0; i < 2; i++) await acts.completeTask(ref());
    await rt.flush();
    const mine = seen.filter((e) => (e.payload as { taskId?: string }).taskId === ref().taskId);
    expect(mine.map((e) => `${e.event} ${(e.payload as { status?: string }).status ?? ''}`.trim())).toEqual([
      'task:updated QUEUED',
      'task:updated IN_PROGRESS',
      'task:updated DONE',
      'task:completed',
    ]);
  });

  it('passes over a station whose shifts leave it with nobody on now, unless no station of the type is staffed', async () => {
    const type = unique('grill');
    const HOUR = 3_600_000;
    const shift = (stationId: string, userId: string, from: number, to: number, extra: { clockedOutAt?: Date } = {}) =>
      prisma.shift.create({
        data: { tenantId: tenant.id, userId, stationId, startsAt: new Date(now.getTime() + from), endsAt: new Date(now.getTime() + to), ...extra },
      });
    // "A empty" would win on load and name, but its cook left early; "B busy" has someone on.
    const empty = await createStation(prisma, tenant.id, { name: unique('A empty'), capacity: 2, taskTypes: [type] });
    const busy = await createStation(prisma, tenant.id, { name: unique('B busy'), capacity: 2, taskTypes: [type] });
    await shift(empty.id, tenant.users.STAFF.id, -2 * HOUR, 2 * HOUR, { clockedOutAt: new Date(now.getTime() - 60_000) });
    await shift(busy.id, tenant.users.MANAGER.id, -HOUR, HOUR);
    const first = await itemOf(singleTaskRecipe(type, 5));
    expect(await acts.enqueueTask(first.ref())).toEqual({ stationId: busy.id });
    const second = await itemOf(singleTaskRecipe(type, 5));
    expect(await acts.enqueueTask(second.ref())).toEqual({ stationId: busy.id });

    // Nobody is on at either: the load decides again, and the task waits there for the next shift.
    await prisma.shift.updateMany({ where: { stationId: busy.id }, data: { endsAt: new Date(now.getTime() - 60_000) } });
    const third = await itemOf(singleTaskRecipe(type, 5));
    expect(await acts.enqueueTask(third.ref())).toEqual({ stationId: empty.id });
  });

  it('refuses a task no active station can make, naming the station type, and stores and announces it as BLOCKED', async () => {
    const type = unique('smoker');
    const smoker = await createStation(prisma, tenant.id, { taskTypes: [type], isActive: false });
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    const announced = nextEvent(rt.client, 'task:updated', (p) => p.taskId === ref().taskId);
    await expect(acts.enqueueTask(ref())).rejects.toMatchObject({
      type: 'STATION_NOT_SUITABLE',
      nonRetryable: true,
      message: expect.stringContaining(type),
    });
    expect(await taskRow(ref().taskId)).toMatchObject({ status: 'BLOCKED', stationId: null });
    expect(await announced).toMatchObject({ status: 'BLOCKED', stationId: null });
    // Once a station can take it, the next offer queues it there.
    await prisma.station.update({ where: { id: smoker.id }, data: { isActive: true } });
    expect(await acts.enqueueTask(ref())).toEqual({ stationId: smoker.id });
    expect(await taskRow(ref().taskId)).toMatchObject({ status: 'QUEUED', stationId: smoker.id });
  });
});

describe('station:load', () => {
  it('is announced after a burst of transitions with the final load, and a burst shares its announcements', async () => {
    const type = unique('fryer');
    const station = await createStation(prisma, tenant.id, { capacity: 9, taskTypes: [type] });
    const items = await Promise.all([1, 2, 3, 4, 5, 6].map(() => itemOf(singleTaskRecipe(type, 5))));
    const final = nextEvent(rt.client, 'station:load', (p) => p.stationId === station.id && p.queueLength === 6);
    await Promise.all(items.map((i) => acts.enqueueTask(i.ref())));
    expect(await final).toMatchObject({ queueLength: 6, inProgress: 0, capacity: 9 });

    // A station nothing else announces: six asks at once, the first is computed at once, the
    // other five share the next one.
    const quiet = await createStation(prisma, tenant.id, { capacity: 2, taskTypes: [unique('pass')] });
    const loads: number[] = [];
    const listener = (p: { stationId: string; queueLength: number }) => void (p.stationId === quiet.id && loads.push(p.queueLength));
    rt.client.on('station:load', listener);
    try {
      const deps = { prisma, events: rt.publisher, clock: () => now, learned: createLearnedDurationsCache() };
      for (let i = 0; i < 6; i++) announceStationLoad(deps, tenant.id, [quiet.id]);
      for (const until = Date.now() + 10_000; loads.length < 2 && Date.now() < until;) await sleep(20);
      await sleep(3 * STATION_LOAD_SPACING_MS); // and no third one
      expect(loads).toEqual([0, 0]);
    } finally {
      rt.client.off('station:load', listener);
    }
  });

  it('is still published when its process stops while an announcement waits for its turn', async () => {
    const quiet = await createStation(prisma, tenant.id, { capacity: 2, taskTypes: [unique('pass')] });
    const loads: number[] = [];
    const listener = (p: { stationId: string; queueLength: number }) => void (p.stationId === quiet.id && loads.push(p.queueLength));
    rt.client.on('station:load', listener);
    const publisher = createEventPublisher({ databaseUrl: requireTestEnv('DATABASE_URL') });
    try {
      const deps = { prisma, events: publisher, clock: () => now, learned: createLearnedDurationsCache() };
      announceStationLoad(deps, tenant.id, [quiet.id]); // at once
      announceStationLoad(deps, tenant.id, [quiet.id]); // STATION_LOAD_SPACING_MS later
      await publisher.close();
      for (const until = Date.now() + 10_000; loads.length < 2 && Date.now() < until;) await sleep(20);
      expect(loads).toEqual([0, 0]);
    } finally {
      rt.client.off('station:load', listener);
    }
  });
});

describe('startTask', () => {
  it('refuses a start beyond the station capacity and changes nothing', async () => {
    const type = unique('oven');
    const oven = await createStation(prisma, tenant.id, { name: unique('Oven'), capacity: 1, taskTypes: [type] });
    const a = await itemOf(singleTaskRecipe(type, 5));
    const b = await itemOf(singleTaskRecipe(type, 5));
    await acts.enqueueTask(a.ref());
    await acts.enqueueTask(b.ref());
    await acts.startTask(a.ref());
    const before = await taskRow(b.ref().taskId);

    const refused = acts.startTask(b.ref());
    await expect(refused).rejects.toMatchObject({ type: 'STATION_AT_CAPACITY', nonRetryable: true });
    await expect(refused).rejects.toThrow(`${oven.name}`);
    await expect(refused).rejects.toThrow('1 of 1');
    expect(await taskRow(b.ref().taskId)).toEqual(before);
  });

  it('lets exactly one of six simultaneous starts take the last slot', async () => {
    const type = unique('grill');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const items = await Promise.all(Array.from({ length: 6 }, () => itemOf(singleTaskRecipe(type, 5))));
    for (const i of items) await acts.enqueueTask(i.ref());
    const results = await overlapping(
      items.map((i) => i.ref().taskId),
      TEST_POOL_SIZE,
      () => Promise.allSettled(items.map((i) => acts.startTask(i.ref()))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r).toMatchObject({ reason: { type: 'STATION_AT_CAPACITY' } });
    const started = await prisma.taskInstance.count({ where: { id: { in: items.map((i) => i.ref().taskId) }, status: 'IN_PROGRESS' } });
    expect(started).toBe(1);
  });

  it('treats a retried start as success with the first start time, and refuses a task not queued', async () => {
    const type = unique('fryer');
    await createStation(prisma, tenant.id, { capacity: 2, taskTypes: [type] });
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    await expect(acts.startTask(ref())).rejects.toMatchObject({ type: 'INVALID_TRANSITION' });
    await acts.enqueueTask(ref());
    const first = await acts.startTask(ref());
    now = new Date(now.getTime() + 1000);
    expect(await acts.startTask(ref())).toEqual(first);
  });
});

describe('completeTask', () => {
  it('needs the required subtasks, then records one duration even when called twice', async () => {
    const type = unique('bench');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const { ref, plan, order } = await itemOf(
      singleTaskRecipe(type, 5, [
        { id: 'weigh', optional: false },
        { id: 'garnish', optional: true },
      ]),
    );
    await acts.enqueueTask(ref());
    await acts.startTask(ref());
    await expect(acts.completeTask(ref())).rejects.toMatchObject({ type: 'INVALID_TRANSITION', message: expect.stringContaining('subtask') });
    expect((await taskRow(ref().taskId)).status).toBe('IN_PROGRESS');

    const required = plan.tasks[0].subtasks.find((s) => !s.optional)!;
    await acts.completeSubtask({ ...ref(), subtaskId: required.id });
    await acts.completeSubtask({ ...ref(), subtaskId: required.id });
    now = new Date(now.getTime() + 7 * 60_000);
    const completed = nextEvent(rt.client, 'task:completed', (p) => p.taskId === ref().taskId);
    const first = await acts.completeTask({ ...ref(), userId: null });
    now = new Date(now.getTime() + 60_000);
    expect(await acts.completeTask(ref())).toEqual(first);

    expect(await completed).toMatchObject({ orderId: order.id });
    const durations = await prisma.taskDuration.findMany({ where: { taskInstanceId: ref().taskId } });
    expect(durations).toHaveLength(1);
    expect(durations[0]).toMatchObject({ durationSeconds: 7 * 60, taskDefId: 'cook', quantity: 1 });
    // Learned durations are looked up by recipe template and station.
    const item = await prisma.orderItem.findFirstOrThrow({ where: { id: ref().orderItemId }, include: { workflowVersion: true } });
    expect(durations[0].workflowTemplateId).toBe(item.workflowVersion!.templateId);
    expect(durations[0].stationId).toBe((await taskRow(ref().taskId)).stationId);
  });

  it('refuses to complete a task that was never started', async () => {
    const type = unique('pass');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    await acts.enqueueTask(ref());
    await expect(acts.completeTask(ref())).rejects.toMatchObject({ type: 'INVALID_TRANSITION' });
    expect(await prisma.taskDuration.count({ where: { taskInstanceId: ref().taskId } })).toBe(0);
  });
});

describe('completeSubtask', () => {
  it("ticks once (a retry announces again), refuses once the task is done, and knows only its own task's subtasks", async () => {
    const type = unique('garde');
    await createStation(prisma, tenant.id, { capacity: 2, taskTypes: [type] });
    const { ref, plan } = await itemOf(singleTaskRecipe(type, 2, [{ id: 'dress', optional: true }]));
    const other = await itemOf(singleTaskRecipe(type, 2, [{ id: 'dress', optional: true }]));
    await acts.enqueueTask(ref());
    await acts.startTask(ref());
    const dress = plan.tasks[0].subtasks[0];
    const subRow = () => prisma.subtaskInstance.findUniqueOrThrow({ where: { id: dress.id } });

    await acts.completeSubtask({ ...ref(), subtaskId: dress.id });
    const first = await subRow();
    expect(first).toMatchObject({ isCompleted: true, completedById: ref().userId });
    now = new Date(now.getTime() + 60_000);
    // The queue and start announcements are sent without waiting: let them arrive before listening for the retry's.
    await rt.flush();
    const again = nextEvent(rt.client, 'task:updated', (p) => p.taskId === ref().taskId);
    await acts.completeSubtask({ ...ref(), subtaskId: dress.id });
    expect(await again).toMatchObject({ status: 'IN_PROGRESS' });
    expect((await subRow()).completedAt).toEqual(first.completedAt);

    const foreign = other.plan.tasks[0].subtasks[0].id;
    await expect(acts.completeSubtask({ ...ref(), subtaskId: foreign })).rejects.toMatchObject({ type: 'TASK_NOT_FOUND' });
    expect((await prisma.subtaskInstance.findUniqueOrThrow({ where: { id: foreign } })).isCompleted).toBe(false);

    const late = await itemOf(singleTaskRecipe(type, 2, [{ id: 'dress', optional: true }]));
    await acts.enqueueTask(late.ref());
    await acts.startTask(late.ref());
    await acts.completeTask(late.ref());
    const lateSub = late.plan.tasks[0].subtasks[0].id;
    await expect(acts.completeSubtask({ ...late.ref(), subtaskId: lateSub })).rejects.toMatchObject({ type: 'INVALID_TRANSITION' });
    expect((await prisma.subtaskInstance.findUniqueOrThrow({ where: { id: lateSub } })).isCompleted).toBe(false);
  });
});
