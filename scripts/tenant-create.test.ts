import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadEnv } from '../config/env';
import { forTenant } from '../db/tenant-scope';
import { requireTestEnv, testPrisma } from '../test/support/db';
import { startTestApi, type TestApi } from '../test/support/graphql-client';
import { main } from './tenant-create';

/** `npm run tenant:create`: its main() on the test database, and once as the real process. */
jest.setTimeout(60_000);
const prisma = testPrisma();
const env = loadEnv({ ...process.env, NODE_ENV: 'test', DATABASE_URL: requireTestEnv('DATABASE_URL'), PORT: '4123' });
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(prisma);
});
afterAll(() => api?.close());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const slug = () => `cli-${randomUUID().slice(0, 8)}`;
const REDEEM =
  'mutation ($token: String!, $password: String!) { redeemAccessLink(token: $token, password: $password) { user { role email } tenant { slug name } } }';

it('creates an empty restaurant and prints its owner a one-time link that signs them in', async () => {
  const code = slug();
  const res = await run(['--name', 'Osteria del Porto', '--slug', code, '--owner-email', 'Anna@Example.com', '--time-zone', 'Europe/Rome']);
  expect(res).toMatchObject({ code: 0, err: '' });
  expect(res.out).toContain(`sign-in code ${code}, time zone Europe/Rome`);
  const link = /http:\/\/localhost:4123\/#\/welcome\/([A-Za-z0-9_-]{43})$/m.exec(res.out);
  expect(link).not.toBeNull();

  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: code } });
  const db = forTenant(prisma, tenant.id);
  expect(await Promise.all([db.station.count(), db.menuItem.count(), db.user.count()])).toEqual([0, 0, 1]);
  const redeemed = await api.gql(REDEEM, { token: link![1], password: 'salt spray on blue shutters' });
  expect(redeemed.data.redeemAccessLink).toEqual({ user: { role: 'OWNER', email: 'anna@example.com' }, tenant: { slug: code, name: 'Osteria del Porto' } });
});

it('names the flag of every refusal and saves nothing', async () => {
  const before = await prisma.tenant.count();
  const missing = await run(['--name', 'X', '--slug', slug()]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/missing --owner-email, --time-zone/);
  const unknown = await run(['--name', 'X', '--colour', 'red']);
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/--colour/);
  const zone = await run(['--name', 'X', '--slug', slug(), '--owner-email', 'a@example.com', '--time-zone', 'Europe/Atlantis']);
  expect(zone).toMatchObject({ code: 1 });
  expect(zone.err).toMatch(/BAD_USER_INPUT: --time-zone must be an IANA time zone/);
  const email = await run(['--name', 'X', '--slug', 'Bad Slug', '--owner-email', 'nope', '--time-zone', 'UTC']);
  expect(email.err).toMatch(/--slug must be 2 to 40 lowercase letters.*; --owner-email must be an email address/);
  expect(await prisma.tenant.count()).toBe(before);

  const code = slug();
  expect((await run(['--name', 'First', '--slug', code, '--owner-email', 'a@example.com', '--time-zone', 'UTC'])).code).toBe(0);
  const dup = await run(['--name', 'Second', '--slug', code, '--owner-email', 'b@example.com', '--time-zone', 'UTC']);
  expect(dup.code).toBe(1);
  expect(dup.err).toMatch(new RegExp(`CONFLICT: --slug is already taken`));
  expect(await prisma.tenant.count()).toBe(before + 1);
});

it('runs as the npm script does, as its own process', async () => {
  const code = slug();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'tenant-create.ts'),
      '--name',
      'Proc Kitchen',
      '--slug',
      code,
      '--owner-email',
      'p@example.com',
      '--time-zone',
      'America/New_York',
    ],
    { env: { ...process.env, DATABASE_URL: requireTestEnv('DATABASE_URL') } },
  );
  expect(stdout).toMatch(/#\/welcome\/[A-Za-z0-9_-]{43}/);
  expect(await prisma.tenant.findUnique({ where: { slug: code }, select: { settings: true } })).toEqual({ settings: { timeZone: 'America/New_York' } });
});
