import type { Db } from '../../db/client';
import { createTestTenant, requireTestEnv, testPrisma, type TestTenant } from '../../test/support/db';
import { createKitchenActivitiesWithCaches } from '../../activities/index';
import { createEventPublisher, type EventPublisher } from '../../events/event-publisher';
import { createStation, deleteTenants, materializedItem, pizzaRecipe } from '../../test/support/activity-fixtures';
import type { TenantCacheLimits } from '../../config/tenant-caches';
import { setTimeout as sleep } from 'node:timers/promises';

// Real PostgreSQL: the worker's ETA runs keep each tenant's kitchen mirror and learned averages;
// a tenant that goes quiet (or is pushed out by others) must be released and read afresh when it comes back.
const prisma: Db = testPrisma();
let events: EventPublisher;
let a: TestTenant;
let b: TestTenant;
const now = new Date('2026-11-20T12:00:00Z');

beforeAll(async () => {
  events = createEventPublisher({ databaseUrl: requireTestEnv('DATABASE_URL') });
  [a, b] = await Promise.all([createTestTenant(prisma, { stations: [] }), createTestTenant(prisma, { stations: [] })]);
  for (const t of [a, b]) await createStation(prisma, t.id, { capacity: 2, taskTypes: ['banco', 'forno'] });
});

afterAll(async () => {
  await events?.close();
  await deleteTenants(prisma, [a?.id, b?.id].filter(Boolean));
  await prisma.$disconnect();
});

const worker = (tenantCaches: TenantCacheLimits) =>
  createKitchenActivitiesWithCaches({ prisma, events, clock: () => now, etaAfterTransitions: false, tenantCaches });

/** An ETA run for a new pizza of `tenant`: the run must know the item (it gets an ETA) and hold the tenant's caches. */
async function etaOfNewPizza(w: ReturnType<typeof worker>, tenant: TestTenant) {
  const pizza = await materializedItem(prisma, w.activities, tenant.id, pizzaRecipe);
  const { itemEta } = await w.activities.recalculateEta({ tenantId: tenant.id, orderItemId: pizza.item.id, reason: 'test' });
  expect(itemEta).toEqual(expect.any(String));
  return pizza.item.id;
}

/** The stored ETAs of these items (every one must have been given one by the last run). */
const storedEtas = async (ids: string[]) =>
  (await prisma.orderItem.findMany({ where: { id: { in: ids } }, select: { estimatedReadyAt: true } })).map((i) => i.estimatedReadyAt);

/** Polls (no fixed sleep): the release is due once the idle time has passed and a sweep ran. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('per-tenant caches of the worker', () => {
  it("releases a tenant's mirror and averages once it went quiet, and reads its kitchen afresh when it returns", async () => {
    const w = worker({ max: 100, idleMs: 50 });
    const first = await etaOfNewPizza(w, a);
    await until(() => w.cachedTenants().mirrors === 0 && w.cachedTenants().learned === 0);

    // Back after the release: a whole read again, which sees the kitchen as it is now (both pizzas).
    const second = await etaOfNewPizza(w, a);
    expect(await storedEtas([first, second])).toEqual([expect.any(Date), expect.any(Date)]);
    await prisma.order.updateMany({ where: { tenantId: a.id }, data: { status: 'DELIVERED' } });
  });

  it('keeps at most `max` tenants: the least recently used goes, and is read afresh when it returns', async () => {
    const w = worker({ max: 1, idleMs: 3_600_000 });
    const first = await etaOfNewPizza(w, a);
    expect(w.cachedTenants()).toEqual({ mirrors: 1, learned: 1 });
    await etaOfNewPizza(w, b);
    expect(w.cachedTenants()).toEqual({ mirrors: 1, learned: 1 });

    // a returns: its new pizza and its old one are both in the run that follows (a whole read, not a stale mirror).
    const second = await etaOfNewPizza(w, a);
    expect(await storedEtas([first, second])).toEqual([expect.any(Date), expect.any(Date)]);
    expect(w.cachedTenants()).toEqual({ mirrors: 1, learned: 1 });
  });
});
