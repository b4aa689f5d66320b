import { randomUUID } from 'node:crypto';
import type { ConnectedPlatform } from '../../test/support/test-platform';
import { until, type TestKitchen } from '../../test/support/kitchen-api';
import { ensureAvailabilitySync, startMenuSync } from '../../temporal/platform-client';
import { usePlatformHarness, type PlatformHarness } from '../../test/support/platform-harness';
import { setTimeout as sleep } from 'node:timers/promises';

// Outbound sync against the sandbox marketplace over real HTTP, driven by the real Temporal
// workflows and activities: menu upload and per-item pushes under injected faults, and
// availability following our menu (an ingredient running out) within seconds.
jest.setTimeout(120_000);

const h = usePlatformHarness('platform-sync-test');

async function setup(): Promise<{ k: TestKitchen; p: ConnectedPlatform; kitchen: PlatformHarness['kitchen'] }> {
  return { ...(await h.connect()), kitchen: h.kitchen };
}

const assignments = (p: ConnectedPlatform) =>
  h.api.prisma.productPlatformAssignment.findMany({
    where: { platformId: p.platformId },
    select: { platformProductId: true, syncStatus: true, syncError: true, lastSyncedAt: true },
  });

describe('menu sync to the sandbox marketplace', () => {
  it('converges under a 429 and a 500 with exactly the calls the retry policy allows, waiting out Retry-After', async () => {
    const { k, p, kitchen } = await setup();
    p.sandbox.control.injectFault({ match: /^PUT \/v1\/menu$/, kind: '429', retryAfterSeconds: 1, times: 1 });
    p.sandbox.control.injectFault({ match: /^PUT \/v1\/menu$/, kind: '500', times: 1 });
    p.sandbox.control.rejectProduct(p.products.pizza);
    const workflowId = await startMenuSync(kitchen, { tenantId: k.tenant.id, platformId: p.platformId });
    const result = await h.api.h.client.workflow.getHandle(workflowId).result();

    expect(result).toMatchObject({ total: 2, done: 1, failed: 1, phase: 'done' });
    const uploads = p.sandbox.control.calls(/^PUT \/v1\/menu$/, { includeReplayed: true });
    expect(uploads.map((c) => c.status)).toEqual([429, 500, 202]);
    expect(Date.parse(uploads[1].at) - Date.parse(uploads[0].at)).toBeGreaterThanOrEqual(1_000);
    expect(p.sandbox.control.item(p.products.salad)).toMatchObject({ name: 'Insalata', price: 6, available: true });
    expect(p.sandbox.control.item(p.products.pizza)).toBeUndefined();
    const rows = await assignments(p);
    expect(rows.find((r) => r.platformProductId === p.products.salad)).toMatchObject({ syncStatus: 'SYNCED', syncError: null });
    expect(rows.find((r) => r.platformProductId === p.products.salad)?.lastSyncedAt).not.toBeNull();
    expect(rows.find((r) => r.platformProductId === p.products.pizza)).toMatchObject({ syncStatus: 'FAILED', syncError: 'rejected: invalid data' });
  });

  it('pushes dishes one by one, retrying a transient failure once and recording a rejection without retrying it', async () => {
    const { k, p, kitchen } = await setup();
    p.sandbox.control.injectFault({ match: new RegExp(`^PUT /v1/items/${p.products.salad}$`), kind: '500', times: 1 });
    p.sandbox.control.rejectProduct(p.products.pizza);
    const workflowId = await startMenuSync(kitchen, { tenantId: k.tenant.id, platformId: p.platformId }, [k.menu.pizza, k.menu.salad]);
    const result = await h.api.h.client.workflow.getHandle(workflowId).result();

    expect(result).toMatchObject({ total: 2, done: 1, failed: 1 });
    expect(p.sandbox.control.calls(new RegExp(`^PUT /v1/items/${p.products.salad}$`)).map((c) => c.status)).toEqual([500, 200]);
    expect(p.sandbox.control.calls(new RegExp(`^PUT /v1/items/${p.products.pizza}$`)).map((c) => c.status)).toEqual([422]);
    const rows = await assignments(p);
    expect(rows.find((r) => r.platformProductId === p.products.salad)?.syncStatus).toBe('SYNCED');
    expect(rows.find((r) => r.platformProductId === p.products.pizza)).toMatchObject({ syncStatus: 'FAILED' });
    expect(rows.find((r) => r.platformProductId === p.products.pizza)?.syncError).toContain('422');
  });
});

describe('availability on the sandbox marketplace', () => {
  it('suspends a dish on the platform within seconds when a platform order uses up its ingredient', async () => {
    const { k, p, kitchen } = await setup();
    const ref = { tenantId: k.tenant.id, platformId: p.platformId };
    await h.api.h.client.workflow.getHandle(await startMenuSync(kitchen, ref)).result();
    expect(p.sandbox.control.item(p.products.pizza)?.available).toBe(true);
    const mozzarella = await h.api.prisma.inventoryItem.create({
      data: { tenantId: k.tenant.id, name: `Mozzarella ${randomUUID().slice(0, 4)}`, unit: 'kg', currentStock: 0.3 },
    });
    await h.api.prisma.recipeIngredient.create({ data: { tenantId: k.tenant.id, menuItemId: k.menu.pizza, inventoryItemId: mozzarella.id, quantity: 0.2 } });
    await ensureAvailabilitySync(kitchen, ref, 500);

    const id = `ord-${randomUUID().slice(0, 8)}`;
    await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.pizza, quantity: 1 }] });
    const orderId = await until(
      async () => (await h.api.prisma.platformOrder.findFirst({ where: { platformId: p.platformId, platformOrderId: id } }))?.orderId ?? undefined,
      'our order',
    );
    const dough = await until(async () => {
      const t = await h.api.prisma.taskInstance.findFirst({ where: { orderId, status: 'QUEUED' } });
      return t ?? undefined;
    }, 'first pizza task queued');
    const started = await h.api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id } }', { id: dough.id });
    expect(started.errors).toBeUndefined();
    const startedAt = Date.now();

    await until(async () => (p.sandbox.control.item(p.products.pizza)?.available === false ? true : undefined), 'pizza suspended on the platform', 10_000);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect((await h.api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.pizza } })).unavailableReason).toBe(`Out of ${mozzarella.name}`);
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/items/${p.products.pizza}/availability$`))).toHaveLength(1);
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/items/${p.products.salad}/availability$`))).toHaveLength(0);
    expect(p.sandbox.control.calls(new RegExp(`^PUT /v1/items/`))).toHaveLength(0);
  });

  it('pushes a renamed and repriced dish as one incremental item update', async () => {
    const { k, p, kitchen } = await setup();
    const ref = { tenantId: k.tenant.id, platformId: p.platformId };
    await h.api.h.client.workflow.getHandle(await startMenuSync(kitchen, ref)).result();
    await ensureAvailabilitySync(kitchen, ref, 300);
    await sleep(600); // the follower has taken its first look
    await h.api.prisma.menuItem.update({ where: { id: k.menu.salad }, data: { name: `Insalata mista ${randomUUID().slice(0, 4)}`, price: 7.5 } });
    const salad = await until(
      async () => (p.sandbox.control.item(p.products.salad)?.price === 7.5 ? p.sandbox.control.item(p.products.salad) : undefined),
      'salad updated on the platform',
      10_000,
    );
    expect(salad.name).toMatch(/^Insalata mista/);
    await sleep(900);
    expect(p.sandbox.control.calls(new RegExp(`^PUT /v1/items/${p.products.salad}$`))).toHaveLength(1);
    expect(p.sandbox.control.calls(new RegExp(`^PUT /v1/items/${p.products.pizza}$`))).toHaveLength(0);
  });
});
