import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// updateOrder / cancelOrder / orders over the real app, the real workflows and PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('order-lifecycle-test');
});
afterAll(() => api?.stop());

const ORDER = 'id orderNumber status priority notes cancelReason customerName customerPhone items { id status tasks { id name status station { id } } }';

async function place(k: TestKitchen, input: Record<string, unknown>) {
  const res = await api.gql(k.token.operator, `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`, {
    input: { channel: 'PHONE', ...input },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createOrder;
}

function tasksOf(orderId: string, ready: (tasks: Array<{ status: string; priority: number }>) => boolean, what: string) {
  return until(async () => {
    const tasks = await api.prisma.taskInstance.findMany({ where: { orderId } });
    return tasks.length > 0 && ready(tasks) ? tasks : undefined;
  }, what);
}

describe('order lifecycle', () => {
  it('cancelOrder cancels every open task at every station; a second cancel is a CONFLICT', async () => {
    const k = await api.kitchen();
    const order = await place(k, {
      priority: 2,
      items: [
        { menuItemId: k.menu.pizza, quantity: 1 },
        { menuItemId: k.menu.salad, quantity: 2 },
      ],
    });
    const queued = await tasksOf(order.id, (ts) => ts.filter((t) => t.status === 'QUEUED').length === 2, 'dough and salad queued');
    const dough = queued.find((t) => t.name === 'Stendi impasto')!;
    await api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id } }', { id: dough.id });

    const res = await api.gql(k.token.manager, `mutation($id: ID!, $r: String!) { cancelOrder(id: $id, reason: $r) { ${ORDER} } }`, {
      id: order.id,
      r: 'Customer hung up',
    });
    expect(res.errors).toBeUndefined();
    const cancelled = res.data.cancelOrder;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Customer hung up' });
    expect(cancelled.items.map((i: any) => i.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(cancelled.items.flatMap((i: any) => i.tasks.map((t: any) => t.status))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    for (const station of [k.station.bench, k.station.bench2, k.station.cold]) {
      const q = await api.gql(k.token.staff, 'query($id: ID!) { stationQueue(stationId: $id) { tasks { id } inProgress } }', { id: station });
      expect(q.data.stationQueue).toEqual({ tasks: [], inProgress: 0 });
    }
    expect(await api.prisma.auditLog.count({ where: { tenantId: k.tenant.id, action: 'order.cancel', entityId: order.id } })).toBe(1);

    const again = await api.gql(k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "twice") { id } }', { id: order.id });
    expect(again.errors?.[0]).toMatchObject({
      message: `Order #${order.orderNumber} is CANCELLED: it can no longer be cancelled`,
      extensions: { code: 'CONFLICT' },
    });

    // Refused by the order workflow (or by Temporal once it has finished), named by number, not by id.
    const raise = await api.gql(k.token.operator, 'mutation($id: ID!) { updateOrder(id: $id, input: { priority: 1 }) { id } }', { id: order.id });
    expect(raise.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(raise.errors?.[0].message).toMatch(
      new RegExp(`^Order #${order.orderNumber} (is CANCELLED: its priority can no longer change|is already finished in the kitchen)$`),
    );
  });

  it('updateOrder changes notes and raises the priority of the order and its open tasks through the workflow', async () => {
    const k = await api.kitchen();
    const order = await place(k, {
      items: [
        { menuItemId: k.menu.pizza, quantity: 1 },
        { menuItemId: k.menu.salad, quantity: 1 },
      ],
    });
    await tasksOf(order.id, (ts) => ts.length === 4, 'tasks materialised');
    const res = await api.gql(k.token.operator, `mutation($id: ID!) { updateOrder(id: $id, input: { priority: 2, notes: "Ring twice" }) { ${ORDER} } }`, {
      id: order.id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateOrder).toMatchObject({ priority: 2, notes: 'Ring twice' });
    const tasks = await api.prisma.taskInstance.findMany({ where: { orderId: order.id } });
    expect(tasks.map((t) => t.priority)).toEqual([2, 2, 2, 2]);
    // Urgent fires everything now: the salad, paced to finish with the pizza, is queued at once.
    await tasksOf(order.id, (ts) => ts.some((t: any) => t.name === 'Mescola insalata' && t.status === 'QUEUED'), 'salad fired by the raise');

    const bad = await api.gql(k.token.operator, 'mutation($id: ID!) { updateOrder(id: $id, input: { priority: 5 }) { id } }', { id: order.id });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds orders for a call-back by phone in any format, by name, status and day, with a total', async () => {
    const k = await api.kitchen();
    const anna = await place(k, { customerName: 'Anna Bianchi', customerPhone: '+39 347 555 0101', items: [{ menuItemId: k.menu.pizza, quantity: 1 }] });
    const marco = await place(k, { customerName: 'Marco Verdi', customerPhone: '02-555-0199', items: [{ menuItemId: k.menu.pizza, quantity: 1 }] });
    const list = (vars: Record<string, unknown>) =>
      api.gql(
        k.token.operator,
        'query($s: String, $st: [OrderStatus!], $d: String, $l: Int) { orders(search: $s, status: $st, date: $d, limit: $l) { id } orderCount(search: $s, status: $st, date: $d) }',
        vars,
      );
    const ids = async (vars: Record<string, unknown>) => (await list(vars)).data.orders.map((o: any) => o.id);

    expect(await ids({ s: '347 5550101' })).toEqual([anna.id]);
    expect(await ids({ s: 'verdi' })).toEqual([marco.id]);
    expect(await ids({})).toEqual([marco.id, anna.id]);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const page = await list({ d: day, st: ['NEW', 'PREPARING'], l: 1 });
    expect(page.data).toEqual({ orders: [{ id: marco.id }], orderCount: 2 });
    expect((await list({ st: ['DELIVERED'] })).data).toEqual({ orders: [], orderCount: 0 });
    expect((await list({ d: '2026-02-30' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("answers NOT_FOUND for another tenant's order, whatever the operation", async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const theirs = await place(other, { items: [{ menuItemId: other.menu.pizza, quantity: 1 }] });
    const calls = [
      api.gql(k.token.manager, 'query($id: ID!) { order(id: $id) { id } }', { id: theirs.id }),
      api.gql(k.token.manager, 'mutation($id: ID!) { updateOrder(id: $id, input: { notes: "x" }) { id } }', { id: theirs.id }),
      api.gql(k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "x") { id } }', { id: theirs.id }),
    ];
    for (const res of await Promise.all(calls)) expect(res.errors?.[0]).toMatchObject({ message: 'Order not found', extensions: { code: 'NOT_FOUND' } });
    const stored = await api.prisma.order.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(stored).toMatchObject({ notes: null, cancelReason: null });
    expect(stored.status).not.toBe('CANCELLED');
  });
});
