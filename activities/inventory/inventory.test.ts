import type { Db } from '../../db/client';
import { nextEvent, recordEvents } from '../../test/support/socket-clients';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { createKitchenActivities } from '../index';
import { createInventoryItem, createMenuItem, createOrder, deleteTenants, unique } from '../../test/support/activity-fixtures';
import { closeRealtimeFirst, startRealtime, type RealtimeHarness } from '../../test/support/activity-realtime';

let rt: RealtimeHarness;
closeRealtimeFirst(() => rt);
const prisma: Db = testPrisma();
let tenant: TestTenant;
let acts: ReturnType<typeof createKitchenActivities>;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  rt = await startRealtime(prisma, tenant);
  acts = createKitchenActivities({ prisma, events: rt.publisher });
});

afterAll(async () => {
  if (tenant) await deleteTenants(prisma, [tenant.id]);
  await prisma.$disconnect(); // again: the cleanup above may run after the helper's own disconnect
});

const stock = async (id: string) => (await prisma.inventoryItem.findUniqueOrThrow({ where: { id } })).currentStock.toNumber();
const menuRow = (id: string) => prisma.menuItem.findUniqueOrThrow({ where: { id } });

/** A dish using 0.2 of mozzarella and 0.1 of flour per unit, ordered `quantity` times. */
async function pizzaOrder(quantity: number, stocks: { mozzarella: number; flour: number; mozzarellaMin?: number }) {
  const mozzarella = await createInventoryItem(prisma, tenant.id, {
    name: unique('Mozzarella'),
    currentStock: stocks.mozzarella,
    minStock: stocks.mozzarellaMin ?? 0,
  });
  const flour = await createInventoryItem(prisma, tenant.id, { name: unique('Flour'), currentStock: stocks.flour });
  const dish = await createMenuItem(prisma, tenant.id, {
    ingredients: [
      { inventoryItemId: mozzarella.id, quantity: 0.2 },
      { inventoryItemId: flour.id, quantity: 0.1 },
    ],
  });
  const order = await createOrder(prisma, tenant.id, [{ menuItemId: dish.id, versionId: null, quantity }]);
  return { mozzarella, flour, dish, order, item: order.items[0], input: { tenantId: tenant.id, orderItemId: order.items[0].id } };
}

describe('deductInventory', () => {
  it('writes one movement per ingredient and reduces stock once, even when retried', async () => {
    const { mozzarella, flour, order, input } = await pizzaOrder(3, { mozzarella: 10, flour: 10 });
    expect(await acts.deductInventory(input)).toEqual({ movements: 2 });
    expect(await acts.deductInventory(input)).toEqual({ movements: 2 });

    const movements = await prisma.inventoryMovement.findMany({ where: { tenantId: tenant.id, referenceId: order.id }, orderBy: { quantity: 'asc' } });
    expect(movements.map((m) => [m.inventoryItemId, m.quantity.toNumber(), m.movementType])).toEqual([
      [mozzarella.id, -0.6, 'order_deduction'],
      [flour.id, -0.3, 'order_deduction'],
    ]);
    expect(await stock(mozzarella.id)).toBeCloseTo(9.4, 6);
    expect(await stock(flour.id)).toBeCloseTo(9.7, 6);
  });

  it('stays exactly-once when a retry races the first attempt', async () => {
    const { mozzarella, input } = await pizzaOrder(1, { mozzarella: 5, flour: 5 });
    await Promise.all([acts.deductInventory(input), acts.deductInventory(input), acts.deductInventory(input)]);
    expect(await stock(mozzarella.id)).toBeCloseTo(4.8, 6);
    expect(await prisma.inventoryMovement.count({ where: { inventoryItemId: mozzarella.id } })).toBe(1);
  });

  it('alerts once when stock falls below its minimum, not on every later order', async () => {
    const { mozzarella, dish, input } = await pizzaOrder(2, { mozzarella: 1, flour: 10, mozzarellaMin: 0.8 });
    const seen = recordEvents(rt.client);
    await acts.deductInventory(input);
    await acts.deductInventory(input);
    const next = await createOrder(prisma, tenant.id, [{ menuItemId: dish.id, versionId: null }]);
    await acts.deductInventory({ tenantId: tenant.id, orderItemId: next.items[0].id });
    await rt.flush();
    const alerts = seen.filter((e) => e.event === 'inventory:alert');
    expect(alerts).toEqual([{ event: 'inventory:alert', payload: { itemId: mozzarella.id, name: mozzarella.name, currentStock: 0.6, minStock: 0.8 } }]);
    expect(await stock(mozzarella.id)).toBeCloseTo(0.4, 6);
  });

  it('takes nothing for a cancelled item', async () => {
    const { mozzarella, item, input } = await pizzaOrder(1, { mozzarella: 2, flour: 2 });
    await prisma.orderItem.update({ where: { id: item.id }, data: { status: 'CANCELLED' } });
    expect(await acts.deductInventory(input)).toEqual({ movements: 0 });
    expect(await stock(mozzarella.id)).toBe(2);
  });

  it('makes every active dish using an ingredient that cannot cover one more unit unavailable', async () => {
    const { mozzarella, dish, input } = await pizzaOrder(2, { mozzarella: 0.5, flour: 10 });
    const sibling = await createMenuItem(prisma, tenant.id, { ingredients: [{ inventoryItemId: mozzarella.id, quantity: 0.05 }] });
    const unrelated = await createMenuItem(prisma, tenant.id, { ingredients: [] });
    const switchedOff = nextEvent(rt.client, 'menu:updated', (p) => p.menuItemId === dish.id);

    await acts.deductInventory(input); // 0.5 - 0.4 = 0.1 left: not enough for another pizza (0.2), enough for the sibling (0.05)

    expect(await switchedOff).toEqual({ menuItemId: dish.id, isAvailable: false, reason: `Out of ${mozzarella.name}` });
    expect(await menuRow(dish.id)).toMatchObject({ isAvailable: false, unavailableReason: `Out of ${mozzarella.name}` });
    expect((await menuRow(sibling.id)).isAvailable).toBe(true);
    expect((await menuRow(unrelated.id)).isAvailable).toBe(true);
  });
});

describe('returnInventory', () => {
  it('gives back exactly what was deducted, once, whatever the recipe says now', async () => {
    const { mozzarella, flour, dish, order, input } = await pizzaOrder(2, { mozzarella: 10, flour: 10 });
    await acts.deductInventory(input);
    await prisma.recipeIngredient.updateMany({ where: { menuItemId: dish.id }, data: { quantity: 5 } });

    expect(await acts.returnInventory(input)).toEqual({ movements: 2 });
    expect(await acts.returnInventory(input)).toEqual({ movements: 2 });

    expect(await stock(mozzarella.id)).toBeCloseTo(10, 6);
    expect(await stock(flour.id)).toBeCloseTo(10, 6);
    const returns = await prisma.inventoryMovement.findMany({ where: { referenceId: order.id, movementType: 'order_return' } });
    expect(returns.map((m) => m.quantity.toNumber()).sort()).toEqual([0.2, 0.4]);
  });

  it('makes a dish that ran out available again once the stock is back', async () => {
    const { dish, input } = await pizzaOrder(2, { mozzarella: 0.5, flour: 10 });
    await acts.deductInventory(input);
    expect((await menuRow(dish.id)).isAvailable).toBe(false);

    const back = nextEvent(rt.client, 'menu:updated', (p) => p.menuItemId === dish.id && p.isAvailable);
    await acts.returnInventory(input);

    expect(await back).toEqual({ menuItemId: dish.id, isAvailable: true, reason: null });
    expect(await menuRow(dish.id)).toMatchObject({ isAvailable: true, unavailableReason: null });
  });

  it('returns nothing when nothing was deducted', async () => {
    const { mozzarella, input } = await pizzaOrder(1, { mozzarella: 3, flour: 3 });
    expect(await acts.returnInventory(input)).toEqual({ movements: 0 });
    expect(await stock(mozzarella.id)).toBe(3);
  });

  it('keeps a dish switched off by hand unavailable', async () => {
    const { dish, input } = await pizzaOrder(1, { mozzarella: 3, flour: 3 });
    await acts.deductInventory(input);
    await prisma.menuItem.update({ where: { id: dish.id }, data: { isAvailable: false, unavailableReason: 'Chef says no' } });
    await acts.returnInventory(input);
    expect(await menuRow(dish.id)).toMatchObject({ isAvailable: false, unavailableReason: 'Chef says no' });
  });
});
