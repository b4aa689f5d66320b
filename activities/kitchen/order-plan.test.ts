import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { expectedDurationMs } from '../../domain/eta';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { createKitchenActivities } from '../index';
import { nextEvent } from '../../test/support/socket-clients';
import { createMenuItem, createOrder, createRecipe, deleteTenants, pizzaRecipe } from '../../test/support/activity-fixtures';
import { closeRealtimeFirst, startRealtime, type RealtimeHarness } from '../../test/support/activity-realtime';

let rt: RealtimeHarness;
closeRealtimeFirst(() => rt);
const prisma: Db = testPrisma();
let tenant: TestTenant;
let other: { id: string; slug: string };
let acts: ReturnType<typeof createKitchenActivities>;
let recipe: Awaited<ReturnType<typeof createRecipe>>;
let menuItemId: string;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  other = await createTestTenant(prisma, { stations: [] });
  rt = await startRealtime(prisma, tenant);
  acts = createKitchenActivities({ prisma, events: rt.publisher, clock: () => new Date('2026-11-20T12:00:00Z') });
  recipe = await createRecipe(prisma, tenant.id, pizzaRecipe);
  menuItemId = (await createMenuItem(prisma, tenant.id, { templateId: recipe.template.id })).id;
});

afterAll(async () => {
  await deleteTenants(prisma, [tenant?.id, other?.id].filter(Boolean));
  await prisma.$disconnect(); // again: the cleanup above may run after the helper's own disconnect
});

async function newItem(quantity = 1) {
  const order = await createOrder(prisma, tenant.id, [{ menuItemId, versionId: recipe.version.id, quantity }]);
  return { order, item: order.items[0] };
}

describe('materializeItemTasks', () => {
  it('creates the tasks and subtasks once: a retry returns the same plan and inserts nothing', async () => {
    const { item } = await newItem();
    const first = await acts.materializeItemTasks({ tenantId: tenant.id, orderItemId: item.id, plannedStartAt: null });
    const retry = await acts.materializeItemTasks({ tenantId: tenant.id, orderItemId: item.id, plannedStartAt: null });

    expect(retry).toEqual(first);
    expect(first.tasks.map((t) => t.defId)).toEqual(['dough', 'topping', 'bake']);
    expect(await prisma.taskInstance.count({ where: { orderItemId: item.id } })).toBe(3);
    expect(await prisma.subtaskInstance.count({ where: { taskInstanceId: first.tasks[0].id } })).toBe(2);
    expect(first.deductPhaseId).toBe('prep');
    expect(first.criticalPathMinutes).toBe(13);
  });

  it('makes one task per recipe task for the whole quantity, with sub-linear time and instance-id dependencies', async () => {
    const { item } = await newItem(3);
    const plan = await acts.materializeItemTasks({ tenantId: tenant.id, orderItemId: item.id, plannedStartAt: '2026-11-20T12:10:00.000Z' });
    const [dough, topping, bake] = plan.tasks;

    expect(bake.estimatedMinutes).toBeCloseTo(expectedDurationMs({ estimateMinutes: 8, quantity: 3 }) / 60_000, 1);
    expect(bake.estimatedMinutes).toBeGreaterThan(8);
    expect(bake.estimatedMinutes).toBeLessThan(24);
    expect(topping.dependsOn).toEqual([dough.id]);
    expect(bake.dependsOn).toEqual([topping.id]);
    const rows = await prisma.taskInstance.findMany({ where: { orderItemId: item.id }, orderBy: { plannedStartAt: 'asc' } });
    expect(rows.map((r) => r.quantity)).toEqual([3, 3, 3]);
    // Planned starts follow the recipe schedule from the fire time.
    expect(rows[0].plannedStartAt?.toISOString()).toBe('2026-11-20T12:10:00.000Z');
    expect(rows[2].plannedStartAt!.getTime()).toBeGreaterThan(rows[1].plannedStartAt!.getTime());
  });

  it('does not see another tenant’s item', async () => {
    const { item } = await newItem();
    await expect(acts.materializeItemTasks({ tenantId: other.id, orderItemId: item.id, plannedStartAt: null })).rejects.toMatchObject({
      type: 'ITEM_NOT_FOUND',
      nonRetryable: true,
    });
    expect(await prisma.taskInstance.count({ where: { orderItemId: item.id } })).toBe(0);
  });
});

describe('loadOrderPlan', () => {
  it('returns each item with the critical path of its pinned recipe, scaled by quantity', async () => {
    const order = await createOrder(
      prisma,
      tenant.id,
      [
        { menuItemId, versionId: recipe.version.id, quantity: 1 },
        { menuItemId, versionId: recipe.version.id, quantity: 2 },
      ],
      { priority: 1 },
    );
    const plan = await acts.loadOrderPlan({ tenantId: tenant.id, orderId: order.id });

    expect(plan).toMatchObject({ orderId: order.id, priority: 1, status: 'NEW', requestedAt: null });
    const pathOf = (quantity: number) => {
      const item = order.items.find((i) => i.quantity === quantity)!;
      return plan.items.find((i) => i.orderItemId === item.id)!.criticalPathMinutes;
    };
    expect(plan.items).toHaveLength(2);
    expect(pathOf(1)).toBeCloseTo(13, 6);
    expect(pathOf(2)).toBeCloseTo(13 * 1.35, 6);
    await expect(acts.loadOrderPlan({ tenantId: other.id, orderId: order.id })).rejects.toMatchObject({ type: 'ORDER_NOT_FOUND' });
  });
});

describe('setItemStatus', () => {
  it("moves an item forward, stamps its ready time, announces the order's items, and treats a repeat as success", async () => {
    const order = await createOrder(prisma, tenant.id, [
      { menuItemId, versionId: recipe.version.id },
      { menuItemId, versionId: recipe.version.id, quantity: 2 },
    ]);
    const [first, second] = order.items;
    const announced = nextEvent(rt.client, 'order:updated', (p) => p.orderId === order.id && p.changes.items?.some((i) => i.status === 'DONE') === true);
    await acts.setItemStatus({ tenantId: tenant.id, orderItemId: first.id, status: 'IN_PROGRESS' });
    await acts.setItemStatus({ tenantId: tenant.id, orderItemId: first.id, status: 'DONE' });
    // The event of that move already shows it (not the row as it was before the statement).
    // Items of one order are listed by creation time, then id: these two were created together.
    const items = [...((await announced).changes.items ?? [])].sort((a, b) => a.quantity - b.quantity);
    expect(items).toEqual([
      { id: first.id, menuItemId, name: 'Dish', quantity: 1, status: 'DONE' },
      { id: second.id, menuItemId, name: 'Dish', quantity: 2, status: 'PENDING' },
    ]);
    await acts.setItemStatus({ tenantId: tenant.id, orderItemId: first.id, status: 'DONE' }); // a retry
    const row = await prisma.orderItem.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.status).toBe('DONE');
    expect(row.actualReadyAt?.toISOString()).toBe('2026-11-20T12:00:00.000Z');
    await expect(acts.setItemStatus({ tenantId: tenant.id, orderItemId: first.id, status: 'IN_PROGRESS' })).rejects.toMatchObject({
      type: 'INVALID_TRANSITION',
    });
    expect((await prisma.orderItem.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('DONE');
  });

  it("never touches another tenant's item, which looks like a missing one", async () => {
    const theirMenuItem = await createMenuItem(prisma, other.id, {});
    const theirs = await createOrder(prisma, other.id, [{ menuItemId: theirMenuItem.id, versionId: null }]);
    await expect(acts.setItemStatus({ tenantId: tenant.id, orderItemId: theirs.items[0].id, status: 'DONE' })).rejects.toMatchObject({
      type: 'ITEM_NOT_FOUND',
    });
    expect((await prisma.orderItem.findUniqueOrThrow({ where: { id: theirs.items[0].id } })).status).toBe('PENDING');
  });
});

describe('setOrderStatus', () => {
  it('moves an order forward, stamps the ready time once, and treats a repeat as success', async () => {
    const { order } = await newItem();
    const updated = nextEvent(rt.client, 'order:updated', (p) => p.orderId === order.id && p.changes.status === 'READY');
    await acts.setOrderStatus({ tenantId: tenant.id, orderId: order.id, status: 'PREPARING' });
    await acts.setOrderStatus({ tenantId: tenant.id, orderId: order.id, status: 'READY' });
    await acts.setOrderStatus({ tenantId: tenant.id, orderId: order.id, status: 'READY' });
    await updated;

    const row = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.status).toBe('READY');
    expect(row.actualReadyAt?.toISOString()).toBe('2026-11-20T12:00:00.000Z');
    await expect(acts.setOrderStatus({ tenantId: tenant.id, orderId: order.id, status: 'PREPARING' })).rejects.toMatchObject({
      type: 'INVALID_TRANSITION',
    });
  });

  it('cancels any open order with its reason, but never a delivered one', async () => {
    const { order } = await newItem();
    await acts.setOrderStatus({ tenantId: tenant.id, orderId: order.id, status: 'CANCELLED', reason: 'customer left' });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'CANCELLED', cancelReason: 'customer left' });

    const { order: delivered } = await newItem();
    await acts.setOrderStatus({ tenantId: tenant.id, orderId: delivered.id, status: 'DELIVERED' });
    await expect(acts.setOrderStatus({ tenantId: tenant.id, orderId: delivered.id, status: 'CANCELLED' })).rejects.toMatchObject({
      type: 'INVALID_TRANSITION',
    });
    await expect(acts.setOrderStatus({ tenantId: tenant.id, orderId: randomUUID(), status: 'READY' })).rejects.toMatchObject({
      type: 'ORDER_NOT_FOUND',
    });
  });
});
