import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { onlyError, startTestApi, type TestApi } from '../../test/support/graphql-client';

/** Languages over GraphQL: the restaurant's default, a user's own override, the one in force, and bad values refused. */
const prisma = testPrisma();
let api: TestApi;
let kitchen: TestTenant;
let other: TestTenant;
let manager: string;
let staff: string;
let otherStaff: string;

beforeAll(async () => {
  [kitchen, other] = await Promise.all([createTestTenant(prisma), createTestTenant(prisma)]);
  api = await startTestApi(prisma);
  [manager, staff, otherStaff] = await Promise.all([
    api.login(kitchen.slug, kitchen.users.MANAGER.email, kitchen.password),
    api.login(kitchen.slug, kitchen.users.STAFF.email, kitchen.password),
    api.login(other.slug, other.users.STAFF.email, other.password),
  ]);
});
afterAll(() => api?.close());

const ME = '{ me { locale user { locale } tenant { locale timeZone } } }';
const SET_MINE = 'mutation ($locale: String) { setMyLocale(locale: $locale) { id locale } }';
const SET_DEFAULT = 'mutation ($input: UpdateKitchenSettingsInput!) { updateKitchenSettings(input: $input) { locale } }';

it('follows the restaurant default until a user chooses, and the choice is theirs alone', async () => {
  await prisma.tenant.update({ where: { id: kitchen.id }, data: { settings: { timeZone: 'Europe/Rome' } } });
  expect((await api.gql(ME, {}, staff)).data.me).toEqual({ locale: 'en', user: { locale: null }, tenant: { locale: 'en', timeZone: 'Europe/Rome' } });

  expect((await api.gql(SET_DEFAULT, { input: { locale: 'it' } }, manager)).data.updateKitchenSettings).toEqual({ locale: 'it' });
  expect((await api.gql(ME, {}, staff)).data.me).toEqual({ locale: 'it', user: { locale: null }, tenant: { locale: 'it', timeZone: 'Europe/Rome' } });
  expect((await api.gql(ME, {}, otherStaff)).data.me.locale).toBe('en');

  const mine = await api.gql(SET_MINE, { locale: 'en' }, staff);
  expect(mine.data.setMyLocale).toEqual({ id: kitchen.users.STAFF.id, locale: 'en' });
  expect((await api.gql(ME, {}, staff)).data.me).toMatchObject({ locale: 'en', user: { locale: 'en' }, tenant: { locale: 'it' } });
  expect((await api.gql(ME, {}, manager)).data.me).toMatchObject({ locale: 'it', user: { locale: null } });

  // null goes back to the restaurant's default.
  expect((await api.gql(SET_MINE, { locale: null }, staff)).data.setMyLocale.locale).toBeNull();
  expect((await api.gql(ME, {}, staff)).data.me.locale).toBe('it');
  const login = await api.gql(
    'mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { user { locale } tenant { locale } } }',
    {
      t: kitchen.slug,
      e: kitchen.users.STAFF.email,
      p: kitchen.password,
    },
  );
  expect(login.data.login).toEqual({ user: { locale: null }, tenant: { locale: 'it' } });
});

it('refuses a language it does not speak with BAD_USER_INPUT naming locale, and changes nothing', async () => {
  const before = await prisma.user.findUniqueOrThrow({ where: { id: kitchen.users.MANAGER.id } });
  const settings = (await prisma.tenant.findUniqueOrThrow({ where: { id: kitchen.id } })).settings;
  for (const bad of ['fr', 'IT', '', 'en-US']) {
    const mine = onlyError(await api.gql(SET_MINE, { locale: bad }, manager));
    expect([mine.extensions?.code, mine.extensions?.field]).toEqual(['BAD_USER_INPUT', 'locale']);
    expect(mine.message).toContain('locale: must be one of en, it');
    const tenantDefault = onlyError(await api.gql(SET_DEFAULT, { input: { locale: bad } }, manager));
    expect([tenantDefault.extensions?.code, tenantDefault.extensions?.field, tenantDefault.message]).toEqual([
      'BAD_USER_INPUT',
      'locale',
      'Invalid input: locale: must be one of en, it',
    ]);
  }
  expect((await prisma.user.findUniqueOrThrow({ where: { id: kitchen.users.MANAGER.id } })).locale).toBe(before.locale);
  expect((await prisma.tenant.findUniqueOrThrow({ where: { id: kitchen.id } })).settings).toEqual(settings);
});

it('lets kitchen staff choose their own language but not the restaurant default, and needs a sign-in', async () => {
  expect(onlyError(await api.gql(SET_DEFAULT, { input: { locale: 'en' } }, staff)).extensions?.code).toBe('FORBIDDEN');
  expect(onlyError(await api.gql(SET_MINE, { locale: 'it' })).extensions?.code).toBe('UNAUTHENTICATED');
});
