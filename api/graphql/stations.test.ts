import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { errorCode, onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** Station CRUD through GraphQL: validation, duplicates, permissions, soft delete, audit rows. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let manager: string;
let staff: string;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
  api = await startTestApi(prisma);
  [manager, staff] = await Promise.all([
    api.login(kitchen.slug, kitchen.users.MANAGER.email, kitchen.password),
    api.login(kitchen.slug, kitchen.users.STAFF.email, kitchen.password),
  ]);
});
afterAll(() => api?.close());

const FIELDS = 'id name capacity taskTypes isActive displayOrder';
const CREATE = `mutation ($input: CreateStationInput!) { createStation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStationInput!) { updateStation(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteStation(id: $id) { ${FIELDS} } }`;

const auditFor = (entityId: string, action: string) => kitchen.db.auditLog.findFirst({ where: { entityId, action } });

it('creates, reads, updates and soft-deletes a station, auditing each change', async () => {
  const created = await api.gql(CREATE, { input: { name: 'Pasta', capacity: 3, taskTypes: ['pasta', 'boil'] } }, manager);
  expect(created.errors).toBeUndefined();
  const station = created.data.createStation;
  expect(station).toMatchObject({ name: 'Pasta', capacity: 3, taskTypes: ['pasta', 'boil'], isActive: true, displayOrder: 0 });
  expect(await auditFor(station.id, 'station.create')).toMatchObject({ userId: kitchen.users.MANAGER.id, entityType: 'Station' });

  const read = await api.gql(`query ($id: ID!) { station(id: $id) { ${FIELDS} } }`, { id: station.id }, staff);
  expect(read.data.station).toEqual(station);

  const updated = await api.gql(UPDATE, { id: station.id, input: { capacity: 4, name: 'Pasta & Risotto' } }, manager);
  expect(updated.data.updateStation).toMatchObject({ name: 'Pasta & Risotto', capacity: 4, taskTypes: ['pasta', 'boil'] });
  expect((await auditFor(station.id, 'station.update'))?.details).toEqual({ changes: { capacity: 4, name: 'Pasta & Risotto' } });

  const deleted = await api.gql(DELETE, { id: station.id }, manager);
  expect(deleted.data.deleteStation.isActive).toBe(false);
  expect(await auditFor(station.id, 'station.delete')).not.toBeNull();
  const active = await api.gql('{ stations { id } }', {}, manager);
  expect(active.data.stations.map((s: { id: string }) => s.id)).not.toContain(station.id);
  const all = await api.gql('{ stations(includeInactive: true) { id } }', {}, manager);
  expect(all.data.stations.map((s: { id: string }) => s.id)).toContain(station.id);
});

it('lists the tenant stations in display order', async () => {
  const res = await api.gql('{ stations { name } }', {}, staff);
  expect(res.data.stations.map((s: { name: string }) => s.name)).toEqual(kitchen.stations.map((s) => s.name));
});

it('rejects invalid input with BAD_USER_INPUT naming each bad field', async () => {
  const res = await api.gql(CREATE, { input: { name: ' ', capacity: 51, taskTypes: ['Grill Station'] } }, manager);
  const err = onlyError(res);
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(err.message).toContain('name: must not be empty');
  expect(err.message).toContain('capacity:');
  expect(err.message).toContain('taskTypes.0: must be a lowercase slug');
  expect(err.extensions?.fieldErrors.map((f: { path: string }) => f.path)).toEqual(['name', 'capacity', 'taskTypes.0']);

  const empty = await api.gql(CREATE, { input: { name: 'Nothing', capacity: 0, taskTypes: [] } }, manager);
  expect(onlyError(empty).message).toMatch(/capacity: .*; taskTypes: needs at least one task type/);
  expect(await kitchen.db.station.count({ where: { name: { in: ['Nothing', ' '] } } })).toBe(0);
});

it('answers CONFLICT for a duplicate name, ignoring case, on create and on rename', async () => {
  const dup = await api.gql(CREATE, { input: { name: 'oven', taskTypes: ['forno'] } }, manager);
  expect(onlyError(dup)).toMatchObject({ message: 'A station named "oven" already exists', extensions: { code: 'CONFLICT', field: 'name' } });

  const wok = kitchen.stations.find((s) => s.name === 'Wok')!;
  const rename = await api.gql(UPDATE, { id: wok.id, input: { name: 'Prep' } }, manager);
  expect(errorCode(rename)).toBe('CONFLICT');
  expect((await kitchen.db.station.findUniqueOrThrow({ where: { id: wok.id } })).name).toBe('Wok');
});

it('forbids kitchen staff from changing stations and names the missing permission', async () => {
  const res = await api.gql(CREATE, { input: { name: 'Staff station', taskTypes: ['x'] } }, staff);
  expect(onlyError(res)).toMatchObject({
    message: 'Role STAFF lacks permission stations:write',
    extensions: { code: 'FORBIDDEN', permission: 'stations:write' },
  });
  expect(await kitchen.db.station.count({ where: { name: 'Staff station' } })).toBe(0);

  const rider = await api.login(kitchen.slug, kitchen.users.DELIVERY.email, kitchen.password);
  expect(errorCode(await api.gql('{ stations { id } }', {}, rider))).toBe('FORBIDDEN');
});

it('explains a wrongly typed input clearly, as a literal and as a variable', async () => {
  const literal = await api.gql('mutation { createStation(input: { name: "X", capacity: "five", taskTypes: ["x"] }) { id } }', {}, manager);
  expect(onlyError(literal)).toMatchObject({
    message: 'Int cannot represent non-integer value: "five"',
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });

  const variable = await api.gql(CREATE, { input: { name: 'X', capacity: 'five', taskTypes: ['x'] } }, manager);
  const err = onlyError(variable);
  expect(err.message).toContain('Variable "$input" got invalid value "five" at "input.capacity"');
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');

  const missing = await api.gql(CREATE, { input: { capacity: 2 } }, manager);
  expect(missing.errors?.map((e) => e.message.split('; ')[1])).toEqual([
    'Field "name" of required type "String!" was not provided.',
    'Field "taskTypes" of required type "[String!]!" was not provided.',
  ]);
});

it('treats a malformed id like a missing one', async () => {
  const res = await api.gql('query { station(id: "not-a-uuid") { id } }', {}, manager);
  expect(onlyError(res)).toMatchObject({ message: 'Station not found', extensions: { code: 'NOT_FOUND' } });
});
