import { randomUUID } from 'node:crypto';
import { connectClient, nextEvent } from '../../test/support/socket-clients';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// The real app over HTTP, the real Temporal dev server and a real worker, real PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('orders-api-test');
});
afterAll(() => api?.stop());

const TASKS = 'tasks { id name status station { id name } dependsOn { id } subtasks { id name optional completed } }';
const ORDER = `id orderNumber status priority channel customerName customerPhone notes requestedAt estimatedReadyAt isLate delayMinutes totalAmount createdAt
  items { id status quantity modifications notes estimatedReadyAt menuItem { id name } ${TASKS} }`;
const CREATE = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`;
const QUEUE = `query($id: ID!) { stationQueue(stationId: $id) { station { id name } loadPercent inProgress queued
  tasks { id status orderNumber label itemName quantity modifications notes allergens elapsedSeconds estimatedMinutes plannedStartAt priority downstream subtasks { id name optional completed } } } }`;

const pizza = (k: TestKitchen, extra: Record<string, unknown> = {}) => ({ menuItemId: k.menu.pizza, quantity: 1, ...extra });

async function create(k: TestKitchen, input: Record<string, unknown>) {
  const res = await api.gql(k.token.operator, CREATE, { input: { channel: 'PHONE', ...input } });
  if (res.errors) throw new Error(`createOrder failed: ${JSON.stringify(res.errors)}`);
  return res.data.createOrder;
}

async function queue(k: TestKitchen, stationId: string) {
  const res = await api.gql(k.token.staff, QUEUE, { id: stationId });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.stationQueue;
}

/** Waits until the station shows a ticket of this order with the given status. */
function untilQueued(k: TestKitchen, stationId: string, orderNumber: number, status = 'QUEUED') {
  return until(async () => {
    const q = await queue(k, stationId);
    return q.tasks.some((t: any) => t.orderNumber === orderNumber && t.status === status) ? q : undefined;
  }, `order #${orderNumber} ${status} at the station`);
}

describe('createOrder', () => {
  it('stores the order with price and recipe snapshots, announces it, and its first task appears in the station queue', async () => {
    const k = await api.kitchen();
    const board = await connectClient(api.url, k.token.staff);
    const announced = nextEvent(board, 'order:created', (p) => p.order.customerName === 'Anna Rossi', 10_000);
    const order = await create(k, {
      customerName: 'Anna Rossi',
      customerPhone: '+39 333 123-4567',
      notes: 'Citofono rotto',
      items: [pizza(k, { quantity: 2, modifications: 'senza basilico', notes: 'ben cotta' })],
    });
    expect(order).toMatchObject({ orderNumber: 1, status: 'NEW', priority: 0, channel: 'PHONE', customerPhone: '+393331234567', totalAmount: '17.00' });
    expect(order.items[0]).toMatchObject({
      quantity: 2,
      modifications: 'senza basilico',
      notes: 'ben cotta',
      menuItem: { id: k.menu.pizza, name: 'Margherita' },
    });
    const event = await announced.finally(() => board.close());
    expect(event.order).toMatchObject({ id: order.id, orderNumber: 1, channel: 'PHONE', items: [{ id: order.items[0].id, name: 'Margherita', quantity: 2 }] });

    const stored = await api.prisma.orderItem.findFirstOrThrow({
      where: { orderId: order.id },
      include: { workflowVersion: true, menuItem: { include: { workflowTemplate: true } } },
    });
    expect(stored.unitPrice.toFixed(2)).toBe('8.50');
    expect(stored.nameSnapshot).toBe('Margherita');
    expect(stored.workflowVersion?.templateId).toBe(stored.menuItem.workflowTemplateId);
    expect(stored.workflowVersion?.version).toBe(stored.menuItem.workflowTemplate?.currentVersion);
    const audits = await api.prisma.auditLog.findMany({ where: { tenantId: k.tenant.id, action: 'order.create', entityId: order.id } });
    expect(audits).toHaveLength(1);
    const operator = await api.prisma.user.findFirstOrThrow({ where: { tenantId: k.tenant.id, role: 'OPERATOR' } });
    expect(audits[0]).toMatchObject({ userId: operator.id, entityType: 'Order' });
    expect(audits[0].details).toEqual({
      orderNumber: 1,
      channel: 'PHONE',
      totalAmount: '17.00',
      idempotencyKey: null,
      items: [{ menuItemId: k.menu.pizza, quantity: 2, workflowVersionId: stored.workflowVersionId }],
    });

    const q = await untilQueued(k, k.station.bench, 1);
    const ticket = q.tasks.find((t: any) => t.orderNumber === 1);
    expect(ticket).toMatchObject({
      status: 'QUEUED',
      label: 'Margherita × 2',
      itemName: 'Margherita',
      quantity: 2,
      modifications: 'senza basilico',
      notes: 'ben cotta',
      allergens: ['gluten', 'lactose'],
      downstream: ['Condisci'],
      priority: 0,
    });
    expect(ticket.estimatedMinutes).toBeGreaterThan(3); // scaled for two pizzas
    expect(ticket.subtasks.map((s: any) => [s.name, s.optional, s.completed]).sort()).toEqual([
      ['Infarina il banco', true, false],
      ['Prendi la pallina', false, false],
    ]);
    expect(q).toMatchObject({ station: { id: k.station.bench, name: 'Banco' }, queued: 1, inProgress: 0, loadPercent: 50 });

    const read = await api.gql(k.token.staff, `query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: order.id });
    const tasks = read.data.order.items[0].tasks;
    expect(tasks.map((t: any) => t.name)).toEqual(['Stendi impasto', 'Condisci', 'Inforna']);
    expect(tasks[1].dependsOn).toEqual([{ id: tasks[0].id }]);
    expect(tasks[0]).toMatchObject({ status: 'QUEUED', station: { id: k.station.bench } });
  });

  it('puts an urgent order ahead of waiting work, and work in progress ahead of both', async () => {
    const k = await api.kitchen();
    await api.prisma.station.update({ where: { id: k.station.bench2 }, data: { isActive: false } }); // one bench only
    const normal = await create(k, { items: [pizza(k)] });
    await untilQueued(k, k.station.bench, normal.orderNumber);
    const urgent = await create(k, { priority: 2, items: [pizza(k)] });
    const q = await untilQueued(k, k.station.bench, urgent.orderNumber);
    expect(q.tasks.map((t: any) => [t.orderNumber, t.priority])).toEqual([
      [urgent.orderNumber, 2],
      [normal.orderNumber, 0],
    ]);

    const normalTask = q.tasks.find((t: any) => t.orderNumber === normal.orderNumber);
    const started = await api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { status } }', { id: normalTask.id });
    expect(started.data?.startTask.status).toBe('IN_PROGRESS');
    const after = await queue(k, k.station.bench);
    expect(after.tasks.map((t: any) => [t.orderNumber, t.status])).toEqual([
      [normal.orderNumber, 'IN_PROGRESS'],
      [urgent.orderNumber, 'QUEUED'],
    ]);
    expect(after).toMatchObject({ inProgress: 1, queued: 1, loadPercent: 100 });
  });

  it("ranks waiting work of the same priority by its order's promise, not by when it was planned", async () => {
    const k = await api.kitchen();
    await api.prisma.station.update({ where: { id: k.station.bench2 }, data: { isActive: false } }); // one bench only
    const first = await create(k, { items: [pizza(k)] });
    await untilQueued(k, k.station.bench, first.orderNumber);
    const second = await create(k, { items: [pizza(k)] });
    await untilQueued(k, k.station.bench, second.orderNumber);
    const promise = (id: string, minutes: number) =>
      api.prisma.order.update({ where: { id }, data: { initialEstimatedReadyAt: new Date(Date.now() + minutes * 60_000) } });
    // The second order was promised first (say a quick dish quoted while the first was big): its task goes first.
    await promise(first.id, 40);
    await promise(second.id, 20);
    expect((await queue(k, k.station.bench)).tasks.map((t: any) => t.orderNumber)).toEqual([second.orderNumber, first.orderNumber]);
    await promise(second.id, 60);
    expect((await queue(k, k.station.bench)).tasks.map((t: any) => t.orderNumber)).toEqual([first.orderNumber, second.orderNumber]);
  });

  it('returns the same order for a retried call with the same idempotency key, also when the retries race, and starts one workflow', async () => {
    const k = await api.kitchen();
    const input = { idempotencyKey: `phone-${randomUUID()}`, customerName: 'Bruno', items: [pizza(k)] };
    const [a, b] = await Promise.all([create(k, input), create(k, input)]);
    const c = await create(k, input);
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(1);
    const runs = await until(async () => {
      const found = [];
      for await (const run of api.h.client.workflow.list({ query: `WorkflowId = 'order-${a.id}'` })) found.push(run);
      return found.length > 0 ? found : undefined;
    }, 'the order workflow in visibility');
    expect(runs).toHaveLength(1);
  });

  it('rejects bad orders with BAD_USER_INPUT naming each item, and stores nothing', async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const secret = await api.prisma.menuItem.create({ data: { tenantId: other.tenant.id, name: 'Segreto della casa', price: 30 } });
    await api.prisma.menuItem.update({ where: { id: k.menu.salad }, data: { isAvailable: false, unavailableReason: 'Out of lettuce' } });
    const unpublished = await api.prisma.workflowTemplate.create({ data: { tenantId: k.tenant.id, name: 'Draft only', definition: {} } });
    const draft = await api.prisma.menuItem.create({ data: { tenantId: k.tenant.id, name: 'Calzone', price: 9, workflowTemplateId: unpublished.id } });
    const unknown = randomUUID();

    const reject = async (input: Record<string, unknown>) => {
      const res = await api.gql(k.token.operator, CREATE, { input: { channel: 'PHONE', ...input } });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      return res.errors![0].message;
    };
    expect(await reject({ items: [] })).toContain('an order needs at least one item');
    expect(await reject({ items: [pizza(k, { quantity: 0 })] })).toContain('"Margherita": quantity must be between 1 and 50, got 0');
    expect(await reject({ items: [pizza(k, { quantity: 51 })] })).toContain('"Margherita": quantity must be between 1 and 50, got 51');
    expect(await reject({ items: [pizza(k), { menuItemId: unknown, quantity: 1 }] })).toContain(`items.1.menuItemId: Menu item ${unknown} does not exist`);
    expect(await reject({ items: [{ menuItemId: k.menu.salad, quantity: 1 }] })).toContain('"Insalata" is unavailable (Out of lettuce)');
    expect(await reject({ items: [{ menuItemId: draft.id, quantity: 1 }] })).toContain('"Calzone" has no published recipe');
    const foreign = await reject({ items: [{ menuItemId: secret.id, quantity: 1 }] });
    expect(foreign).toContain(`Menu item ${secret.id} does not exist`);
    expect(foreign).not.toContain('Segreto');
    expect(await reject({ requestedAt: new Date(Date.now() - 60_000).toISOString(), items: [pizza(k)] })).toContain('requestedAt: must be in the future');

    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(0);
    expect((await api.prisma.tenant.findUniqueOrThrow({ where: { id: k.tenant.id } })).orderSeq).toBe(0);
  });

  it('is refused to a cook (orders:write)', async () => {
    const k = await api.kitchen();
    const res = await api.gql(k.token.staff, CREATE, { input: { channel: 'IN_STORE', items: [pizza(k)] } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
