import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type BuiltApp } from '../app';
import { loadEnv } from '../../config/env';
import { forTenant } from '../../db/tenant-scope';
import { testPrisma } from '../../test/support/db';

/**
 * A new restaurant from the sign-up page's mutation, through the real app (TRUST_PROXY=1: each
 * test sends an address of its own, so the per-IP limit counts only its requests), and the
 * onboarding checklist read from its rows.
 */
jest.setTimeout(60_000);
const prisma = testPrisma();
const base = { ...process.env, NODE_ENV: 'test', TRUST_PROXY: '1', SIGNUP_IP_LIMIT: '3' };
let open: { app: BuiltApp; url: string };
let closed: { app: BuiltApp; url: string };

async function start(overrides: Record<string, string>) {
  const env = loadEnv({ ...base, JWT_SECRET: `sign-up-${randomUUID()}`, ...overrides });
  const app = await buildApp({ prisma, env, temporal: null, webDist: path.join(os.tmpdir(), 'brigade-no-web') });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  return { app, url: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql` };
}

beforeAll(async () => {
  [open, closed] = await Promise.all([start({}), start({ SIGNUP_ENABLED: 'false' })]);
});
afterAll(() => Promise.all([open?.app.close(), closed?.app.close()]));

let lastIp = 0;
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${++lastIp}`;

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, opts: { ip?: string; token?: string } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': opts.ip ?? newIp(),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
  return { status: res.status, ...body };
}

const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { token expiresAt tenant { id slug name } owner { id email role } } }';
const REDEEM = 'mutation ($token: String!, $password: String!) { redeemAccessLink(token: $token, password: $password) { accessToken user { role } } }';
const ONBOARDING = '{ onboarding { complete steps { key done href } } }';
const newSlug = () => `r-${randomUUID().slice(0, 8)}`;
const input = (over: Record<string, unknown> = {}) => ({
  name: 'Trattoria Prova',
  slug: newSlug(),
  ownerEmail: 'Chef@Example.com',
  timeZone: 'europe/rome',
  ...over,
});

it('creates an empty restaurant whose owner sets a password by link and sees every onboarding step to do', async () => {
  const res = await gql(open.url, SIGN_UP, { input: input({ ownerName: 'Chef Prova' }) });
  expect(res.errors).toBeUndefined();
  const { tenant, owner, token } = res.data!.signUp;
  expect(owner).toMatchObject({ email: 'chef@example.com', role: 'OWNER' });
  const stored = await prisma.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
  expect(stored.settings).toEqual({ timeZone: 'Europe/Rome' });
  const db = forTenant(prisma, tenant.id);
  expect(await Promise.all([db.station.count(), db.menuItem.count(), db.workflowTemplate.count(), db.inventoryItem.count(), db.order.count()])).toEqual([
    0, 0, 0, 0, 0,
  ]);

  const session = await gql(open.url, REDEEM, { token, password: 'quiet harbour lanterns glow' });
  expect(session.data!.redeemAccessLink.user.role).toBe('OWNER');
  const accessToken = session.data!.redeemAccessLink.accessToken as string;
  const before = await gql(open.url, ONBOARDING, {}, { token: accessToken });
  expect(before.data!.onboarding).toEqual({
    complete: false,
    steps: [
      { key: 'stations', done: false, href: '/admin/stations' },
      { key: 'recipes', done: false, href: '/designer' },
      { key: 'dishes', done: false, href: '/admin/menu' },
      { key: 'stock', done: false, href: '/admin/inventory' },
      { key: 'staff', done: false, href: '/admin/users' },
    ],
  });

  await db.station.create({ data: { tenantId: tenant.id, name: 'Forno', taskTypes: ['forno'] } });
  await gql(open.url, 'mutation { inviteUser(input: { email: "cook@example.com", name: "Cook", role: STAFF }) { token } }', {}, { token: accessToken });
  const after = await gql(open.url, ONBOARDING, {}, { token: accessToken });
  const done = Object.fromEntries(after.data!.onboarding.steps.map((s: { key: string; done: boolean }) => [s.key, s.done]));
  expect(done).toEqual({ stations: true, recipes: false, dishes: false, stock: false, staff: true });
});

it('refuses a taken slug with CONFLICT and a bad time zone or slug with BAD_USER_INPUT naming the field, saving nothing', async () => {
  const slug = newSlug();
  expect((await gql(open.url, SIGN_UP, { input: input({ slug }) })).errors).toBeUndefined();
  const tenants = await prisma.tenant.count();
  const users = await prisma.user.count();

  const taken = await gql(open.url, SIGN_UP, { input: input({ slug: slug.toUpperCase(), ownerEmail: 'other@example.com' }) });
  expect(taken.errors?.[0]).toMatchObject({ message: expect.stringContaining('already exists'), extensions: { code: 'CONFLICT', field: 'slug' } });
  const zone = await gql(open.url, SIGN_UP, { input: input({ timeZone: 'Mars/Olympus_Mons' }) });
  expect(zone.errors?.[0]).toMatchObject({
    message: expect.stringContaining('timeZone: must be an IANA time zone'),
    extensions: { code: 'BAD_USER_INPUT', field: 'timeZone' },
  });
  const badSlug = await gql(open.url, SIGN_UP, { input: input({ slug: 'Has Spaces!' }) });
  expect(badSlug.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
  expect([await prisma.tenant.count(), await prisma.user.count()]).toEqual([tenants, users]);
});

it('limits well-formed sign-ups per IP, and bad input does not use the limit up', async () => {
  const ip = newIp();
  for (let i = 0; i < 4; i++) {
    const bad = await gql(open.url, SIGN_UP, { input: input({ timeZone: 'Nowhere/Here' }) }, { ip });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  }
  for (let i = 0; i < 3; i++) expect((await gql(open.url, SIGN_UP, { input: input() }, { ip })).errors).toBeUndefined();
  const limited = await gql(open.url, SIGN_UP, { input: input() }, { ip });
  expect(limited.status).toBe(429);
  expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  expect((await gql(open.url, SIGN_UP, { input: input() }, { ip: newIp() })).errors).toBeUndefined();
});

it('answers FORBIDDEN where sign-up is off, and says so to the sign-in page', async () => {
  expect((await gql(closed.url, '{ signUpEnabled }')).data).toEqual({ signUpEnabled: false });
  expect((await gql(open.url, '{ signUpEnabled }')).data).toEqual({ signUpEnabled: true });
  const slug = newSlug();
  const res = await gql(closed.url, SIGN_UP, { input: input({ slug }) });
  expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining('tenant:create'), extensions: { code: 'FORBIDDEN' } });
  expect(await prisma.tenant.findUnique({ where: { slug } })).toBeNull();
});

it('keeps sign-up off by default in production and on elsewhere', () => {
  const prod = {
    NODE_ENV: 'production',
    JWT_SECRET: 'x'.repeat(32),
    JWT_REFRESH_SECRET: 'y'.repeat(32),
    DATABASE_URL: 'postgres://x',
    TEMPORAL_ADDRESS: 'x:1',
    CREDENTIALS_KEY: 'k',
  };
  expect(loadEnv(prod).SIGNUP_ENABLED).toBe(false);
  expect(loadEnv({ ...prod, SIGNUP_ENABLED: 'true' }).SIGNUP_ENABLED).toBe(true);
  expect(loadEnv({ NODE_ENV: 'development' }).SIGNUP_ENABLED).toBe(true);
});
