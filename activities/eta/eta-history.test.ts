import type { Db } from '../../db/client';
import { ETA_HISTORY_CAP } from '../../core/eta/eta-store';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { startRealtime, type RealtimeHarness } from '../../test/support/activity-realtime';
import { createMenuItem, createOrder, createRecipe, createStation, deleteTenants, singleTaskRecipe, unique } from '../../test/support/activity-fixtures';
import { createKitchenActivities } from '../index';

// The ETA history the order detail page lists: each recalculation that moves an order's ETA adds
// a row (real PostgreSQL, the real activities, each run at a clock time the test sets).
const prisma: Db = testPrisma();
let rt: RealtimeHarness;
let tenant: TestTenant;
const T0 = new Date('2026-11-21T12:00:00Z').getTime();
const MIN = 60_000;
let now = T0;
let acts: ReturnType<typeof createKitchenActivities>;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  rt = await startRealtime(prisma, tenant);
  acts = createKitchenActivities({ prisma, events: rt.publisher, clock: () => new Date(now), etaAfterTransitions: false });
});
afterEach(async () => {
  await prisma.order.updateMany({ where: { tenantId: tenant.id }, data: { status: 'DELIVERED' } });
  now = T0;
});
afterAll(async () => {
  await rt?.close();
  if (tenant) await deleteTenants(prisma, [tenant.id]);
  await prisma.$disconnect();
});

async function oneTaskOrder(type: string, minutes: number) {
  const { template, version } = await createRecipe(prisma, tenant.id, singleTaskRecipe(type, minutes));
  const menu = await createMenuItem(prisma, tenant.id, { templateId: template.id });
  const order = await createOrder(prisma, tenant.id, [{ menuItemId: menu.id, versionId: version.id }]);
  const item = order.items[0];
  const plan = await acts.materializeItemTasks({ tenantId: tenant.id, orderItemId: item.id, plannedStartAt: null });
  return { order, item, ref: { tenantId: tenant.id, orderId: order.id, orderItemId: item.id, taskId: plan.tasks[0].id, userId: null } };
}

const historyOf = (orderId: string) => prisma.orderEtaChange.findMany({ where: { orderId }, orderBy: [{ computedAt: 'asc' }, { id: 'asc' }] });

it('records each recalculation that moves an order, with its reason and time, and none that does not', async () => {
  const type = unique('oven');
  await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
  const o = await oneTaskOrder(type, 10);
  await acts.enqueueTask(o.ref);
  await acts.recalculateEta({ tenantId: tenant.id, reason: 'first' });
  // Ten seconds later nothing moved by the ETA store's 30 s: no row.
  now = T0 + 10_000;
  await acts.recalculateEta({ tenantId: tenant.id, reason: 'unmoved' });
  // Still queued five minutes later: it moved by five minutes.
  now = T0 + 5 * MIN;
  await acts.recalculateEta({ tenantId: tenant.id, reason: 'moved' });

  const rows = await historyOf(o.order.id);
  expect(rows.map((r) => [r.reason, r.estimatedReadyAt.toISOString(), r.computedAt.toISOString(), r.tenantId])).toEqual([
    ['first', new Date(T0 + 10 * MIN).toISOString(), new Date(T0).toISOString(), tenant.id],
    ['moved', new Date(T0 + 15 * MIN).toISOString(), new Date(T0 + 5 * MIN).toISOString(), tenant.id],
  ]);
});

it(`keeps at most ${ETA_HISTORY_CAP} rows per order`, async () => {
  const type = unique('wok');
  await createStation(prisma, tenant.id, { capacity: 1, taskTypes: [type] });
  const o = await oneTaskOrder(type, 10);
  await acts.enqueueTask(o.ref);
  await prisma.orderEtaChange.createMany({
    data: Array.from({ length: ETA_HISTORY_CAP }, (_, i) => ({
      tenantId: tenant.id,
      orderId: o.order.id,
      estimatedReadyAt: new Date(T0 + i * MIN),
      reason: 'old',
      computedAt: new Date(T0 - MIN),
    })),
  });
  await acts.recalculateEta({ tenantId: tenant.id, reason: 'over-cap' });
  // The ETA itself is stored as ever; only the history stops growing.
  expect((await prisma.order.findUniqueOrThrow({ where: { id: o.order.id } })).estimatedReadyAt?.toISOString()).toBe(new Date(T0 + 10 * MIN).toISOString());
  expect(await prisma.orderEtaChange.count({ where: { orderId: o.order.id } })).toBe(ETA_HISTORY_CAP);
  expect(await prisma.orderEtaChange.count({ where: { orderId: o.order.id, reason: 'over-cap' } })).toBe(0);
});
