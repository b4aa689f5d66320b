import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** kitchenSettings over GraphQL: defaults, a manager's change merged into tenants.settings and audited, bad values and roles refused. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let other: TestTenant;
let manager: string;
let staff: string;
let operator: string;
let otherManager: string;

beforeAll(async () => {
  [kitchen, other] = await Promise.all([createTestTenant(prisma), createTestTenant(prisma)]);
  api = await startTestApi(prisma);
  [manager, staff, operator, otherManager] = await Promise.all([
    api.login(kitchen.slug, kitchen.users.MANAGER.email, kitchen.password),
    api.login(kitchen.slug, kitchen.users.STAFF.email, kitchen.password),
    api.login(kitchen.slug, kitchen.users.OPERATOR.email, kitchen.password),
    api.login(other.slug, other.users.MANAGER.email, other.password),
  ]);
});
afterAll(() => api?.close());

const READ = '{ kitchenSettings { readyHoldMinutes } }';
const UPDATE = 'mutation ($input: UpdateKitchenSettingsInput!) { updateKitchenSettings(input: $input) { readyHoldMinutes } }';
const stored = async (t: TestTenant) => (await prisma.tenant.findUniqueOrThrow({ where: { id: t.id } })).settings;

it('reads the default hold time, and a manager’s change is kept beside the other settings, audited, and only for that tenant', async () => {
  await prisma.tenant.update({ where: { id: kitchen.id }, data: { settings: { timeZone: 'Europe/Rome' } } });
  expect((await api.gql(READ, {}, staff)).data).toEqual({ kitchenSettings: { readyHoldMinutes: 5 } });

  const res = await api.gql(UPDATE, { input: { readyHoldMinutes: 8 } }, manager);
  expect(res.errors).toBeUndefined();
  expect(res.data.updateKitchenSettings).toEqual({ readyHoldMinutes: 8 });
  expect(await stored(kitchen)).toEqual({ timeZone: 'Europe/Rome', readyHoldMinutes: 8 });
  expect((await api.gql(READ, {}, operator)).data.kitchenSettings).toEqual({ readyHoldMinutes: 8 });
  expect((await api.gql(READ, {}, otherManager)).data.kitchenSettings).toEqual({ readyHoldMinutes: 5 });

  const audit = await prisma.auditLog.findMany({ where: { tenantId: kitchen.id, action: 'kitchenSettings.update' } });
  expect(audit.map((a) => [a.userId, a.entityType, a.entityId, a.details])).toEqual([
    [kitchen.users.MANAGER.id, 'Tenant', kitchen.id, { changes: { readyHoldMinutes: 8 }, previous: { readyHoldMinutes: 5 } }],
  ]);

  // Saving the same value again changes nothing and writes no second audit row.
  expect((await api.gql(UPDATE, { input: { readyHoldMinutes: 8 } }, manager)).data.updateKitchenSettings).toEqual({ readyHoldMinutes: 8 });
  expect(await prisma.auditLog.count({ where: { tenantId: kitchen.id, action: 'kitchenSettings.update' } })).toBe(1);
});

it('refuses a hold time that is not a whole number of minutes from 1 to 120 with BAD_USER_INPUT, and changes nothing', async () => {
  const before = await stored(kitchen);
  for (const [value, message] of [
    [0, 'must be at least 1 minute'],
    [121, 'must be at most 120 minutes'],
    [-5, 'must be at least 1 minute'],
  ] as const) {
    const err = onlyError(await api.gql(UPDATE, { input: { readyHoldMinutes: value } }, manager));
    expect([err.extensions?.code, err.message]).toEqual(['BAD_USER_INPUT', `Invalid input: readyHoldMinutes: ${message}`]);
    expect(err.extensions?.fieldErrors).toEqual([{ path: 'readyHoldMinutes', message }]);
  }
  const empty = onlyError(await api.gql(UPDATE, { input: {} }, manager));
  expect([empty.extensions?.code, empty.message]).toEqual(['BAD_USER_INPUT', 'nothing to change: give at least one setting']);
  // Not an Int at all: GraphQL refuses it before the resolver, still as bad input, never a 500.
  const notInt = onlyError(await api.gql(UPDATE, { input: { readyHoldMinutes: 2.5 } }, manager));
  expect(notInt.extensions?.code).toBe('BAD_USER_INPUT');
  expect(await stored(kitchen)).toEqual(before);
});

it('lets only managers and above change it (FORBIDDEN for kitchen staff and operators) and needs a sign-in to read it', async () => {
  const before = await stored(kitchen);
  for (const token of [staff, operator]) {
    expect(onlyError(await api.gql(UPDATE, { input: { readyHoldMinutes: 30 } }, token)).extensions?.code).toBe('FORBIDDEN');
  }
  expect(onlyError(await api.gql(READ, {})).extensions?.code).toBe('UNAUTHENTICATED');
  expect(await stored(kitchen)).toEqual(before);
});
