import { startKitchenApi, type GqlResult, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

/**
 * Menu management as the menu editor drives it (issue 19): prices that never reach back into past
 * orders, archiving instead of deleting, linking recipes, and bad input that saves nothing.
 * The real app over HTTP and real PostgreSQL; orders start their workflows on a Temporal dev
 * server with no worker polling, since nothing here cooks them.
 */
jest.setTimeout(90_000);

let api: KitchenApi;
let k: TestKitchen;
beforeAll(async () => {
  api = await startKitchenApi('menu-management-test', { worker: false });
  k = await api.kitchen();
});
afterAll(() => api?.stop());

const DISH = 'id name price isActive archivedAt workflowTemplate { id } ingredients { quantity inventoryItem { id unit } }';

async function ok(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await api.gql(token, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** The one error of a refused request: its code and the field it names. */
function refusal(res: GqlResult) {
  expect(res.errors).toHaveLength(1);
  const [err] = res.errors!;
  return { code: err.extensions?.code, field: err.extensions?.field, message: err.message };
}

const order = (menuItemId: string) =>
  api.gql(k.token.operator, 'mutation ($m: ID!) { createOrder(input: { channel: PHONE, items: [{ menuItemId: $m, quantity: 1 }] }) { id totalAmount } }', {
    m: menuItemId,
  });
const pastOrder = async (id: string) =>
  (await ok(k.token.manager, 'query ($id: ID!) { order(id: $id) { totalAmount items { name unitPrice menuItem { id name } } } }', { id })).order;
const createDish = async (input: Record<string, unknown>) =>
  (await ok(k.token.manager, `mutation ($input: CreateMenuItemInput!) { createMenuItem(input: $input) { ${DISH} } }`, { input })).createMenuItem;
const updateDish = (id: string, input: Record<string, unknown>) =>
  api.gql(k.token.manager, `mutation ($id: ID!, $input: UpdateMenuItemInput!) { updateMenuItem(id: $id, input: $input) { ${DISH} } }`, { id, input });
const menuIds = async (args = '') =>
  (await ok(k.token.manager, `{ menuItems(includeUnavailable: true${args}) { id } }`)).menuItems.map((m: { id: string }) => m.id);

it('applies a new price to new orders only: an order taken before keeps its unit price and total', async () => {
  const before = await order(k.menu.pizza);
  expect(before.data.createOrder.totalAmount).toBe('8.50');
  expect((await updateDish(k.menu.pizza, { price: '10.25' })).data.updateMenuItem.price).toBe('10.25');

  expect(await pastOrder(before.data.createOrder.id)).toEqual({
    totalAmount: '8.50',
    items: [{ name: 'Margherita', unitPrice: '8.50', menuItem: { id: k.menu.pizza, name: 'Margherita' } }],
  });
  const after = await order(k.menu.pizza);
  expect(after.data.createOrder.totalAmount).toBe('10.25');
  const stored = await api.prisma.orderItem.findFirstOrThrow({ where: { orderId: before.data.createOrder.id } });
  expect(stored.unitPrice.toFixed(2)).toBe('8.50');
});

it('archives a dish off the menu and out of new orders, keeps it on past orders, and restores it', async () => {
  const taken = (await order(k.menu.salad)).data.createOrder.id;
  const archived = (await ok(k.token.manager, `mutation ($id: ID!) { archiveMenuItem(id: $id) { ${DISH} } }`, { id: k.menu.salad })).archiveMenuItem;
  expect(archived).toMatchObject({ isActive: false, archivedAt: expect.any(String) });

  expect(await menuIds()).not.toContain(k.menu.salad);
  expect(await menuIds(', includeArchived: true')).toContain(k.menu.salad);
  expect(refusal(await order(k.menu.salad))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'items.0.menuItemId',
    message: expect.stringContaining('no longer on the menu'),
  });
  expect((await pastOrder(taken)).items[0].menuItem).toEqual({ id: k.menu.salad, name: archived.name });
  expect((await api.gql(k.token.manager, 'mutation ($id: ID!) { archiveMenuItem(id: $id) { id } }', { id: k.menu.salad })).errors?.[0].extensions?.code).toBe(
    'NOT_FOUND',
  );
  // Archived, it keeps its name: a new dish of the same name is a conflict that points at restoring it.
  const sameName = await api.gql(k.token.manager, 'mutation ($n: String!) { createMenuItem(input: { name: $n, price: "1" }) { id } }', { n: archived.name });
  expect(refusal(sameName)).toMatchObject({ code: 'CONFLICT', field: 'name', message: expect.stringContaining('archived: restore it instead') });

  const restored = (await ok(k.token.manager, `mutation ($id: ID!) { restoreMenuItem(id: $id) { ${DISH} } }`, { id: k.menu.salad })).restoreMenuItem;
  expect(restored).toMatchObject({ isActive: true, archivedAt: null });
  expect((await order(k.menu.salad)).errors).toBeUndefined();
  const actions = await api.prisma.auditLog.findMany({ where: { tenantId: k.tenant.id, entityId: k.menu.salad }, orderBy: { createdAt: 'asc' } });
  expect(actions.map((a) => a.action)).toEqual(['menu_item.archive', 'menu_item.restore']);
});

it('refuses to restore a dish whose ingredient was archived meanwhile, and changes nothing', async () => {
  const stock = await api.prisma.inventoryItem.create({ data: { tenantId: k.tenant.id, name: 'Anchovies', unit: 'kg', currentStock: 1 } });
  const dish = await createDish({ name: 'Puttanesca', price: '9.00', ingredients: [{ inventoryItemId: stock.id, quantity: '0.01' }] });
  await ok(k.token.manager, 'mutation ($id: ID!) { archiveMenuItem(id: $id) { id } }', { id: dish.id });
  await ok(k.token.manager, 'mutation ($id: ID!) { updateInventoryItem(id: $id, input: { isActive: false }) { id } }', { id: stock.id });

  const restore = () => api.gql(k.token.manager, 'mutation ($id: ID!) { restoreMenuItem(id: $id) { id isActive } }', { id: dish.id });
  expect(refusal(await restore())).toMatchObject({ code: 'CONFLICT', field: 'ingredients', message: expect.stringContaining('"Anchovies" is archived') });
  expect(await api.prisma.menuItem.findUniqueOrThrow({ where: { id: dish.id } })).toMatchObject({ isActive: false, archivedAt: expect.any(Date) });

  await ok(k.token.manager, 'mutation ($id: ID!) { updateInventoryItem(id: $id, input: { isActive: true }) { id } }', { id: stock.id });
  expect((await restore()).data.restoreMenuItem).toEqual({ id: dish.id, isActive: true });
});

it('links a recipe to a new dish so its orders pin the recipe’s current published version', async () => {
  const pizza = await api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.pizza }, include: { workflowTemplate: true } });
  const dish = await createDish({ name: 'Marinara', price: '6.00', category: 'pizza' });
  expect(refusal(await order(dish.id)).message).toContain('has no recipe');
  const linked = (await updateDish(dish.id, { workflowTemplateId: pizza.workflowTemplateId })).data.updateMenuItem;
  expect(linked.workflowTemplate).toEqual({ id: pizza.workflowTemplateId });

  const placed = (await order(dish.id)).data.createOrder.id;
  const item = await api.prisma.orderItem.findFirstOrThrow({ where: { orderId: placed }, include: { workflowVersion: true } });
  expect(item.workflowVersion).toMatchObject({ templateId: pizza.workflowTemplateId, version: pizza.workflowTemplate!.currentVersion });
});

describe('bad input names its field and saves nothing', () => {
  it('refuses duplicate names (any case) and negative prices on create and on edit', async () => {
    const dish = await createDish({ name: 'Diavola', price: '9' });
    expect(refusal(await api.gql(k.token.manager, 'mutation { createMenuItem(input: { name: "DIAVOLA", price: "9" }) { id } }'))).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    expect(refusal(await updateDish(dish.id, { name: 'margherita' }))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(refusal(await api.gql(k.token.manager, 'mutation { createMenuItem(input: { name: "Free lunch", price: "-1" }) { id } }'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'price',
      message: expect.stringContaining('price: must be at least 0'),
    });
    expect(refusal(await updateDish(dish.id, { price: '-0.01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'price' });
    expect(await api.prisma.menuItem.count({ where: { tenantId: k.tenant.id, name: { in: ['Free lunch', 'DIAVOLA'] } } })).toBe(0);
    expect((await api.prisma.menuItem.findUniqueOrThrow({ where: { id: dish.id } })).price.toFixed(2)).toBe('9.00');
  });

  it("refuses another tenant's recipe like a missing one, naming workflowTemplateId", async () => {
    const other = await api.kitchen();
    const foreign = await api.prisma.menuItem.findUniqueOrThrow({ where: { id: other.menu.pizza } });
    const dish = await createDish({ name: 'Borrowed pizza', price: '7' });
    const link = (templateId: string) => updateDish(dish.id, { workflowTemplateId: templateId, price: '99' });
    const [foreignAnswer, missingAnswer] = [refusal(await link(foreign.workflowTemplateId!)), refusal(await link('00000000-0000-4000-8000-000000000001'))];
    expect(foreignAnswer).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'workflowTemplateId',
      message: 'Recipe not linked: workflowTemplateId: Workflow template not found',
    });
    expect(missingAnswer).toEqual(foreignAnswer);
    expect(await api.prisma.menuItem.findUniqueOrThrow({ where: { id: dish.id } })).toMatchObject({ workflowTemplateId: null });
    expect((await api.prisma.menuItem.findUniqueOrThrow({ where: { id: dish.id } })).price.toFixed(2)).toBe('7.00');
  });

  it("refuses an ingredient whose unit is not the inventory item's unit, and keeps the dish's fields and ingredients as they were", async () => {
    const cheese = (await ok(k.token.manager, 'mutation { createInventoryItem(input: { name: "Pecorino", unit: "kg", initialStock: "3" }) { id } }'))
      .createInventoryItem.id;
    const dish = await createDish({ name: 'Cacio e pepe', price: '11', ingredients: [{ inventoryItemId: cheese, quantity: '0.08', unit: 'kg' }] });
    expect(dish.ingredients).toEqual([{ quantity: '0.08', inventoryItem: { id: cheese, unit: 'kg' } }]);

    const mismatch = await updateDish(dish.id, { price: '12', ingredients: [{ inventoryItemId: cheese, quantity: '80', unit: 'g' }] });
    expect(refusal(mismatch)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'ingredients.0.unit',
      message: 'Ingredients not saved: ingredients.0.unit: the quantity is in g, but "Pecorino" is counted in kg',
    });
    const after = await api.prisma.menuItem.findUniqueOrThrow({ where: { id: dish.id }, include: { ingredients: true } });
    expect(after.price.toFixed(2)).toBe('11.00');
    expect(after.ingredients.map((i) => i.quantity.toString())).toEqual(['0.08']);

    // The same unit in another case is the same unit; the quantity is stored in the item's unit.
    const saved = await updateDish(dish.id, { price: '12', ingredients: [{ inventoryItemId: cheese, quantity: '0.1', unit: 'KG' }] });
    expect(saved.data.updateMenuItem).toMatchObject({ price: '12.00', ingredients: [{ quantity: '0.1', inventoryItem: { id: cheese, unit: 'kg' } }] });
  });
});

describe('inventory items', () => {
  const UPDATE =
    'mutation ($id: ID!, $input: UpdateInventoryItemInput!) { updateInventoryItem(id: $id, input: $input) { id unit isActive minStock costPerUnit supplier } }';

  it('edits unit, minimum, cost and supplier, and archives an item no dish uses, keeping its movements', async () => {
    const created = await ok(
      k.token.manager,
      'mutation { createInventoryItem(input: { name: "Capers", unit: "jar", initialStock: "4", minStock: "1", costPerUnit: "2.5", supplier: "Sud" }) { id } }',
    );
    const id = created.createInventoryItem.id;
    const edited = await ok(k.token.manager, UPDATE, { id, input: { unit: 'kg', minStock: '0.5', costPerUnit: '12.75', supplier: 'Pantelleria' } });
    expect(edited.updateInventoryItem).toEqual({ id, unit: 'kg', isActive: true, minStock: '0.5', costPerUnit: '12.75', supplier: 'Pantelleria' });

    expect((await ok(k.token.manager, UPDATE, { id, input: { isActive: false } })).updateInventoryItem.isActive).toBe(false);
    const listed = async (args: string) => (await ok(k.token.manager, `{ inventoryItems${args} { id } }`)).inventoryItems.map((i: { id: string }) => i.id);
    expect(await listed('')).not.toContain(id);
    expect(await listed('(includeInactive: true)')).toContain(id);
    const ledger = await ok(k.token.manager, 'query ($id: ID) { inventoryMovements(itemId: $id, limit: 10) { movementType quantity } }', { id });
    expect(ledger.inventoryMovements).toEqual([{ movementType: 'initial', quantity: '4' }]);
  });

  it('refuses to change the unit of, or archive, an item a dish on the menu uses, naming the field and the dish', async () => {
    const flour = (
      await ok(k.token.manager, 'mutation { createInventoryItem(input: { name: "Semola", unit: "kg", supplier: "Molino" }) { id unit supplier } }')
    ).createInventoryItem;
    await createDish({ name: 'Focaccia', price: '4', ingredients: [{ inventoryItemId: flour.id, quantity: '0.2' }] });
    const unit = refusal(await api.gql(k.token.manager, UPDATE, { id: flour.id, input: { unit: 'lb', supplier: 'Changed' } }));
    expect(unit).toMatchObject({ code: 'CONFLICT', field: 'unit', message: expect.stringContaining('"Focaccia"') });
    const archive = refusal(await api.gql(k.token.manager, UPDATE, { id: flour.id, input: { isActive: false } }));
    expect(archive).toMatchObject({ code: 'CONFLICT', field: 'isActive' });
    expect(await api.prisma.inventoryItem.findUniqueOrThrow({ where: { id: flour.id } })).toMatchObject({
      unit: flour.unit,
      supplier: flour.supplier,
      isActive: true,
    });
    // The same unit written differently changes nothing a recipe relies on.
    expect((await api.gql(k.token.manager, UPDATE, { id: flour.id, input: { unit: flour.unit.toUpperCase() } })).errors).toBeUndefined();
  });
});
