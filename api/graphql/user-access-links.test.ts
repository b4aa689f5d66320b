import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { errorCode, onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** Invites and password resets by one-time link (users:manage), redeemed without a session. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let other: TestTenant;
let admin: string;
let otherAdmin: string;

beforeAll(async () => {
  [kitchen, other] = await Promise.all([createTestTenant(prisma), createTestTenant(prisma)]);
  api = await startTestApi(prisma);
  [admin, otherAdmin] = await Promise.all([
    api.login(kitchen.slug, kitchen.users.ADMIN.email, kitchen.password),
    api.login(other.slug, other.users.ADMIN.email, other.password),
  ]);
});
afterAll(() => api?.close());

const INVITE = 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { token expiresAt user { id email role isActive } } }';
const RESET = 'mutation ($id: ID!) { resetUserPassword(id: $id) { token expiresAt user { id } } }';
const REDEEM =
  'mutation ($token: String!, $password: String!) { redeemAccessLink(token: $token, password: $password) { accessToken refreshToken user { id email role } tenant { slug } } }';
const STRONG = 'copper kettle walks sideways';

it('invites a user with a one-time link: a weak password leaves it unused, a good one signs them in, once', async () => {
  const invited = await api.gql(INVITE, { input: { email: 'Luca@Example.com', name: 'Luca Bianchi', role: 'STAFF' } }, admin);
  expect(invited.errors).toBeUndefined();
  const { token, expiresAt, user } = invited.data.inviteUser;
  expect(user).toMatchObject({ email: 'luca@example.com', role: 'STAFF', isActive: true });
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(71);
  expect(hours).toBeLessThanOrEqual(72);
  // Only the hash is stored.
  const stored = await kitchen.db.accessLink.findFirstOrThrow({ where: { userId: user.id } });
  expect(stored.tokenHash).not.toContain(token);
  expect(stored.purpose).toBe('invite');

  const weak = await api.gql(REDEEM, { token, password: 'password123' });
  expect(onlyError(weak).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  const named = await api.gql(REDEEM, { token, password: 'luca-bianchi-2024!' });
  expect(errorCode(named)).toBe('BAD_USER_INPUT');

  const redeemed = await api.gql(REDEEM, { token, password: STRONG });
  expect(redeemed.errors).toBeUndefined();
  expect(redeemed.data.redeemAccessLink).toMatchObject({ user: { id: user.id, role: 'STAFF' }, tenant: { slug: kitchen.slug } });
  expect(await api.login(kitchen.slug, 'luca@example.com', STRONG)).toEqual(expect.any(String));

  const again = await api.gql(REDEEM, { token, password: 'another fine sentence here' });
  expect(onlyError(again)).toMatchObject({ message: expect.stringMatching(/already been used/), extensions: { code: 'NOT_FOUND', field: 'token' } });
  expect(await api.login(kitchen.slug, 'luca@example.com', STRONG)).toEqual(expect.any(String));
  const audit = await kitchen.db.auditLog.findMany({ where: { entityId: user.id }, orderBy: { createdAt: 'asc' } });
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.invite', 'user.password_set']));
});

it('refuses a bad invite naming the field, and saves nothing', async () => {
  const before = await kitchen.db.user.count();
  const bad = await api.gql(INVITE, { input: { email: 'not-an-email', name: 'X', role: 'STAFF' } }, admin);
  expect(onlyError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  const dup = await api.gql(INVITE, { input: { email: kitchen.users.STAFF.email.toUpperCase(), name: 'Dup', role: 'STAFF' } }, admin);
  expect(onlyError(dup).extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  const owner = await api.gql(INVITE, { input: { email: 'boss@example.com', name: 'Boss', role: 'OWNER' } }, admin);
  expect(errorCode(owner)).toBe('FORBIDDEN');
  expect(await kitchen.db.user.count()).toBe(before);
});

it("resets a password by link: the old one works until the link is used, then it and the user's sessions end", async () => {
  const staff = await createTestTenantUser();
  const session = await api.gql('mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { refreshToken } }', {
    t: kitchen.slug,
    e: staff.email,
    p: kitchen.password,
  });
  const first = await api.gql(RESET, { id: staff.id }, admin);
  const reset = await api.gql(RESET, { id: staff.id }, admin);
  expect(reset.errors).toBeUndefined();
  expect(await api.login(kitchen.slug, staff.email, kitchen.password)).toEqual(expect.any(String));
  // A newer link voids the older one.
  expect(errorCode(await api.gql(REDEEM, { token: first.data.resetUserPassword.token, password: STRONG }))).toBe('NOT_FOUND');

  const redeemed = await api.gql(REDEEM, { token: reset.data.resetUserPassword.token, password: STRONG });
  expect(redeemed.data.redeemAccessLink.user.id).toBe(staff.id);
  await expect(api.login(kitchen.slug, staff.email, kitchen.password)).rejects.toThrow(/Invalid tenant, email or password/);
  const refresh = await api.gql('mutation ($t: String!) { refresh(refreshToken: $t) { accessToken } }', { t: session.data.login.refreshToken });
  expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
});

it('refuses an expired link, a deactivated user and an admin resetting an owner', async () => {
  const staff = await createTestTenantUser();
  const reset = await api.gql(RESET, { id: staff.id }, admin);
  await kitchen.db.accessLink.updateMany({ where: { userId: staff.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await api.gql(REDEEM, { token: reset.data.resetUserPassword.token, password: STRONG });
  expect(onlyError(expired).message).toMatch(/expired/);

  const fresh = await api.gql(RESET, { id: staff.id }, admin);
  await api.gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id } }', { id: staff.id }, admin);
  expect(errorCode(await api.gql(REDEEM, { token: fresh.data.resetUserPassword.token, password: STRONG }))).toBe('NOT_FOUND');
  expect(onlyError(await api.gql(RESET, { id: staff.id }, admin)).extensions).toMatchObject({ code: 'CONFLICT' });

  expect(errorCode(await api.gql(RESET, { id: kitchen.users.OWNER.id }, admin))).toBe('FORBIDDEN');
  expect(errorCode(await api.gql(REDEEM, { token: 'x'.repeat(43), password: STRONG }))).toBe('NOT_FOUND');
});

it("keeps links inside their tenant: another tenant's admin cannot reset, and a link signs in only its own user", async () => {
  const foreign = await api.gql(RESET, { id: kitchen.users.STAFF.id }, otherAdmin);
  expect(errorCode(foreign)).toBe('NOT_FOUND');
  expect(await prisma.accessLink.count({ where: { userId: kitchen.users.STAFF.id, tenantId: other.id } })).toBe(0);

  // The same address in another tenant is another account: its link opens that tenant only.
  const twin = await api.gql(INVITE, { input: { email: 'twin@example.com', name: 'Twin Other', role: 'STAFF' } }, otherAdmin);
  await api.gql(INVITE, { input: { email: 'twin@example.com', name: 'Twin Here', role: 'STAFF' } }, admin);
  const redeemed = await api.gql(REDEEM, { token: twin.data.inviteUser.token, password: STRONG });
  expect(redeemed.data.redeemAccessLink.tenant.slug).toBe(other.slug);
  await expect(api.login(kitchen.slug, 'twin@example.com', STRONG)).rejects.toThrow(/Invalid tenant, email or password/);
  expect(await api.login(other.slug, 'twin@example.com', STRONG)).toEqual(expect.any(String));
});

let seq = 0;
/** A fresh STAFF user of the kitchen with the test password. */
async function createTestTenantUser() {
  const template = await kitchen.db.user.findUniqueOrThrow({ where: { id: kitchen.users.STAFF.id } });
  return kitchen.db.user.create({
    data: { tenantId: kitchen.id, email: `staff-${++seq}@${kitchen.slug}.test`, name: `Cook ${seq}`, role: 'STAFF', passwordHash: template.passwordHash },
  });
}
