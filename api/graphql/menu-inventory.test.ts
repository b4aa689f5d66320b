import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { errorCode, onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** Inventory items (stock only through movements) and menu items with prices, allergens and ingredients. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let manager: string;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
  api = await startTestApi(prisma);
  manager = await api.login(kitchen.slug, kitchen.users.MANAGER.email, kitchen.password);
});
afterAll(() => api?.close());

const INV = 'id name unit currentStock minStock costPerUnit supplier isActive belowMin';
const CREATE_INV = `mutation ($input: CreateInventoryItemInput!) { createInventoryItem(input: $input) { ${INV} } }`;
const MENU = 'id name category price allergens isAvailable unavailableReason isActive ingredients { inventoryItem { id name unit } quantity }';

async function inventoryItem(input: Record<string, unknown>) {
  const res = await api.gql(CREATE_INV, { input }, manager);
  expect(res.errors).toBeUndefined();
  return res.data.createInventoryItem;
}

it('creates an inventory item and records its initial stock as an "initial" movement', async () => {
  const flour = await inventoryItem({ name: 'Flour 00', unit: 'kg', initialStock: '25.5', minStock: 10, costPerUnit: '0.8', supplier: 'Molino' });
  expect(flour).toMatchObject({ currentStock: '25.5', minStock: '10', costPerUnit: '0.8', supplier: 'Molino', belowMin: false });
  const movements = await kitchen.db.inventoryMovement.findMany({ where: { inventoryItemId: flour.id } });
  expect(movements).toHaveLength(1);
  expect(movements[0]).toMatchObject({ movementType: 'initial', createdById: kitchen.users.MANAGER.id });
  expect(movements[0].quantity.toString()).toBe('25.5');
  expect(await kitchen.db.auditLog.count({ where: { entityId: flour.id, action: 'inventory_item.create' } })).toBe(1);
});

it('filters inventoryItems(belowMin: true) to items whose stock is under their minimum', async () => {
  const low = await inventoryItem({ name: 'Mozzarella', unit: 'kg', initialStock: '2', minStock: '5' });
  const exact = await inventoryItem({ name: 'Basil', unit: 'kg', initialStock: '1', minStock: '1' });
  const plenty = await inventoryItem({ name: 'Tomatoes', unit: 'kg', initialStock: '30', minStock: '5' });
  const res = await api.gql('{ inventoryItems(belowMin: true) { id belowMin } }', {}, manager);
  expect(res.data.inventoryItems).toEqual([{ id: low.id, belowMin: true }]);
  const all = await api.gql('{ inventoryItems { id } }', {}, manager);
  expect(all.data.inventoryItems.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([low.id, exact.id, plenty.id]));
});

it('updates inventory item details but offers no way to overwrite the stock', async () => {
  const oil = await inventoryItem({ name: 'Olive oil', unit: 'l', initialStock: '4' });
  const res = await api.gql(
    `mutation ($id: ID!) { updateInventoryItem(id: $id, input: { minStock: "6", supplier: null }) { ${INV} } }`,
    { id: oil.id },
    manager,
  );
  expect(res.data.updateInventoryItem).toMatchObject({ minStock: '6', currentStock: '4', supplier: null, belowMin: true });

  const overwrite = await api.gql('mutation ($id: ID!) { updateInventoryItem(id: $id, input: { currentStock: "100" }) { id } }', { id: oil.id }, manager);
  expect(onlyError(overwrite).message).toContain('Field "currentStock" is not defined by type "UpdateInventoryItemInput"');
  expect((await kitchen.db.inventoryItem.findUniqueOrThrow({ where: { id: oil.id } })).currentStock.toString()).toBe('4');
});

it('validates inventory input: negative stock, too many decimals and duplicate names', async () => {
  const bad = onlyError(await api.gql(CREATE_INV, { input: { name: 'Salt', unit: 'kg', initialStock: '-1', minStock: '0.0001' } }, manager));
  expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
  expect(bad.message).toMatch(/initialStock: must be at least 0.*minStock: at most 3 decimals/);
  const notNumber = onlyError(await api.gql(CREATE_INV, { input: { name: 'Salt', unit: 'kg', initialStock: 'lots' } }, manager));
  expect(notNumber.extensions?.code).toBe('BAD_USER_INPUT');
  expect(notNumber.message).toContain('Decimal must be a number or a decimal string');
  await inventoryItem({ name: 'Sugar', unit: 'kg' });
  expect(errorCode(await api.gql(CREATE_INV, { input: { name: 'SUGAR', unit: 'kg' } }, manager))).toBe('CONFLICT');
});

it('creates a menu item with a two-decimal price, allergens and ingredients, and replaces its ingredients', async () => {
  const dough = await inventoryItem({ name: 'Dough ball', unit: 'pcs', initialStock: '40' });
  const cheese = await inventoryItem({ name: 'Fior di latte', unit: 'kg', initialStock: '5' });
  const created = await api.gql(
    `mutation ($input: CreateMenuItemInput!) { createMenuItem(input: $input) { ${MENU} } }`,
    {
      input: {
        name: 'Margherita',
        category: 'pizza',
        price: '8.5',
        allergens: ['Gluten', 'milk', 'gluten'],
        ingredients: [{ inventoryItemId: dough.id, quantity: 1 }],
      },
    },
    manager,
  );
  expect(created.errors).toBeUndefined();
  const item = created.data.createMenuItem;
  expect(item).toMatchObject({ price: '8.50', allergens: ['gluten', 'milk'], isAvailable: true, isActive: true });
  expect(item.ingredients).toEqual([{ inventoryItem: { id: dough.id, name: 'Dough ball', unit: 'pcs' }, quantity: '1' }]);

  const replaced = await api.gql(
    `mutation ($id: ID!, $items: [RecipeIngredientInput!]!) { setRecipeIngredients(menuItemId: $id, items: $items) { ${MENU} } }`,
    {
      id: item.id,
      items: [
        { inventoryItemId: cheese.id, quantity: '0.125' },
        { inventoryItemId: dough.id, quantity: '1' },
      ],
    },
    manager,
  );
  expect(replaced.data.setRecipeIngredients.ingredients.map((i: { quantity: string }) => i.quantity).sort()).toEqual(['0.125', '1']);
  expect(await kitchen.db.recipeIngredient.count({ where: { menuItemId: item.id } })).toBe(2);

  const twice = await api.gql(
    'mutation ($id: ID!, $items: [RecipeIngredientInput!]!) { setRecipeIngredients(menuItemId: $id, items: $items) { id } }',
    {
      id: item.id,
      items: [
        { inventoryItemId: dough.id, quantity: '1' },
        { inventoryItemId: dough.id, quantity: '2' },
      ],
    },
    manager,
  );
  expect(onlyError(twice).message).toContain('lists the same inventory item twice');
  expect(await kitchen.db.auditLog.count({ where: { entityId: item.id, action: { in: ['menu_item.create', 'menu_item.ingredients'] } } })).toBe(2);
});

it('marks a menu item unavailable with a reason, hides it from the default list, and soft-deletes it', async () => {
  const created = await api.gql('mutation { createMenuItem(input: { name: "Calzone", price: 11, category: "pizza" }) { id } }', {}, manager);
  const id = created.data.createMenuItem.id;
  const off = await api.gql(
    `mutation ($id: ID!) { setMenuItemAvailability(id: $id, available: false, reason: "out of ricotta") { ${MENU} } }`,
    { id },
    manager,
  );
  expect(off.data.setMenuItemAvailability).toMatchObject({ isAvailable: false, unavailableReason: 'out of ricotta', price: '11.00' });

  const visible = async (query: string) => (await api.gql(query, {}, manager)).data.menuItems.map((m: { id: string }) => m.id);
  expect(await visible('{ menuItems(category: "pizza") { id } }')).not.toContain(id);
  expect(await visible('{ menuItems(category: "pizza", includeUnavailable: true) { id } }')).toContain(id);

  const on = await api.gql(
    'mutation ($id: ID!) { setMenuItemAvailability(id: $id, available: true, reason: "ignored") { isAvailable unavailableReason } }',
    { id },
    manager,
  );
  expect(on.data.setMenuItemAvailability).toEqual({ isAvailable: true, unavailableReason: null });

  const deleted = await api.gql('mutation ($id: ID!) { deleteMenuItem(id: $id) { isActive } }', { id }, manager);
  expect(deleted.data.deleteMenuItem.isActive).toBe(false);
  expect(await visible('{ menuItems(includeUnavailable: true) { id } }')).not.toContain(id);
  expect(errorCode(await api.gql('mutation ($id: ID!) { updateMenuItem(id: $id, input: { price: "1" }) { id } }', { id }, manager))).toBe('NOT_FOUND');
  const actions = (await kitchen.db.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
  // deleteMenuItem is archiveMenuItem now: the dish stays for the orders that name it.
  expect(actions).toEqual(['menu_item.create', 'menu_item.availability', 'menu_item.availability', 'menu_item.archive']);
});

it('rejects a price with more than two decimals and lets operators read the menu but not change it', async () => {
  const bad = await api.gql('mutation { createMenuItem(input: { name: "Odd", price: "1.234" }) { id } }', {}, manager);
  expect(onlyError(bad).message).toContain('price: at most 2 decimals');
  const operator = await api.login(kitchen.slug, kitchen.users.OPERATOR.email, kitchen.password);
  expect((await api.gql('{ menuItems { id } }', {}, operator)).errors).toBeUndefined();
  expect(errorCode(await api.gql('mutation { createMenuItem(input: { name: "Op", price: "1" }) { id } }', {}, operator))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql('{ inventoryItems { id } }', {}, operator))).toBe('FORBIDDEN');
});
