import type { Db } from '../../db/client';
import { nextEvent, recordEvents } from '../../test/support/socket-clients';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { createKitchenActivities } from '../index';
import type { WorkflowDefinition } from '../../domain/recipe';
import { createStation, deleteTenants, materializedItem, singleTaskRecipe, unique } from '../../test/support/activity-fixtures';
import { closeRealtimeFirst, startRealtime, type RealtimeHarness } from '../../test/support/activity-realtime';

let rt: RealtimeHarness;
closeRealtimeFirst(() => rt);
const prisma: Db = testPrisma();
let tenant: TestTenant;
const now = new Date('2026-11-20T12:00:00Z');
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

describe('recall, reassign and cancel', () => {
  const twoSteps = (a: string, b: string): WorkflowDefinition => ({
    phases: [
      {
        id: 'p',
        name: 'P',
        order: 1,
        tasks: [
          { id: 'first', name: 'First', station_type: a, estimated_minutes: 2, depends_on: [], subtasks: [] },
          { id: 'second', name: 'Second', station_type: b, estimated_minutes: 4, depends_on: ['first'], subtasks: [] },
        ],
      },
    ],
  });

  it('recall reopens a completed task, forgets its duration and sends queued dependents back to waiting', async () => {
    const [a, b] = [unique('prep'), unique('grill')];
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [a] });
    const grill = await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [b] });
    const { ref } = await itemOf(twoSteps(a, b));
    await acts.enqueueTask(ref(0));
    await acts.startTask(ref(0));
    await acts.completeTask(ref(0));
    await acts.enqueueTask(ref(1));

    const leaving = nextEvent(rt.client, 'task:updated', (p) => p.taskId === ref(1).taskId && p.status === 'PENDING');
    await acts.recallTask({ ...ref(0), requeueDependents: [ref(1).taskId] });
    await acts.recallTask({ ...ref(0), requeueDependents: [ref(1).taskId] });

    await leaving;
    expect(await taskRow(ref(0).taskId)).toMatchObject({ status: 'IN_PROGRESS', completedAt: null });
    expect(await taskRow(ref(1).taskId)).toMatchObject({ status: 'PENDING', stationId: null });
    expect(await prisma.taskDuration.count({ where: { taskInstanceId: ref(0).taskId } })).toBe(0);
    expect(await prisma.taskInstance.count({ where: { stationId: grill.id, status: 'QUEUED' } })).toBe(0);
  });

  it('reassign moves a queued task to another suitable station only', async () => {
    const type = unique('wok');
    const first = await createStation(prisma, tenant.id, { name: unique('A'), capacity: 1, taskTypes: [type] });
    const second = await createStation(prisma, tenant.id, { name: unique('B'), capacity: 1, taskTypes: [type] });
    const wrong = await createStation(prisma, tenant.id, { capacity: 1, taskTypes: ['pastry'] });
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    await acts.enqueueTask(ref());
    await expect(acts.reassignTask({ ...ref(), stationId: wrong.id })).rejects.toMatchObject({ type: 'STATION_NOT_SUITABLE' });

    await rt.joinStation(second.id);
    const arrived = nextEvent(rt.client, 'task:updated', (p) => p.taskId === ref().taskId && p.stationId === second.id);
    expect(await acts.reassignTask({ ...ref(), stationId: second.id })).toEqual({ stationId: second.id });
    expect(await acts.reassignTask({ ...ref(), stationId: second.id })).toEqual({ stationId: second.id });
    await arrived;
    expect((await taskRow(ref().taskId)).stationId).toBe(second.id);
    expect(await prisma.taskInstance.count({ where: { stationId: first.id } })).toBe(0);
  });

  it('cancelling an item cancels its open tasks, keeps the done ones and frees the station', async () => {
    const [a, b] = [unique('prep'), unique('grill')];
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [a] });
    const grill = await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [b] });
    const { ref, item } = await itemOf(twoSteps(a, b));
    await acts.enqueueTask(ref(0));
    await acts.startTask(ref(0));
    await acts.completeTask(ref(0));
    await acts.enqueueTask(ref(1));
    const seen = recordEvents(rt.client);
    // station:load is announced a moment after the transition (coalesced per station).
    const freed = nextEvent(rt.client, 'station:load', (p) => p.stationId === grill.id && p.queueLength === 0);

    await acts.cancelItemTasks({ tenantId: tenant.id, orderItemId: item.id, reason: 'customer changed their mind' });
    await freed;
    await rt.flush();

    expect((await taskRow(ref(0).taskId)).status).toBe('DONE');
    expect((await taskRow(ref(1).taskId)).status).toBe('CANCELLED');
    expect(seen).toContainEqual({ event: 'task:updated', payload: expect.objectContaining({ taskId: ref(1).taskId, status: 'CANCELLED' }) });
    expect(seen).toContainEqual({ event: 'station:load', payload: expect.objectContaining({ stationId: grill.id, queueLength: 0 }) });
  });
});

describe('undo a start', () => {
  // The worker's clock stamps started_at and measures the window: moved on here instead of waiting.
  let at = now.getTime();
  const moved = () => createKitchenActivities({ prisma, events: rt.publisher, clock: () => new Date(at) });

  it('puts a task started moments ago back in the queue at its place, with no start time and no duration, and tells the station', async () => {
    const type = unique('prep');
    const station = await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const clocked = moved();
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    at = now.getTime();
    await clocked.enqueueTask(ref());
    const queued = await taskRow(ref().taskId);
    at += 2_000;
    await clocked.startTask(ref());
    await rt.joinStation(station.id);
    const back = nextEvent(rt.client, 'task:updated', (p) => p.taskId === ref().taskId && p.status === 'QUEUED' && p.stationId === station.id);

    at += 9_000;
    await clocked.undoStartTask(ref());
    await clocked.undoStartTask(ref()); // a retry after the first committed is success
    await back;
    expect(await taskRow(ref().taskId)).toMatchObject({
      status: 'QUEUED',
      startedAt: null,
      assignedToId: null,
      queuedAt: queued.queuedAt,
      stationId: station.id,
    });

    // Started again for real: the duration is measured from this start only.
    await clocked.startTask(ref());
    at += 60_000;
    await clocked.completeTask(ref());
    const durations = await prisma.taskDuration.findMany({ where: { taskInstanceId: ref().taskId } });
    expect(durations.map((d) => d.durationSeconds)).toEqual([60]);
  });

  it('refuses once the window has passed, saying how long the task has been running, and changes nothing', async () => {
    const type = unique('prep');
    await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
    const clocked = moved();
    const { ref } = await itemOf(singleTaskRecipe(type, 5));
    at = now.getTime();
    await clocked.enqueueTask(ref());
    await clocked.startTask(ref());
    at += 11_400;
    await expect(clocked.undoStartTask(ref())).rejects.toMatchObject({
      type: 'UNDO_WINDOW_PASSED',
      message: 'Task "Cook": too late to undo; the task has been running for 11 s',
    });
    expect(await taskRow(ref().taskId)).toMatchObject({ status: 'IN_PROGRESS', startedAt: now });
  });
});
