import { connectClient, nextEvent } from '../../test/support/socket-clients';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// Undo of a wrong Start over real HTTP → the item workflow's update → the activity → PostgreSQL,
// and its event to a real socket. The worker's clock (what stamps started_at and measures the
// 10 s window) is moved on by the test instead of sleeping.
jest.setTimeout(90_000);

let api: KitchenApi;
let skew = 0;
beforeAll(async () => {
  api = await startKitchenApi('kds-undo-test', { clock: () => new Date(Date.now() + skew) });
});
afterAll(() => api?.stop());
afterEach(() => {
  skew = 0;
});

const TASK = 'id status queuedAt startedAt';
const START = `mutation($id: ID!) { startTask(id: $id) { ${TASK} } }`;
const UNDO = `mutation($id: ID!) { undoStartTask(id: $id) { ${TASK} } }`;

async function queuedDough(k: TestKitchen) {
  const res = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id items { id } } }', {
    input: { channel: 'IN_STORE', items: [{ menuItemId: k.menu.pizza, quantity: 1 }] },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const order = res.data.createOrder;
  const dough = await until(async () => {
    const read = await api.gql(k.token.staff, `query($id: ID!) { order(id: $id) { status items { tasks { name station { id } ${TASK} } } } }`, {
      id: order.id,
    });
    const task = read.data?.order.items[0].tasks.find((t: any) => t.name === 'Stendi impasto');
    return task?.status === 'QUEUED' ? task : undefined;
  }, 'dough queued');
  return { orderId: order.id as string, dough };
}

async function ok(k: TestKitchen, query: string, id: string) {
  const res = await api.gql(k.token.staff, query, { id });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data!)[0] as any;
}

describe('undoStartTask', () => {
  it('puts a task started by mistake back in the queue at its place, announces it, records no duration and audits the undo', async () => {
    const k = await api.kitchen();
    const { dough } = await queuedDough(k);
    const kds = await connectClient(api.url, k.token.staff);
    try {
      const ack = await kds.timeout(5_000).emitWithAck('join_station', { stationId: dough.station.id });
      expect(ack.ok).toBe(true);
      expect((await ok(k, START, dough.id)).status).toBe('IN_PROGRESS');
      const back = nextEvent(kds, 'task:updated', (p) => p.taskId === dough.id && p.status === 'QUEUED' && p.stationId === dough.station.id, 10_000);
      skew = 9_000;

      const undone = await ok(k, UNDO, dough.id);
      expect(undone).toEqual({ id: dough.id, status: 'QUEUED', queuedAt: dough.queuedAt, startedAt: null });
      await back;
    } finally {
      kds.close();
    }
    const row = await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: dough.id } });
    expect(row).toMatchObject({ status: 'QUEUED', startedAt: null, assignedToId: null });
    expect(await api.prisma.taskDuration.count({ where: { taskInstanceId: dough.id } })).toBe(0);
    const audits = await api.prisma.auditLog.findMany({ where: { tenantId: k.tenant.id, action: 'task.undo-start', entityId: dough.id } });
    expect(audits).toHaveLength(1);

    // The queue shows it waiting again, first in line as before.
    const queue = await api.gql(k.token.staff, 'query($id: ID!) { stationQueue(stationId: $id) { tasks { id status startedAt } } }', { id: dough.station.id });
    expect(queue.data.stationQueue.tasks).toEqual([{ id: dough.id, status: 'QUEUED', startedAt: null }]);
  });

  it('refuses after 10 s by the server clock, saying how long the task has run, and leaves it in progress', async () => {
    const k = await api.kitchen();
    const { dough } = await queuedDough(k);
    const started = await ok(k, START, dough.id);
    skew = 12_500;
    const res = await api.gql(k.token.staff, UNDO, { id: dough.id });
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].message).toMatch(/^Task "Stendi impasto": too late to undo; the task has been running for 1[23] s$/);
    const row = await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: dough.id } });
    expect(row).toMatchObject({ status: 'IN_PROGRESS' });
    expect(row.startedAt?.toISOString()).toBe(started.startedAt);
  });

  it('refuses a task that is not in progress, and a user who may not start tasks', async () => {
    const k = await api.kitchen();
    const { dough } = await queuedDough(k);
    const queued = await api.gql(k.token.staff, UNDO, { id: dough.id });
    expect(queued.errors?.[0]).toMatchObject({
      message: 'Task "Stendi impasto" cannot be undone: it is QUEUED; only a task IN_PROGRESS can go back to the queue',
      extensions: { code: 'CONFLICT' },
    });
    await ok(k, START, dough.id);
    const operator = await api.gql(k.token.operator, UNDO, { id: dough.id });
    expect(operator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.prisma.taskInstance.findUniqueOrThrow({ where: { id: dough.id } })).status).toBe('IN_PROGRESS');
  });
});
