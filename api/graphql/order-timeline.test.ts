import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// orderTimeline over real HTTP, real workflows and PostgreSQL: an order cooked through the KDS
// behind another one at a one-slot station, read back as its detail page reads it.
jest.setTimeout(120_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('order-timeline-test');
});
afterAll(() => api?.stop());

const TIMELINE = `query($id: ID!) { orderTimeline(orderId: $id) {
  orderId orderNumber status promisedReadyAt promisedReadyRange { from to basis } estimatedReadyAt actualReadyAt
  lateMinutes late summary criticalPath
  reasons { kind sentence taskId stationName behindOrderNumbers }
  tasks { id name itemName stationName status plannedStartAt plannedEndAt queuedAt startedAt completedAt waitingSeconds workingSeconds expectedSeconds learned critical }
  stations { id name capacity staffedSlots }
  etaHistory { estimatedReadyAt reason computedAt }
} }`;

async function place(k: TestKitchen) {
  const res = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber } }', {
    input: { channel: 'PHONE', items: [{ menuItemId: k.menu.salad, quantity: 1 }] },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createOrder as { id: string; orderNumber: number };
}

const queued = (orderId: string) =>
  until(async () => (await api.prisma.taskInstance.findFirst({ where: { orderId, status: 'QUEUED' } })) ?? undefined, `order ${orderId} queued`);

async function kds(k: TestKitchen, op: 'startTask' | 'completeTask', id: string) {
  const res = await api.gql(k.token.staff, `mutation($id: ID!) { ${op}(id: $id) { id } }`, { id });
  expect(res.errors).toBeUndefined();
}

const ready = (orderId: string) =>
  until(async () => ((await api.prisma.order.findUnique({ where: { id: orderId } }))?.status === 'READY' ? true : undefined), 'READY');

it('shows a cooked order planned against actual, its wait behind the order ahead, its ETA history and why it was late', async () => {
  const k = await api.kitchen();
  // One slot at the cold station: the second salad waits for the first.
  await api.prisma.station.update({ where: { id: k.station.cold }, data: { capacity: 1 } });
  const first = await place(k);
  const second = await place(k);
  const firstTask = await queued(first.id);
  const secondTask = await queued(second.id);
  await kds(k, 'startTask', firstTask.id);
  // Long enough a wait to be a reason (over a tenth of the salad's 2 minutes).
  await until(async () => (Date.now() - secondTask.queuedAt!.getTime() > 14_000 ? true : undefined), 'a 14 s wait', 30_000);
  await kds(k, 'completeTask', firstTask.id);
  await kds(k, 'startTask', secondTask.id);
  await kds(k, 'completeTask', secondTask.id);
  await ready(second.id);

  const res = await api.gql(k.token.staff, TIMELINE, { id: second.id });
  expect(res.errors).toBeUndefined();
  const t = res.data.orderTimeline;
  expect(t).toMatchObject({ orderId: second.id, orderNumber: second.orderNumber, status: 'READY', late: false, lateMinutes: expect.any(Number) });
  expect(t.summary).toMatch(/^Ready on time/);
  expect(t.stations).toEqual([{ id: k.station.cold, name: 'Freddo', capacity: 1, staffedSlots: null }]);
  expect(t.criticalPath).toEqual([secondTask.id]);
  const [task] = t.tasks;
  expect(task).toMatchObject({
    id: secondTask.id,
    name: 'Mescola insalata',
    itemName: 'Insalata',
    stationName: 'Freddo',
    status: 'DONE',
    critical: true,
    learned: false,
  });
  expect(task.waitingSeconds).toBeGreaterThan(14);
  expect(Date.parse(task.startedAt) - Date.parse(task.queuedAt)).toBeCloseTo(task.waitingSeconds * 1000, -2);
  expect(Date.parse(task.plannedEndAt) - Date.parse(task.plannedStartAt)).toBe(task.expectedSeconds * 1000);
  expect(t.reasons[0]).toMatchObject({ kind: 'QUEUE_WAIT', taskId: secondTask.id, stationName: 'Freddo', behindOrderNumbers: [first.orderNumber] });
  expect(t.reasons[0].sentence).toMatch(new RegExp(`^waited \\d+ s at Freddo behind #${first.orderNumber}$`));

  // The promise and the range told with it are the first entry of the ETA history.
  expect(t.etaHistory[0]).toMatchObject({ reason: 'order-created', estimatedReadyAt: t.promisedReadyAt });
  expect(Date.parse(t.promisedReadyRange.from)).toBeLessThanOrEqual(Date.parse(t.promisedReadyAt));
  expect(Date.parse(t.promisedReadyRange.to)).toBeGreaterThan(Date.parse(t.promisedReadyAt));
  for (let i = 1; i < t.etaHistory.length; i++)
    expect(Date.parse(t.etaHistory[i].computedAt)).toBeGreaterThanOrEqual(Date.parse(t.etaHistory[i - 1].computedAt));

  // Late on purpose: had it been promised for a minute before its salad was queued, the same facts say why it was late.
  await api.prisma.order.update({ where: { id: second.id }, data: { initialEstimatedReadyAt: new Date(secondTask.queuedAt!.getTime() - 60_000) } });
  const late = (await api.gql(k.token.manager, TIMELINE, { id: second.id })).data.orderTimeline;
  expect(late.late).toBe(true);
  expect(late.summary).toMatch(new RegExp(`^Ready \\d+ (s|min) after the promise: waited \\d+ s at Freddo behind #${first.orderNumber}\\.$`));
});

it('is NOT_FOUND for another kitchen and FORBIDDEN for a rider', async () => {
  const [k, other] = [await api.kitchen(), await api.kitchen()];
  const order = await place(k);
  const foreign = await api.gql(other.token.manager, TIMELINE, { id: order.id });
  expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const rider = await api.gql(k.token.rider, TIMELINE, { id: order.id });
  expect(rider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const bad = await api.gql(k.token.manager, TIMELINE, { id: 'not-an-id' });
  expect(bad.errors?.[0].extensions?.code).toBe('NOT_FOUND');
});
