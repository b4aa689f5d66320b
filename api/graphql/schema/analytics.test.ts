import { randomUUID } from 'node:crypto';
import { startOfToday } from '../../../core/analytics/day-range';
import { createTestTenant, testPrisma, type TestTenant } from '../../../test/support/db';
import { errorCode, startTestApi, type TestApi } from '../../../test/support/graphql-client';

/**
 * Analytics over real PostgreSQL through the real GraphQL endpoint. Orders, tasks and durations
 * are written directly (the workflows that normally write them are tested elsewhere), each file in
 * kitchens of its own so other tests' orders never count.
 */
const prisma = testPrisma();
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(prisma);
});
afterAll(() => api?.close());

const MIN = 60_000;
/** A moment today that is `minutesAgo` before now, but never before midnight (a run just after 00:00). */
const todayAt = (minutesAgo: number) => new Date(Math.max(Date.now() - minutesAgo * MIN, startOfToday().getTime() + 1000));

async function kitchenWithMenu() {
  const k = await createTestTenant(prisma);
  const pizza = await k.db.menuItem.create({ data: { tenantId: k.id, name: 'Margherita', price: '8.50' } });
  const salad = await k.db.menuItem.create({ data: { tenantId: k.id, name: 'Insalata', price: '6.00' } });
  const token = await api.login(k.slug, k.users.MANAGER.email, k.password);
  return { k, pizza, salad, token };
}

let orderNumbers = 0;
type Line = { menuItemId: string; name: string; quantity: number; price: string; status?: 'CANCELLED' };
async function order(
  k: TestTenant,
  o: {
    lines: Line[];
    createdAt: Date;
    status?: 'READY' | 'CANCELLED' | 'PREPARING';
    readyAfter?: number;
    promised?: number;
    latest?: number;
    isLate?: boolean;
  },
) {
  const total = o.lines.filter((l) => !l.status).reduce((sum, l) => sum + Number(l.price) * l.quantity, 0);
  const at = (minutes?: number) => (minutes === undefined ? null : new Date(o.createdAt.getTime() + minutes * MIN));
  const created = await k.db.order.create({
    data: {
      tenantId: k.id,
      orderNumber: ++orderNumbers,
      channel: 'PHONE',
      status: o.status ?? 'PREPARING',
      createdAt: o.createdAt,
      totalAmount: total.toFixed(2),
      actualReadyAt: at(o.readyAfter),
      initialEstimatedReadyAt: at(o.promised),
      estimatedReadyAt: at(o.latest ?? o.promised),
      isLate: o.isLate ?? false,
    },
  });
  for (const l of o.lines) {
    await k.db.orderItem.create({
      data: {
        tenantId: k.id,
        orderId: created.id,
        menuItemId: l.menuItemId,
        nameSnapshot: l.name,
        quantity: l.quantity,
        unitPrice: l.price,
        status: l.status ?? 'PENDING',
      },
    });
  }
  return created;
}

const TODAY = '{ analyticsToday { ordersCount revenue avgPrepMinutes lateCount topItems { name quantity revenue } } }';

it("summarises today's orders: count, revenue, prep time, late orders and best sellers, without cancelled or older orders", async () => {
  const { k, pizza, salad, token } = await kitchenWithMenu();
  const P = { menuItemId: pizza.id, name: 'Margherita', price: '8.50' };
  const S = { menuItemId: salad.id, name: 'Insalata', price: '6.00' };
  await order(k, {
    createdAt: todayAt(60),
    lines: [
      { ...P, quantity: 2 },
      { ...S, quantity: 1 },
    ],
    status: 'READY',
    readyAfter: 20,
    promised: 15,
  });
  await order(k, {
    createdAt: todayAt(50),
    lines: [
      { ...P, quantity: 1 },
      { ...S, quantity: 1, status: 'CANCELLED' },
    ],
    status: 'READY',
    readyAfter: 10,
    promised: 12,
  });
  await order(k, { createdAt: todayAt(5), lines: [{ ...S, quantity: 1 }], promised: 30, isLate: true });
  await order(k, { createdAt: todayAt(40), lines: [{ ...P, quantity: 5 }], status: 'CANCELLED' });
  await order(k, { createdAt: new Date(startOfToday().getTime() - 60 * MIN), lines: [{ ...P, quantity: 9 }], status: 'READY', readyAfter: 90 });

  const res = await api.gql(TODAY, {}, token);
  expect(res.errors).toBeUndefined();
  expect(res.data.analyticsToday).toEqual({
    ordersCount: 3,
    revenue: '37.50', // 2×8.50 + 6 | 8.50 (the cancelled salad is not charged) | 6
    avgPrepMinutes: 15, // (20 + 10) / 2
    lateCount: 2, // the first finished 5 minutes after its promise; the third is flagged late
    topItems: [
      { name: 'Margherita', quantity: 3, revenue: '25.50' },
      { name: 'Insalata', quantity: 2, revenue: '12.00' },
    ],
  });
});

it('reports zeros and no average for a kitchen with no orders today', async () => {
  const { token } = await kitchenWithMenu();
  const res = await api.gql(TODAY, {}, token);
  expect(res.data.analyticsToday).toEqual({ ordersCount: 0, revenue: '0.00', avgPrepMinutes: null, lateCount: 0, topItems: [] });
});

it('compares the ETA promised at order time with when the order was ready, oldest first, within the asked days', async () => {
  const { k, pizza, token } = await kitchenWithMenu();
  const line = [{ menuItemId: pizza.id, name: 'Margherita', price: '8.50', quantity: 1 }];
  const early = await order(k, { createdAt: todayAt(90), lines: line, status: 'READY', promised: 20, latest: 14, readyAfter: 15 });
  const late = await order(k, { createdAt: todayAt(30), lines: line, status: 'READY', promised: 10, latest: 17, readyAfter: 17.5 });
  await order(k, { createdAt: todayAt(10), lines: line, promised: 20 }); // not ready yet: no point
  await order(k, { createdAt: new Date(Date.now() - 3 * 24 * 60 * MIN), lines: line, status: 'READY', promised: 10, readyAfter: 12 });

  const res = await api.gql('query ($d: Int) { etaAccuracy(days: $d) { orderId orderNumber predictedAt actualAt errorMinutes } }', { d: 1 }, token);
  expect(res.errors).toBeUndefined();
  expect(res.data.etaAccuracy).toEqual([
    {
      orderId: early.id,
      orderNumber: early.orderNumber,
      predictedAt: early.initialEstimatedReadyAt!.toISOString(),
      actualAt: early.actualReadyAt!.toISOString(),
      errorMinutes: -5,
    },
    {
      orderId: late.id,
      orderNumber: late.orderNumber,
      predictedAt: late.initialEstimatedReadyAt!.toISOString(),
      actualAt: late.actualReadyAt!.toISOString(),
      errorMinutes: 7.5,
    },
  ]);
  const week = await api.gql('{ etaAccuracy { orderId } }', {}, token);
  expect(week.data.etaAccuracy).toHaveLength(3);
  expect(errorCode(await api.gql('{ etaAccuracy(days: 0) { orderId } }', {}, token))).toBe('BAD_USER_INPUT');
});

it('shows each active station’s load and marks the one with the longest backlog as the bottleneck', async () => {
  const { k, pizza, token } = await kitchenWithMenu();
  const [oven, wok, grill, prep] = k.stations;
  await k.db.station.update({ where: { id: k.stations[4].id }, data: { isActive: false } });
  const o = await order(k, { createdAt: todayAt(5), lines: [{ menuItemId: pizza.id, name: 'Margherita', price: '8.50', quantity: 1 }] });
  const item = await k.db.orderItem.findFirstOrThrow({ where: { orderId: o.id } });
  const task = (stationId: string, status: 'QUEUED' | 'IN_PROGRESS' | 'DONE', minutes: number) =>
    k.db.taskInstance.create({
      data: {
        tenantId: k.id,
        orderId: o.id,
        orderItemId: item.id,
        taskDefId: randomUUID(),
        phaseDefId: 'p',
        name: 'Task',
        stationType: 'x',
        stationId,
        status,
        estimatedMinutes: minutes,
      },
    });
  // Oven (capacity 2): three 1-minute tasks by estimate, but it has been taking 10 minutes each.
  await task(oven.id, 'IN_PROGRESS', 1);
  await task(oven.id, 'QUEUED', 1);
  await task(oven.id, 'QUEUED', 1);
  await task(oven.id, 'DONE', 1);
  for (const seconds of [540, 660]) {
    await k.db.taskDuration.create({ data: { tenantId: k.id, taskDefId: 'bake', stationId: oven.id, durationSeconds: seconds } });
  }
  // Wok (capacity 1): more tickets than its capacity, but short ones and no history.
  await task(wok.id, 'IN_PROGRESS', 2);
  await task(wok.id, 'QUEUED', 2);

  const res = await api.gql(
    '{ stationAnalytics { stationId name queueLength inProgress capacity loadPercent avgTaskMinutes backlogMinutes bottleneck } }',
    {},
    token,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.stationAnalytics).toEqual([
    {
      stationId: oven.id,
      name: 'Oven',
      queueLength: 2,
      inProgress: 1,
      capacity: 2,
      loadPercent: 150,
      avgTaskMinutes: 10,
      backlogMinutes: 15,
      bottleneck: true,
    },
    {
      stationId: wok.id,
      name: 'Wok',
      queueLength: 1,
      inProgress: 1,
      capacity: 1,
      loadPercent: 200,
      avgTaskMinutes: null,
      backlogMinutes: 4,
      bottleneck: false,
    },
    {
      stationId: grill.id,
      name: grill.name,
      queueLength: 0,
      inProgress: 0,
      capacity: 1,
      loadPercent: 0,
      avgTaskMinutes: null,
      backlogMinutes: 0,
      bottleneck: false,
    },
    {
      stationId: prep.id,
      name: prep.name,
      queueLength: 0,
      inProgress: 0,
      capacity: 2,
      loadPercent: 0,
      avgTaskMinutes: null,
      backlogMinutes: 0,
      bottleneck: false,
    },
  ]);
});

it("keeps analytics inside the caller's kitchen and away from roles without analytics:read", async () => {
  const busy = await kitchenWithMenu();
  await order(busy.k, {
    createdAt: todayAt(5),
    lines: [{ menuItemId: busy.pizza.id, name: 'Margherita', price: '8.50', quantity: 4 }],
    status: 'READY',
    promised: 5,
    readyAfter: 6,
  });
  const quiet = await kitchenWithMenu();
  const res = await api.gql(`{ analyticsToday { ordersCount topItems { name } } etaAccuracy { orderId } }`, {}, quiet.token);
  expect(res.data).toEqual({ analyticsToday: { ordersCount: 0, topItems: [] }, etaAccuracy: [] });

  for (const role of ['STAFF', 'OPERATOR'] as const) {
    const token = await api.login(busy.k.slug, busy.k.users[role].email, busy.k.password);
    const denied = await api.gql('{ analyticsToday { ordersCount } }', {}, token);
    expect(errorCode(denied)).toBe('FORBIDDEN');
  }
});
