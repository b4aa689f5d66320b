import { MAX_TASK_MINUTES } from '../../domain/recipe';
import { startKitchenApi, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

/**
 * The inputs that used to reach a 500 or be stored as they came (issue 21), each now refused
 * with BAD_USER_INPUT naming the field, and nothing stored. The real app, Temporal and PostgreSQL.
 */
jest.setTimeout(120_000);

let api: KitchenApi;
let k: TestKitchen;
let owner: string;

beforeAll(async () => {
  api = await startKitchenApi('bad-input');
  k = await api.kitchen();
  owner = (await login(k.tenant.slug, k.tenant.users.OWNER.email, k.tenant.password)).data.login.accessToken;
});
afterAll(() => api?.stop());

const login = (tenant: string, email: string, password: string) =>
  api.gql('', 'mutation($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }', {
    t: tenant,
    e: email,
    p: password,
  });

function refused(res: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, any> }> }, field: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  return res.errors![0];
}

const CREATE_ORDER = 'mutation($i: CreateOrderInput!) { createOrder(input: $i) { id } }';
const orderCount = () => api.prisma.order.count({ where: { tenantId: k.tenant.id } });

it('refuses a NUL character in the anonymous login, without a 500', async () => {
  const err = refused(await login(k.tenant.slug, `owner\u0000@x.local`, 'whatever'), '$e');
  expect(err.message).toBe('Invalid input: $e: must not contain a NUL character');
});

it('refuses a 10 kB email at login and when creating a user, storing nothing', async () => {
  const long = `${'a'.repeat(10_000)}@example.com`;
  refused(await login(k.tenant.slug, long, 'whatever'), 'email');
  const users = await api.prisma.user.count({ where: { tenantId: k.tenant.id } });
  const res = await api.gql(owner, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { email: long, name: 'Long', role: 'STAFF', password: 'long-email-1' },
  });
  expect(refused(res, 'email').message).toMatch(/^Invalid input: email: must be at most 254 characters/);
  expect(await api.prisma.user.count({ where: { tenantId: k.tenant.id } })).toBe(users);
});

it('refuses a phone number that is not one ("call me maybe") and keeps a real one', async () => {
  const before = await orderCount();
  const res = await api.gql(k.token.operator, CREATE_ORDER, {
    i: { channel: 'PHONE', customerPhone: 'call me maybe', items: [{ menuItemId: k.menu.salad, quantity: 1 }] },
  });
  expect(refused(res, 'customerPhone').message).toContain('customerPhone: must be a phone number');
  expect(await orderCount()).toBe(before);
  const ok = await api.gql(k.token.operator, CREATE_ORDER, {
    i: { channel: 'PHONE', customerPhone: '+39 (06) 555.0199', items: [{ menuItemId: k.menu.salad, quantity: 1 }] },
  });
  expect(ok.errors).toBeUndefined();
});

it('refuses an order whose total does not fit its column, storing nothing', async () => {
  const dear = await api.prisma.menuItem.create({
    data: { tenantId: k.tenant.id, name: 'Truffle everything', price: '99999999.00', workflowTemplateId: (await salad()).workflowTemplateId },
  });
  const before = await orderCount();
  const res = await api.gql(k.token.operator, CREATE_ORDER, { i: { channel: 'PHONE', items: [{ menuItemId: dear.id, quantity: 2 }] } });
  expect(refused(res, 'items').message).toBe('Order rejected: items: the order total 199999998.00 is more than 99999999.99 can be');
  expect(await orderCount()).toBe(before);
});

const salad = () => api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.salad } });

it('refuses a stock change that would overflow the stock, changing nothing', async () => {
  const item = await api.prisma.inventoryItem.create({ data: { tenantId: k.tenant.id, name: 'Rice', unit: 'kg', currentStock: '9999000' } });
  const adjust = (quantity: string) =>
    api.gql(owner, 'mutation($id: ID!, $q: Decimal!) { adjustInventory(id: $id, quantity: $q, type: manual_add) { id } }', { id: item.id, q: quantity });
  expect(refused(await adjust('9999999'), 'quantity').message).toBe('Stock too high: quantity: "Rice" cannot hold more than 9999999.999 kg');
  expect(refused(await adjust('99999999999'), 'quantity').message).toMatch(/quantity: must be at most/);
  const after = await api.prisma.inventoryItem.findUniqueOrThrow({ where: { id: item.id } });
  expect(after.currentStock.toString()).toBe('9999000');
  expect(await api.prisma.inventoryMovement.count({ where: { inventoryItemId: item.id } })).toBe(0);
  // Up to the column's limit is still a delivery.
  expect((await adjust('999.999')).errors).toBeUndefined();
});

const CREATE_RECIPE = 'mutation($i: CreateWorkflowTemplateInput!) { createWorkflowTemplate(input: $i) { id } }';
const templates = () => api.prisma.workflowTemplate.count({ where: { tenantId: k.tenant.id } });

/** `n` tasks, each depending on the one before, spread over phases of at most 100. */
function chain(n: number, minutes: number) {
  const tasks = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    name: `Step ${i}`,
    station_type: 'banco',
    estimated_minutes: minutes,
    depends_on: i ? [`t${i - 1}`] : [],
    subtasks: [],
  }));
  const phases = [];
  for (let p = 0; p * 100 < n; p++) phases.push({ id: `p${p}`, name: `Phase ${p}`, order: p, tasks: tasks.slice(p * 100, p * 100 + 100) });
  return { phases };
}

it('refuses 200 chained tasks of 720 minutes: 100 days could never be ready for any order', async () => {
  const before = await templates();
  const res = await api.gql(owner, CREATE_RECIPE, { i: { name: 'Forever stew', definition: chain(200, MAX_TASK_MINUTES) } });
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ code: 'TOO_LONG' })] });
  expect(res.errors?.[0].message).toContain('Recipe takes 144000 minutes along its critical path, but at most 43200 (30 days) are allowed');
  expect(await templates()).toBe(before);
  // The same 200 tasks at 3 minutes each (10 hours) are a recipe.
  expect((await api.gql(owner, CREATE_RECIPE, { i: { name: 'Long banquet', definition: chain(200, 3) } })).errors).toBeUndefined();
});

it('refuses a recipe of 201 tasks, and a 10,000-task one, storing nothing', async () => {
  const before = await templates();
  const res = await api.gql(owner, CREATE_RECIPE, { i: { name: 'Too many steps', definition: chain(201, 1) } });
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ code: 'TOO_MANY_TASKS' })] });
  const huge = await api.gql(owner, CREATE_RECIPE, { i: { name: 'Huge', definition: chain(10_000, 1) } });
  expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(await templates()).toBe(before);
});

it('refuses a 1 MB name, for a recipe, a task in it and a station', async () => {
  const mb = 'n'.repeat(1_000_000);
  const before = await templates();
  refused(await api.gql(owner, CREATE_RECIPE, { i: { name: mb, definition: chain(1, 1) } }), 'name');
  const named = chain(1, 1);
  named.phases[0].tasks[0].name = mb;
  const task = await api.gql(owner, CREATE_RECIPE, { i: { name: 'Big task name', definition: named } });
  expect(task.errors?.[0].extensions?.issues).toEqual([
    expect.objectContaining({ code: 'SHAPE', message: 'phases[0].tasks[0].name: must be at most 200 characters' }),
  ]);
  expect(await templates()).toBe(before);
  const stations = await api.prisma.station.count({ where: { tenantId: k.tenant.id } });
  refused(await api.gql(owner, 'mutation($i: CreateStationInput!) { createStation(input: $i) { id } }', { i: { name: mb, taskTypes: ['banco'] } }), 'name');
  expect(await api.prisma.station.count({ where: { tenantId: k.tenant.id } })).toBe(stations);
});

it('refuses control characters in one-line text but keeps line breaks in notes', async () => {
  const before = await orderCount();
  const bell = await api.gql(k.token.operator, CREATE_ORDER, {
    i: { channel: 'PHONE', customerName: 'Anna\u0007', items: [{ menuItemId: k.menu.salad, quantity: 1 }] },
  });
  expect(refused(bell, 'customerName').message).toContain('customerName: must not contain control characters');
  expect(await orderCount()).toBe(before);
  const notes = await api.gql(k.token.operator, 'mutation($i: CreateOrderInput!) { createOrder(input: $i) { notes } }', {
    i: { channel: 'PHONE', notes: 'ring twice\n\tthen wait', items: [{ menuItemId: k.menu.salad, quantity: 1 }] },
  });
  expect(notes.data?.createOrder.notes).toBe('ring twice\n\tthen wait');
});

it('refuses a quantity beyond any Int as BAD_USER_INPUT naming where it is', async () => {
  const before = await orderCount();
  const res = await api.gql(k.token.operator, CREATE_ORDER, { i: { channel: 'PHONE', items: [{ menuItemId: k.menu.salad, quantity: 1e12 }] } });
  refused(res, 'i.items[0].quantity');
  const many = await api.gql(k.token.operator, CREATE_ORDER, { i: { channel: 'PHONE', items: [{ menuItemId: k.menu.salad, quantity: 51 }] } });
  expect(refused(many, 'items.0.quantity').message).toContain('quantity must be between 1 and 50');
  expect(await orderCount()).toBe(before);
});
