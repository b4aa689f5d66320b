import { connectClient, nextEvent, type BrigadeClient } from '../../test/support/socket-clients';
import { startKitchenApi, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// adjustInventory, inventoryMovements and reorderSuggestions over the real app; alerts over a real socket.
jest.setTimeout(90_000);

let api: KitchenApi;
const sockets: BrigadeClient[] = [];
beforeAll(async () => {
  api = await startKitchenApi('inventory-movements-test');
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await api?.stop();
});

const ADJUST = `mutation($id: ID!, $q: Decimal!, $type: InventoryAdjustmentType!, $notes: String) {
  adjustInventory(id: $id, quantity: $q, type: $type, notes: $notes) { id quantity movementType notes createdById inventoryItem { id currentStock belowMin } } }`;

async function mozzarella(k: TestKitchen, stock: number, minStock: number) {
  const item = await api.prisma.inventoryItem.create({ data: { tenantId: k.tenant.id, name: 'Mozzarella', unit: 'kg', currentStock: stock, minStock } });
  await api.prisma.recipeIngredient.create({ data: { tenantId: k.tenant.id, menuItemId: k.menu.pizza, inventoryItemId: item.id, quantity: 0.1 } });
  return item.id;
}

const adjust = (k: TestKitchen, vars: Record<string, unknown>, token = k.token.manager) => api.gql(token, ADJUST, vars);

describe('inventory movements', () => {
  it('records a delivery as a movement and moves the stock in the same transaction', async () => {
    const k = await api.kitchen();
    const id = await mozzarella(k, 2, 1);
    const res = await adjust(k, { id, q: '5.5', type: 'manual_add', notes: 'Consegna lunedì' });
    expect(res.errors).toBeUndefined();
    expect(res.data.adjustInventory).toMatchObject({
      quantity: '5.5',
      movementType: 'manual_add',
      notes: 'Consegna lunedì',
      createdById: k.tenant.users.MANAGER.id,
      inventoryItem: { id, currentStock: '7.5', belowMin: false },
    });
    const list = await api.gql(k.token.manager, 'query($id: ID!) { inventoryMovements(itemId: $id) { id quantity movementType } }', { id });
    expect(list.data.inventoryMovements).toEqual([{ id: res.data.adjustInventory.id, quantity: '5.5', movementType: 'manual_add' }]);
    expect(await api.prisma.auditLog.count({ where: { tenantId: k.tenant.id, action: 'inventory.adjust', entityId: id } })).toBe(1);
  });

  it('subtracts waste, alerts below the minimum and switches off dishes that can no longer be made, and a delivery switches them back on', async () => {
    const k = await api.kitchen();
    const id = await mozzarella(k, 1, 0.5);
    const socket = await connectClient(api.url, k.token.manager);
    sockets.push(socket);
    const alert = nextEvent(socket, 'inventory:alert', (p) => p.itemId === id);
    const off = nextEvent(socket, 'menu:updated', (p) => p.menuItemId === k.menu.pizza && !p.isAvailable);

    const res = await adjust(k, { id, q: '0.95', type: 'waste', notes: 'Scaduta' });
    expect(res.data.adjustInventory).toMatchObject({ quantity: '-0.95', inventoryItem: { currentStock: '0.05', belowMin: true } });
    expect(await alert).toEqual({ itemId: id, name: 'Mozzarella', currentStock: 0.05, minStock: 0.5 });
    expect(await off).toEqual({ menuItemId: k.menu.pizza, isAvailable: false, reason: 'Out of Mozzarella' });

    const on = nextEvent(socket, 'menu:updated', (p) => p.menuItemId === k.menu.pizza && p.isAvailable);
    await adjust(k, { id, q: '3', type: 'manual_add' });
    expect(await on).toEqual({ menuItemId: k.menu.pizza, isAvailable: true, reason: null });
    expect((await api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.pizza } })).isAvailable).toBe(true);
  });

  it('refuses to take more than the stock, or a wrong sign, and changes nothing', async () => {
    const k = await api.kitchen();
    const id = await mozzarella(k, 1, 0);
    const tooMuch = await adjust(k, { id, q: '1.5', type: 'waste' });
    expect(tooMuch.errors?.[0]).toMatchObject({ message: 'Cannot remove 1.5 kg of "Mozzarella": only 1 kg in stock', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await adjust(k, { id, q: '-1', type: 'manual_add' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const counted = await adjust(k, { id, q: '-0.25', type: 'adjustment', notes: 'Inventario' });
    expect(counted.data.adjustInventory.inventoryItem.currentStock).toBe('0.75');
    expect(await api.prisma.inventoryMovement.count({ where: { inventoryItemId: id } })).toBe(1);
  });

  it('suggests reorders for items at or near their minimum, with the daily usage of the last week', async () => {
    const k = await api.kitchen();
    const low = await mozzarella(k, 3, 4);
    await api.prisma.inventoryItem.create({ data: { tenantId: k.tenant.id, name: 'Farina', unit: 'kg', currentStock: 50, minStock: 10 } });
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await api.prisma.inventoryMovement.createMany({
      data: [
        { tenantId: k.tenant.id, inventoryItemId: low, quantity: -2.1, movementType: 'order_deduction' },
        {
          tenantId: k.tenant.id,
          inventoryItemId: low,
          quantity: -1.4,
          movementType: 'order_deduction',
          createdAt: new Date(Date.now() - 3 * 24 * 3600 * 1000),
        },
        { tenantId: k.tenant.id, inventoryItemId: low, quantity: -9, movementType: 'order_deduction', createdAt: eightDaysAgo },
        { tenantId: k.tenant.id, inventoryItemId: low, quantity: -5, movementType: 'waste' },
      ],
    });
    const res = await api.gql(k.token.manager, '{ reorderSuggestions { item { id name } suggestedQuantity averageDailyUsage daysOfStockLeft } }');
    expect(res.data.reorderSuggestions).toEqual([{ item: { id: low, name: 'Mozzarella' }, suggestedQuantity: 5, averageDailyUsage: 0.5, daysOfStockLeft: 6 }]);
  });

  it("answers NOT_FOUND for another tenant's item and FORBIDDEN to a cook", async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const theirs = await mozzarella(other, 1, 0);
    expect((await adjust(k, { id: theirs, q: '1', type: 'manual_add' })).errors?.[0]).toMatchObject({
      message: 'Inventory item not found',
      extensions: { code: 'NOT_FOUND' },
    });
    const listed = await api.gql(k.token.manager, 'query($id: ID!) { inventoryMovements(itemId: $id) { id } }', { id: theirs });
    expect(listed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await adjust(k, { id: theirs, q: '1', type: 'manual_add' }, k.token.staff)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.prisma.inventoryItem.findUniqueOrThrow({ where: { id: theirs } })).currentStock.toString()).toBe('1');
  });
});
