import { createMenuItem, createOrder, createStation } from '../../test/support/activity-fixtures';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { startTestApi, type TestApi } from '../../test/support/graphql-client';

/** A station's learned pickup delay, read through GraphQL from task rows as the kitchen stores them. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let staff: string;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
  api = await startTestApi(prisma);
  staff = await api.login(kitchen.slug, kitchen.users.STAFF.email, kitchen.password);
});
afterAll(() => api?.close());

const QUERY = 'query ($id: ID!) { station(id: $id) { learnedPace { pace } learnedPickupDelay { seconds samples p10 p90 } } }';
const T = Date.parse('2026-12-01T19:00:00Z');
const at = (seconds: number) => new Date(T + seconds * 1000);

/** Tickets at `stationId`, one after another, each queued, started and done at these seconds. */
async function tickets(stationId: string, rows: Array<[number, number, number]>, status: 'DONE' | 'CANCELLED' = 'DONE') {
  const dish = await createMenuItem(prisma, kitchen.id, {});
  const order = await createOrder(prisma, kitchen.id, [{ menuItemId: dish.id, versionId: null }]);
  await prisma.taskInstance.createMany({
    data: rows.map(([queued, started, done], i) => ({
      tenantId: kitchen.id,
      orderId: order.id,
      orderItemId: order.items[0].id,
      taskDefId: `t${i}`,
      phaseDefId: 'p',
      name: `Ticket ${i}`,
      stationType: 'grill',
      stationId,
      status,
      estimatedMinutes: 5,
      queuedAt: at(queued),
      startedAt: at(started),
      completedAt: status === 'DONE' ? at(done) : null,
    })),
  });
}

it('learns how long tickets wait for a cook once the station has a slot, not how long they wait behind others', async () => {
  const grill = await createStation(prisma, kitchen.id, { name: 'Griglia', capacity: 1, taskTypes: ['grill'] });
  const before = await api.gql(QUERY, { id: grill.id }, staff);
  expect(before.data.station.learnedPickupDelay).toBeNull();

  // All queued at once on one slot: each waits for the one before it (5 minutes), then 30 s for a cook.
  await tickets(grill.id, [
    [0, 30, 330],
    [0, 360, 660],
    [0, 690, 990],
    [0, 1020, 1320],
  ]);
  // A ticket started and then cancelled has no finish: it must not hold the slot for every later ticket.
  await tickets(grill.id, [[-600, -590, -590]], 'CANCELLED');
  const after = await api.gql(QUERY, { id: grill.id }, staff);
  expect(after.errors).toBeUndefined();
  expect(after.data.station.learnedPickupDelay).toEqual({ seconds: 30, samples: 4, p10: 30, p90: 30 });
});
