import jwt from 'jsonwebtoken';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { errorCode, onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** login / refresh / logout / me over real HTTP against the shared PostgreSQL. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
  api = await startTestApi(prisma);
});
afterAll(() => api?.close());

const LOGIN = `mutation ($tenant: String!, $email: String!, $password: String!) {
  login(tenant: $tenant, email: $email, password: $password) {
    accessToken refreshToken expiresAt user { id name email role } tenant { id name slug }
  }
}`;
const REFRESH = 'mutation ($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken user { role } } }';
const ME = '{ me { user { id email role } tenant { slug } permissions } }';

const loginAs = (email: string, password = kitchen.password, tenant = kitchen.slug) => api.gql(LOGIN, { tenant, email, password });

it('logs in with tenant slug, email and password and returns tokens, user and tenant', async () => {
  const manager = kitchen.users.MANAGER;
  const res = await loginAs(manager.email.toUpperCase());
  expect(res.errors).toBeUndefined();
  const payload = res.data.login;
  expect(payload.user).toEqual({ id: manager.id, name: manager.name, email: manager.email, role: 'MANAGER' });
  expect(payload.tenant).toEqual({ id: kitchen.id, name: kitchen.name, slug: kitchen.slug });
  expect(new Date(payload.expiresAt).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  expect(payload.refreshToken).toMatch(/^[\w-]{43}$/);

  const me = await api.gql(ME, {}, payload.accessToken);
  expect(me.data.me).toMatchObject({ user: { id: manager.id, role: 'MANAGER' }, tenant: { slug: kitchen.slug } });
  expect(me.data.me.permissions).toContain('stations:write');
  expect(me.data.me.permissions).not.toContain('users:manage');
});

it('records the login: lastLoginAt is set and a user.login audit row exists', async () => {
  const owner = kitchen.users.OWNER;
  const before = new Date();
  expect((await loginAs(owner.email)).errors).toBeUndefined();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
  expect(user.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  const audit = await kitchen.db.auditLog.findFirst({ where: { action: 'user.login', userId: owner.id } });
  expect(audit).toMatchObject({ entityType: 'User', entityId: owner.id, ipAddress: '127.0.0.1' });
});

it('answers the same generic error for a wrong password, an unknown email and an unknown tenant', async () => {
  const attempts = [
    loginAs(kitchen.users.MANAGER.email, 'wrong-password'),
    loginAs('nobody@nowhere.test'),
    loginAs(kitchen.users.MANAGER.email, kitchen.password, 'no-such-tenant'),
  ];
  for (const res of await Promise.all(attempts)) {
    expect(res.data).toBeNull();
    expect(onlyError(res)).toMatchObject({ message: 'Invalid tenant, email or password', extensions: { code: 'UNAUTHENTICATED' } });
  }
});

it('rejects a deactivated user and a deactivated tenant even with the right password', async () => {
  const other = await createTestTenant(prisma);
  await prisma.user.update({ where: { id: other.users.STAFF.id }, data: { isActive: false } });
  const disabledUser = await loginAs(other.users.STAFF.email, other.password, other.slug);
  expect(onlyError(disabledUser)).toMatchObject({ message: 'Account is disabled', extensions: { code: 'UNAUTHENTICATED' } });

  await prisma.tenant.update({ where: { id: other.id }, data: { isActive: false } });
  const disabledTenant = await loginAs(other.users.MANAGER.email, other.password, other.slug);
  expect(onlyError(disabledTenant).message).toBe('Account is disabled');
});

it('rejects requests without a token, with an expired token, or with a malformed header', async () => {
  expect(onlyError(await api.gql(ME))).toMatchObject({ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } });

  const expired = jwt.sign({ tid: kitchen.id, tsl: kitchen.slug, role: 'OWNER', name: 'x', exp: Math.floor(Date.now() / 1000) - 60 }, api.env.JWT_SECRET, {
    subject: kitchen.users.OWNER.id,
  });
  expect(onlyError(await api.gql(ME, {}, expired))).toMatchObject({ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } });

  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
    body: JSON.stringify({ query: ME }),
  });
  expect(errorCode({ status: res.status, ...(await res.json()) })).toBe('UNAUTHENTICATED');
});

it('still lets a client with an expired access token log in and refresh', async () => {
  const stale = jwt.sign({ tid: kitchen.id, tsl: kitchen.slug, role: 'STAFF', name: 'x', exp: 1 }, api.env.JWT_SECRET, { subject: kitchen.users.STAFF.id });
  const res = await api.gql(LOGIN, { tenant: kitchen.slug, email: kitchen.users.STAFF.email, password: kitchen.password }, stale);
  expect(res.errors).toBeUndefined();
  const refreshed = await api.gql(REFRESH, { t: res.data.login.refreshToken }, stale);
  expect(refreshed.errors).toBeUndefined();
});

it('rotates refresh tokens: each works once, and reusing a rotated one revokes the whole chain', async () => {
  const first = (await loginAs(kitchen.users.OPERATOR.email)).data.login;
  const otherDevice = (await loginAs(kitchen.users.OPERATOR.email)).data.login;
  const second = await api.gql(REFRESH, { t: first.refreshToken });
  expect(second.errors).toBeUndefined();
  expect(second.data.refresh.refreshToken).not.toBe(first.refreshToken);
  expect((await api.gql(ME, {}, second.data.refresh.accessToken)).data.me.user.email).toBe(kitchen.users.OPERATOR.email);

  const reused = await api.gql(REFRESH, { t: first.refreshToken });
  expect(onlyError(reused)).toMatchObject({
    message: 'Refresh token has already been used or revoked',
    extensions: { code: 'UNAUTHENTICATED' },
  });
  // Two parties held the chain (a thief and the user): the newer token dies with it, both must log in.
  expect(onlyError(await api.gql(REFRESH, { t: second.data.refresh.refreshToken }))).toMatchObject({
    message: 'Refresh token has already been used or revoked',
    extensions: { code: 'UNAUTHENTICATED' },
  });
  const audit = await kitchen.db.auditLog.findFirstOrThrow({ where: { action: 'user.refresh_reused', userId: kitchen.users.OPERATOR.id } });
  expect(audit.details).toEqual({ revokedSessions: 1 });
  // The user's login on another device is another chain and keeps working.
  expect((await api.gql(REFRESH, { t: otherDevice.refreshToken })).errors).toBeUndefined();
  // Only hashes are stored.
  const stored = await kitchen.db.userSession.findMany({ where: { userId: kitchen.users.OPERATOR.id } });
  expect(stored.map((s) => s.tokenHash)).not.toContain(first.refreshToken);
});

it('lets exactly one of two concurrent refreshes with the same token win', async () => {
  const { refreshToken } = (await loginAs(kitchen.users.DELIVERY.email)).data.login;
  const results = await Promise.all([api.gql(REFRESH, { t: refreshToken }), api.gql(REFRESH, { t: refreshToken })]);
  expect(results.filter((r) => r.data?.refresh).length).toBe(1);
  expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED').length).toBe(1);
});

it('rejects an unknown refresh token and one that was logged out', async () => {
  expect(onlyError(await api.gql(REFRESH, { t: 'made-up-token' })).message).toBe('Invalid refresh token');
  const { refreshToken } = (await loginAs(kitchen.users.ADMIN.email)).data.login;
  const out = await api.gql('mutation ($t: String!) { logout(refreshToken: $t) }', { t: refreshToken });
  expect(out.data).toEqual({ logout: true });
  expect(errorCode(await api.gql(REFRESH, { t: refreshToken }))).toBe('UNAUTHENTICATED');
  expect(await kitchen.db.auditLog.count({ where: { action: 'user.logout', userId: kitchen.users.ADMIN.id } })).toBe(1);
});
