import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-logins';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { errorCode, onlyError, simpleRecipe, startTestApi, type TestApi } from '../../test/support/graphql-client';

/**
 * Tenant isolation, the one property the whole API must never lose: an id of another tenant's
 * row behaves exactly like an id that does not exist, and no list ever contains foreign rows.
 */
const prisma = testPrisma();
let api: TestApi;
let home: TestTenant;
let other: TestTenant;
let homeOwner: string;
const foreign: Record<'station' | 'template' | 'menuItem' | 'inventoryItem' | 'user', string> = {} as never;

beforeAll(async () => {
  [home, other] = await Promise.all([createTestTenant(prisma), createTestTenant(prisma)]);
  api = await startTestApi(prisma);
  homeOwner = await api.login(home.slug, home.users.OWNER.email, home.password);
  // The other tenant's rows are made through the API too, so it has audit rows of its own.
  const otherOwner = await api.login(other.slug, other.users.OWNER.email, other.password);
  const template = await api.gql(
    'mutation ($d: JSON!) { createWorkflowTemplate(input: { name: "Secret pizza", definition: $d }) { id } }',
    { d: simpleRecipe() },
    otherOwner,
  );
  const inventory = await api.gql('mutation { createInventoryItem(input: { name: "Secret flour", unit: "kg", initialStock: "5" }) { id } }', {}, otherOwner);
  const menu = await api.gql(
    'mutation ($t: ID!) { createMenuItem(input: { name: "Secret menu item", price: "9.00", workflowTemplateId: $t }) { id } }',
    { t: template.data.createWorkflowTemplate.id },
    otherOwner,
  );
  Object.assign(foreign, {
    station: other.stations[0].id,
    template: template.data.createWorkflowTemplate.id,
    inventoryItem: inventory.data.createInventoryItem.id,
    menuItem: menu.data.createMenuItem.id,
    user: other.users.STAFF.id,
  });
});
afterAll(() => api?.close());

const notFound = (res: Awaited<ReturnType<TestApi['gql']>>) => {
  const err = onlyError(res);
  expect(err.extensions?.code).toBe('NOT_FOUND');
  return err.message;
};

const refusedField = (res: Awaited<ReturnType<TestApi['gql']>>) => {
  const err = onlyError(res);
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  return { field: err.extensions?.field, message: err.message };
};

it("reads another tenant's rows by id exactly as if they did not exist", async () => {
  const cases: Array<[string, string]> = [
    ['query ($id: ID!) { station(id: $id) { id } }', foreign.station],
    ['query ($id: ID!) { workflowTemplate(id: $id) { id } }', foreign.template],
    ['query ($id: ID!) { menuItem(id: $id) { id } }', foreign.menuItem],
  ];
  for (const [query, id] of cases) {
    const foreignMessage = notFound(await api.gql(query, { id }, homeOwner));
    const missingMessage = notFound(await api.gql(query, { id: randomUUID() }, homeOwner));
    expect(foreignMessage).toBe(missingMessage);
  }
});

it("refuses to change another tenant's rows and leaves them untouched", async () => {
  const before = await other.db.station.findUniqueOrThrow({ where: { id: foreign.station } });
  const attempts = [
    api.gql('mutation ($id: ID!) { updateStation(id: $id, input: { name: "Hijacked", capacity: 9 }) { id } }', { id: foreign.station }, homeOwner),
    api.gql('mutation ($id: ID!) { deleteStation(id: $id) { id } }', { id: foreign.station }, homeOwner),
    api.gql('mutation ($id: ID!, $d: JSON!) { saveWorkflowDraft(id: $id, definition: $d) { id } }', { id: foreign.template, d: simpleRecipe() }, homeOwner),
    api.gql('mutation ($id: ID!) { publishWorkflowTemplate(id: $id) { id } }', { id: foreign.template }, homeOwner),
    api.gql('mutation ($id: ID!) { updateMenuItem(id: $id, input: { price: "0.01" }) { id } }', { id: foreign.menuItem }, homeOwner),
    api.gql('mutation ($id: ID!) { setMenuItemAvailability(id: $id, available: false) { id } }', { id: foreign.menuItem }, homeOwner),
    api.gql('mutation ($id: ID!) { updateInventoryItem(id: $id, input: { minStock: "100" }) { id } }', { id: foreign.inventoryItem }, homeOwner),
    api.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id } }', { id: foreign.user }, homeOwner),
  ];
  for (const res of await Promise.all(attempts)) notFound(res);

  expect(await other.db.station.findUniqueOrThrow({ where: { id: foreign.station } })).toEqual(before);
  expect((await other.db.workflowTemplate.findUniqueOrThrow({ where: { id: foreign.template } })).currentVersion).toBeNull();
  expect(await other.db.menuItem.findUniqueOrThrow({ where: { id: foreign.menuItem } })).toMatchObject({ isAvailable: true });
  expect((await other.db.menuItem.findUniqueOrThrow({ where: { id: foreign.menuItem } })).price.toFixed(2)).toBe('9.00');
  expect((await other.db.inventoryItem.findUniqueOrThrow({ where: { id: foreign.inventoryItem } })).minStock.toNumber()).toBe(0);
  expect((await other.db.user.findUniqueOrThrow({ where: { id: foreign.user } })).isActive).toBe(true);
  expect(await prisma.auditLog.count({ where: { entityId: { in: Object.values(foreign) }, tenantId: home.id } })).toBe(0);
});

it("refuses to link another tenant's recipe or inventory item, writing nothing", async () => {
  const linkTemplate = await api.gql(
    'mutation ($t: ID!) { createMenuItem(input: { name: "Borrowed", price: "5", workflowTemplateId: $t }) { id } }',
    { t: foreign.template },
    homeOwner,
  );
  // Refused like an id that does not exist: BAD_USER_INPUT naming the field (the dish is what is saved, not the recipe).
  expect(refusedField(linkTemplate)).toEqual({ field: 'workflowTemplateId', message: 'Recipe not linked: workflowTemplateId: Workflow template not found' });

  const linkInventory = await api.gql(
    'mutation ($i: ID!) { createMenuItem(input: { name: "Borrowed 2", price: "5", ingredients: [{ inventoryItemId: $i, quantity: "1" }] }) { id } }',
    { i: foreign.inventoryItem },
    homeOwner,
  );
  expect(refusedField(linkInventory)).toEqual({
    field: 'ingredients.0.inventoryItemId',
    message: `Ingredients not saved: ingredients.0.inventoryItemId: Inventory item not found: ${foreign.inventoryItem}`,
  });
  expect(await home.db.menuItem.count({ where: { name: { startsWith: 'Borrowed' } } })).toBe(0);
});

it("never lists another tenant's rows", async () => {
  const res = await api.gql(
    `{ stations(includeInactive: true) { id } workflowTemplates { id } menuItems(includeUnavailable: true) { id }
       inventoryItems(includeInactive: true) { id } users { id } auditLogs(limit: 200) { id entityId } }`,
    {},
    homeOwner,
  );
  expect(res.errors).toBeUndefined();
  const ids = JSON.stringify(res.data);
  for (const id of Object.values(foreign)) expect(ids).not.toContain(id);
  expect(res.data.stations.map((s: { id: string }) => s.id).sort()).toEqual(home.stations.map((s) => s.id).sort());
  expect(res.data.users).toHaveLength(Object.keys(home.users).length);
});

it('acceptance: the demo manager sees the seeded demo stations and nothing of demo2', async () => {
  const token = await api.login('demo', 'manager@demo.local', DEMO_PASSWORD);
  const demo = await prisma.tenant.findUniqueOrThrow({ where: { slug: 'demo' }, include: { stations: true } });
  const demo2 = await prisma.tenant.findUniqueOrThrow({ where: { slug: 'demo2' }, include: { stations: true, menuItems: true } });

  const res = await api.gql('{ stations { id name } menuItems { id } }', {}, token);
  expect(res.errors).toBeUndefined();
  const seeded = demo.stations.filter((s) => s.isActive).sort((a, b) => a.displayOrder - b.displayOrder || a.name.localeCompare(b.name));
  expect(res.data.stations).toEqual(seeded.map(({ id, name }) => ({ id, name })));
  expect(res.data.stations.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Forno', 'Wok']));

  const listed = JSON.stringify(res.data);
  for (const row of [...demo2.stations, ...demo2.menuItems]) expect(listed).not.toContain(row.id);
  expect(errorCode(await api.gql('query ($id: ID!) { station(id: $id) { name } }', { id: demo2.stations[0].id }, token))).toBe('NOT_FOUND');
  expect(errorCode(await api.gql('query ($id: ID!) { menuItem(id: $id) { name } }', { id: demo2.menuItems[0].id }, token))).toBe('NOT_FOUND');
});
