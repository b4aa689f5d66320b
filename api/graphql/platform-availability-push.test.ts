import { randomUUID } from 'node:crypto';
import type { ConnectedPlatform } from '../../test/support/test-platform';
import { until, type TestKitchen } from '../../test/support/kitchen-api';
import { usePlatformHarness } from '../../test/support/platform-harness';

// Availability pushed, not polled: the availability follower runs with its production safety-net
// poll (30 s), so a dish suspended on the sandbox marketplace within a few seconds can only have
// been pushed by the signal the menu and inventory paths send. Real GraphQL, real workflows,
// real HTTP to the sandbox.
jest.setTimeout(120_000);

const BOUND_MS = 5_000;
const h = usePlatformHarness('platform-availability-push-test');

async function setup(): Promise<{ k: TestKitchen; p: ConnectedPlatform }> {
  const { k, p } = await h.connect();
  // Only a signal can wake the follower early from here on: its safety-net poll is 30 s.
  await h.syncedAndFollowed(k, p);
  return { k, p };
}

/** Milliseconds from `since` until the sandbox shows the dish with this availability. */
async function reaches(p: ConnectedPlatform, productId: string, available: boolean, since: number): Promise<number> {
  await until(
    async () => (p.sandbox.control.item(productId)?.available === available ? true : undefined),
    `${productId} available=${available} on the platform`,
    40_000,
  );
  return Date.now() - since;
}

describe('availability pushed to the platforms', () => {
  it('suspends a dish within seconds when its ingredient runs out in the kitchen, and when stock is written off by hand; and restores it', async () => {
    const { k, p } = await setup();
    const mozzarella = await h.api.prisma.inventoryItem.create({
      data: { tenantId: k.tenant.id, name: `Mozzarella ${randomUUID().slice(0, 4)}`, unit: 'kg', currentStock: 0.3 },
    });
    await h.api.prisma.recipeIngredient.create({ data: { tenantId: k.tenant.id, menuItemId: k.menu.pizza, inventoryItemId: mozzarella.id, quantity: 0.2 } });

    // The kitchen path: a platform order's pizza is started, its deduction leaves 0.1 kg < 0.2 kg.
    const id = `ord-${randomUUID().slice(0, 8)}`;
    await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.pizza, quantity: 1 }] });
    const orderId = await until(
      async () => (await h.api.prisma.platformOrder.findFirst({ where: { platformId: p.platformId, platformOrderId: id } }))?.orderId ?? undefined,
      'our order',
    );
    const first = await until(
      async () => (await h.api.prisma.taskInstance.findFirst({ where: { orderId, status: 'QUEUED' } })) ?? undefined,
      'first pizza task queued',
    );
    const started = Date.now();
    expect((await h.api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id } }', { id: first.id })).errors).toBeUndefined();
    const kitchenMs = await reaches(p, p.products.pizza, false, started);

    // A delivery brings it back (restocked by hand), then the rest is written off as waste.
    const adjust = (quantity: string, type: string) =>
      h.api.gql(k.token.manager, 'mutation($id: ID!, $q: Decimal!, $t: InventoryAdjustmentType!) { adjustInventory(id: $id, quantity: $q, type: $t) { id } }', {
        id: mozzarella.id,
        q: quantity,
        t: type,
      });
    const delivered = Date.now();
    expect((await adjust('1', 'manual_add')).errors).toBeUndefined();
    const restockMs = await reaches(p, p.products.pizza, true, delivered);
    const wasted = Date.now();
    expect((await adjust('1.1', 'waste')).errors).toBeUndefined();
    const wasteMs = await reaches(p, p.products.pizza, false, wasted);

    console.log(
      `dish suspended/restored on the platform after: kitchen deduction ${kitchenMs} ms, delivery ${restockMs} ms, waste ${wasteMs} ms (bound ${BOUND_MS} ms, safety-net poll 30 s)`,
    );
    for (const ms of [kitchenMs, restockMs, wasteMs]) expect(ms).toBeLessThan(BOUND_MS);
    expect(
      p.sandbox.control.calls(new RegExp(`^POST /v1/items/${p.products.pizza}/availability$`)).map((c) => (c.body as { available: boolean }).available),
    ).toEqual([false, true, false]);
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/items/${p.products.salad}/availability$`))).toHaveLength(0);
  });

  it('follows the manual sold-out switch within seconds, both ways', async () => {
    const { k, p } = await setup();
    const toggle = (available: boolean) =>
      h.api.gql(k.token.manager, 'mutation($id: ID!, $a: Boolean!) { setMenuItemAvailability(id: $id, available: $a, reason: "sold out") { id } }', {
        id: k.menu.salad,
        a: available,
      });
    const off = Date.now();
    expect((await toggle(false)).errors).toBeUndefined();
    const offMs = await reaches(p, p.products.salad, false, off);
    const on = Date.now();
    expect((await toggle(true)).errors).toBeUndefined();
    const onMs = await reaches(p, p.products.salad, true, on);
    console.log(`manual switch on the platform after: off ${offMs} ms, on ${onMs} ms (bound ${BOUND_MS} ms)`);
    expect(offMs).toBeLessThan(BOUND_MS);
    expect(onMs).toBeLessThan(BOUND_MS);
  });

  it('switches an archived dish off on the platform within seconds, and back on when it is restored', async () => {
    const { k, p } = await setup();
    const run = (op: 'archiveMenuItem' | 'restoreMenuItem') => h.api.gql(k.token.manager, `mutation($id: ID!) { ${op}(id: $id) { id } }`, { id: k.menu.salad });
    const archived = Date.now();
    expect((await run('archiveMenuItem')).errors).toBeUndefined();
    const offMs = await reaches(p, p.products.salad, false, archived);
    const restored = Date.now();
    expect((await run('restoreMenuItem')).errors).toBeUndefined();
    const onMs = await reaches(p, p.products.salad, true, restored);
    console.log(`archive on the platform after: off ${offMs} ms, back on ${onMs} ms (bound ${BOUND_MS} ms)`);
    expect(offMs).toBeLessThan(BOUND_MS);
    expect(onMs).toBeLessThan(BOUND_MS);
    expect(
      p.sandbox.control.calls(new RegExp(`^POST /v1/items/${p.products.salad}/availability$`)).map((c) => (c.body as { available: boolean }).available),
    ).toEqual([false, true]);
  });
});
