import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { errorCode, onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** User management (users:manage) and the audit log (audit:read). */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let admin: string;
let owner: string;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
  api = await startTestApi(prisma);
  [admin, owner] = await Promise.all([
    api.login(kitchen.slug, kitchen.users.ADMIN.email, kitchen.password),
    api.login(kitchen.slug, kitchen.users.OWNER.email, kitchen.password),
  ]);
});
afterAll(() => api?.close());

const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email name role isActive } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id name role isActive } }';

it('creates a user who can then log in, and never stores or audits the password', async () => {
  const res = await api.gql(CREATE, { input: { email: ' New.Cook@Example.com ', name: 'New Cook', role: 'STAFF', password: 'kitchen-pass-1' } }, admin);
  expect(res.errors).toBeUndefined();
  const user = res.data.createUser;
  expect(user).toMatchObject({ email: 'new.cook@example.com', role: 'STAFF', isActive: true });
  expect(await api.login(kitchen.slug, 'new.cook@example.com', 'kitchen-pass-1')).toEqual(expect.any(String));

  const stored = await kitchen.db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(stored.passwordHash).toMatch(/^sha256-bcrypt:\$2[aby]\$10\$/);
  const audit = await kitchen.db.auditLog.findFirstOrThrow({ where: { action: 'user.create', entityId: user.id } });
  expect(audit.details).toEqual({ email: 'new.cook@example.com', role: 'STAFF' });

  const dup = await api.gql(CREATE, { input: { email: 'NEW.COOK@example.com', name: 'Again', role: 'STAFF', password: 'kitchen-pass-1' } }, admin);
  expect(errorCode(dup)).toBe('CONFLICT');
  const weak = await api.gql(CREATE, { input: { email: 'not-an-email', name: 'W', role: 'STAFF', password: 'short' } }, admin);
  expect(onlyError(weak).message).toMatch(/email: must be an email address; password: must be at least 10 characters/);
});

it('deactivating a user revokes their refresh sessions and blocks their next login', async () => {
  const staff = kitchen.users.STAFF;
  const login = await api.gql('mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { refreshToken } }', {
    t: kitchen.slug,
    e: staff.email,
    p: kitchen.password,
  });
  const res = await api.gql(UPDATE, { id: staff.id, input: { isActive: false } }, admin);
  expect(res.data.updateUser.isActive).toBe(false);

  const refresh = await api.gql('mutation ($t: String!) { refresh(refreshToken: $t) { accessToken } }', { t: login.data.login.refreshToken });
  expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
  await expect(api.login(kitchen.slug, staff.email, kitchen.password)).rejects.toThrow('Account is disabled');
});

it('keeps owners in charge: admins cannot mint or change owners, nobody can demote or disable themselves', async () => {
  const mint = await api.gql(CREATE, { input: { email: 'boss2@example.com', name: 'Boss 2', role: 'OWNER', password: 'owner-pass-1' } }, admin);
  expect(errorCode(mint)).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(UPDATE, { id: kitchen.users.OWNER.id, input: { name: 'Renamed' } }, admin))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(UPDATE, { id: kitchen.users.ADMIN.id, input: { role: 'OWNER' } }, admin))).toBe('FORBIDDEN');

  const self = await api.gql(UPDATE, { id: kitchen.users.OWNER.id, input: { role: 'STAFF' } }, owner);
  expect(onlyError(self)).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'You cannot deactivate your own account or change your own role' });
  const promoted = await api.gql(UPDATE, { id: kitchen.users.OPERATOR.id, input: { role: 'MANAGER', name: 'Promoted' } }, owner);
  expect(promoted.data.updateUser).toMatchObject({ role: 'MANAGER', name: 'Promoted' });
});

it('reserves user management for owners and admins', async () => {
  const manager = await api.login(kitchen.slug, kitchen.users.MANAGER.email, kitchen.password);
  expect(onlyError(await api.gql('{ users { id } }', {}, manager)).message).toBe('Role MANAGER lacks permission users:manage');
  const users = await api.gql('{ users { email } }', {}, admin);
  expect(users.data.users.length).toBeGreaterThanOrEqual(6);
});

it('lists the audit log newest first with who did it, filtered by action and entity type, paged', async () => {
  await api.gql('mutation { createStation(input: { name: "Audit A", taskTypes: ["a"] }) { id } }', {}, admin);
  await api.gql('mutation { createStation(input: { name: "Audit B", taskTypes: ["b"] }) { id } }', {}, owner);
  const res = await api.gql(
    '{ auditLogs(action: "station.create", entityType: "Station", limit: 2) { action entityType details user { id role } createdAt } }',
    {},
    owner,
  );
  expect(res.data.auditLogs.map((a: { details: { name: string } }) => a.details.name)).toEqual(['Audit B', 'Audit A']);
  expect(res.data.auditLogs[0].user).toEqual({ id: kitchen.users.OWNER.id, role: 'OWNER' });
  const page2 = await api.gql('{ auditLogs(action: "station.create", limit: 1, offset: 1) { details } }', {}, owner);
  expect(page2.data.auditLogs[0].details.name).toBe('Audit A');

  const tooMany = await api.gql('{ auditLogs(limit: 1000) { id } }', {}, owner);
  expect(onlyError(tooMany).message).toContain('limit:');
  const staff = await api.login(kitchen.slug, kitchen.users.DELIVERY.email, kitchen.password);
  expect(errorCode(await api.gql('{ auditLogs { id } }', {}, staff))).toBe('FORBIDDEN');
});
