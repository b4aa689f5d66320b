import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../../config/env';
import { hashPassword } from '../../core/auth/passwords';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { buildApp, type BuiltApp } from '../app';

/**
 * Rate limits over real HTTP against two real API nodes (buildApp) sharing the test database, the
 * way replicas share PostgreSQL. Every test sends its own X-Forwarded-For address (TRUST_PROXY=1)
 * and uses accounts of its own, so its counters are its own.
 */
jest.setTimeout(30_000);

const prisma = testPrisma();
const env = loadEnv({
  ...process.env,
  NODE_ENV: 'test',
  JWT_SECRET: `rate-limits-test-${randomUUID()}`,
  TRUST_PROXY: '1',
  LOGIN_IP_MAX_FAILURES: '6',
  LOGIN_ACCOUNT_MAX_FAILURES: '3',
  LOGIN_ACCOUNT_BLOCK_SECONDS: '1',
  LOGIN_ACCOUNT_BLOCK_MAX_SECONDS: '60',
  GRAPHQL_USER_RATE_LIMIT: '20',
  GRAPHQL_USER_COST_LIMIT: '30000',
  WEBHOOK_PLATFORM_RATE_LIMIT: '5',
});

let nodes: { app: BuiltApp; url: string }[] = [];
let kitchen: TestTenant;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
  nodes = await Promise.all(
    [0, 1].map(async () => {
      const app = await buildApp({ prisma, env, temporal: null, webDist: path.join(os.tmpdir(), 'brigade-no-web') });
      await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
      return { app, url: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}` };
    }),
  );
});
afterAll(() => Promise.all(nodes.map((n) => n.app.close())));

interface Answer {
  status: number;
  retryAfter: number | null;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

let lastIp = 0;
/** A client address no other test (of this file or of a run on the same database) has used. */
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${++lastIp}`;

async function gql(node: number, query: string, variables: Record<string, unknown>, opts: { ip: string; token?: string }): Promise<Answer> {
  const res = await fetch(`${nodes[node].url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': opts.ip,
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const retryAfter = res.headers.get('retry-after');
  return { status: res.status, retryAfter: retryAfter === null ? null : Number(retryAfter), body: await res.json() };
}

const LOGIN = 'mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }';
const login = (node: number, ip: string, email: string, password: string, tenant = kitchen.slug) =>
  gql(node, LOGIN, { t: tenant, e: email, p: password }, { ip });
const errorOf = (a: Answer) => a.body.errors?.[0];

describe('login limits', () => {
  it('blocks an account after its failures, on both nodes, refuses the right password while blocked, and backs off', async () => {
    const ip = newIp();
    const email = kitchen.users.STAFF.email;
    // Failures spread over both nodes count together.
    for (const node of [0, 1, 0]) {
      const wrong = await login(node, ip, email, 'not-the-password');
      expect([wrong.status, errorOf(wrong)?.extensions?.code]).toEqual([200, 'UNAUTHENTICATED']);
    }
    for (const node of [1, 0]) {
      const blocked = await login(node, ip, email, kitchen.password);
      expect(blocked.status).toBe(429);
      expect(blocked.retryAfter).toBe(1);
      expect(errorOf(blocked)).toMatchObject({
        message: 'Too many failed logins. Try again later.',
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
      });
      expect(errorOf(blocked)?.extensions).not.toHaveProperty('http');
      expect(blocked.body.data).toBeNull();
    }
    // After the wait one more guess is allowed; it fails, and the next wait is twice as long.
    await new Promise((r) => setTimeout(r, 1100));
    expect(errorOf(await login(1, ip, email, 'still-wrong'))?.extensions?.code).toBe('UNAUTHENTICATED');
    const longer = await login(0, ip, email, kitchen.password);
    expect([longer.status, longer.retryAfter]).toEqual([429, 2]);
    // Once it has passed, the right password logs in and the count starts over.
    await new Promise((r) => setTimeout(r, 2100));
    expect((await login(0, ip, email, kitchen.password)).body.data?.login.accessToken).toEqual(expect.any(String));
    const elsewhere = newIp(); // this address has used 4 of its 6 failures
    for (let i = 0; i < 3; i++) expect((await login(1, elsewhere, email, 'wrong-again')).status).toBe(200);
    expect((await login(1, elsewhere, email, kitchen.password)).status).toBe(429);
  });

  it('lets a burst of parallel guesses past the limit check one password, not one per request', async () => {
    const ip = newIp();
    const email = kitchen.users.DELIVERY.email;
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login(i % 2, ip, email, `guess-${i}`)));
    const checked = burst.filter((a) => a.status === 200);
    expect(checked.length).toBeLessThanOrEqual(4);
    expect(checked.every((a) => errorOf(a)?.extensions?.code === 'UNAUTHENTICATED')).toBe(true);
    expect(burst.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(8);
  });

  it('blocks an IP after failures over many accounts, even for another account with the right password', async () => {
    const ip = newIp();
    for (let i = 0; i < 6; i++) {
      const miss = await login(i % 2, ip, `nobody-${i}-${randomUUID()}@example.com`, 'whatever-password');
      expect(errorOf(miss)?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await login(0, ip, kitchen.users.OWNER.email, kitchen.password);
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toBeGreaterThan(800);
    expect(errorOf(blocked)?.extensions?.code).toBe('RATE_LIMITED');
    // The same account from another address is not affected.
    expect((await login(1, newIp(), kitchen.users.OWNER.email, kitchen.password)).body.data?.login.accessToken).toEqual(expect.any(String));
  });

  it('answers an unknown account exactly like a wrong password, in errors, blocks and time', async () => {
    const other = await createTestTenant(prisma);
    // Real cost-10 hashes (the test tenants' are cost 4), so the comparison is with what production pays.
    const realHash = await hashPassword('a-Real-password-42');
    await prisma.user.updateMany({ where: { tenantId: other.id }, data: { passwordHash: realHash } });
    const known = Object.values(other.users).map((u) => u.email);
    const unknown = known.map((_, i) => `ghost-${i}@${other.slug}.test`);

    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await login(0, newIp(), email, 'wrong-password-1', other.slug);
      return { answer, ms: performance.now() - started };
    };
    const wrong: Awaited<ReturnType<typeof timed>>[] = [];
    const ghost: Awaited<ReturnType<typeof timed>>[] = [];
    for (let i = 0; i < known.length; i++) {
      wrong.push(await timed(known[i]));
      ghost.push(await timed(unknown[i]));
    }
    for (const a of [...wrong, ...ghost]) {
      expect(a.answer.status).toBe(200);
      expect(a.answer.body).toEqual(wrong[0].answer.body);
    }
    expect(errorOf(wrong[0].answer)).toMatchObject({ message: 'Invalid tenant, email or password', extensions: { code: 'UNAUTHENTICATED' } });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [wrongMs, ghostMs] = [median(wrong.map((a) => a.ms)), median(ghost.map((a) => a.ms))];
    // Without the dummy bcrypt compare an unknown account answered in a few ms against ~60+.
    expect(ghostMs).toBeGreaterThan(wrongMs * 0.5);
    expect(ghostMs).toBeLessThan(wrongMs * 2);

    // Blocks do not tell either: the same 429 for an existing and for an unknown account.
    const ip = newIp();
    const blocks: Answer[] = [];
    for (const email of [known[0], unknown[0]]) {
      for (let i = 0; i < 3; i++) await login(1, ip, email, 'wrong-password-2', other.slug);
      blocks.push(await login(1, ip, email, 'wrong-password-2', other.slug));
    }
    expect(blocks.map((b) => [b.status, b.retryAfter, b.body])).toEqual([
      [429, 1, blocks[0].body],
      [429, 1, blocks[0].body],
    ]);
  });
});

describe('GraphQL requests per user', () => {
  const ME = '{ me { user { id } } }';

  it('answers 429 RATE_LIMITED with Retry-After once a user has used the limit on either node', async () => {
    const ip = newIp();
    const token = (await login(0, ip, kitchen.users.MANAGER.email, kitchen.password)).body.data!.login.accessToken;
    const colleague = (await login(1, ip, kitchen.users.ADMIN.email, kitchen.password)).body.data!.login.accessToken;
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => gql(i % 2, ME, {}, { ip, token })));
    expect(first.map((a) => a.status)).toEqual(Array(20).fill(200));

    for (const node of [0, 1]) {
      const over = await gql(node, ME, {}, { ip, token });
      expect(over.status).toBe(429);
      expect(over.retryAfter).toBeGreaterThanOrEqual(1);
      expect(over.retryAfter).toBeLessThanOrEqual(60);
      expect(over.body.errors).toEqual([
        { message: 'Too many requests. Slow down and try again shortly.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: over.retryAfter } },
      ]);
    }
    // Per user: a colleague from the same address is still served.
    expect((await gql(0, ME, {}, { ip, token: colleague })).status).toBe(200);
  });
});

describe('GraphQL query cost per user', () => {
  // Costed for what it loads (query-cost.ts): 50 orders with their items and tasks, about 18,600.
  const HEAVY = '{ orders(limit: 50) { id } }';

  it('counts a heavy query for its cost: the second within a minute is refused on either node', async () => {
    const ip = newIp();
    // Users the request-limit test above has not used up.
    const token = (await login(0, ip, kitchen.users.OPERATOR.email, kitchen.password)).body.data!.login.accessToken;
    const colleague = (await login(1, ip, kitchen.users.OWNER.email, kitchen.password)).body.data!.login.accessToken;
    expect((await gql(0, HEAVY, {}, { ip, token })).status).toBe(200);

    const over = await gql(1, HEAVY, {}, { ip, token });
    expect(over.status).toBe(429);
    expect(over.retryAfter).toBeGreaterThanOrEqual(1);
    expect(errorOf(over)).toMatchObject({ message: expect.stringContaining('Too much data'), extensions: { code: 'RATE_LIMITED' } });
    // Two cheap requests would have passed the request limit: it is the cost that counts.
    expect((await gql(0, HEAVY, {}, { ip, token: colleague })).status).toBe(200);
  });
});

describe('webhooks per platform', () => {
  it('answers 429 with Retry-After once a platform has used its deliveries, on either node', async () => {
    const platformId = randomUUID();
    const deliver = (node: number, id = platformId) => fetch(`${nodes[node].url}/webhooks/platforms/${id}`, { method: 'POST', body: '{}' });
    // Unknown platform: 404 from the handler, but the limiter in front of it counts.
    for (let i = 0; i < 5; i++) expect((await deliver(i % 2)).status).toBe(404);
    const over = await deliver(1);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await over.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many webhook deliveries. Retry later.' } });
    expect((await deliver(0, randomUUID())).status).toBe(404);
  });
});

describe('setting passwords', () => {
  const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email } }';
  let admin: string;
  beforeAll(async () => {
    admin = (await login(0, newIp(), kitchen.users.ADMIN.email, kitchen.password)).body.data!.login.accessToken;
  });
  const create = (password: string, email = `cook-${randomUUID().slice(0, 6)}@example.com`) =>
    gql(1, CREATE, { input: { email, name: 'Marta Ferri', role: 'STAFF', password } }, { ip: newIp(), token: admin });

  it.each([
    ['12345678', 'must be at least 10 characters'],
    ['password12', 'is too easy to guess'],
    ['qwertyuiop', 'is too easy to guess'],
    ['aaaaaaaaaaaaaaaa', 'is too easy to guess'],
    ['marta.cook@example.com', "must not contain the user's email"],
    ['my-name-is-ferri!', "must not contain the user's email"],
  ])('refuses %j, naming the password field', async (password, message) => {
    const res = await create(password, 'marta.cook@example.com');
    const error = errorOf(res)!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`password: ${message}`);
    expect(error.extensions?.fieldErrors).toEqual([{ path: 'password', message: expect.stringContaining(message) }]);
  });

  it("refuses the tenant's slug inside a password", async () => {
    const error = errorOf(await create(`${kitchen.slug}-Basil-Oven`))!;
    expect(error.extensions?.fieldErrors).toEqual([{ path: 'password', message: "must not contain the user's email, name or the kitchen's slug" }]);
  });

  it('takes a passphrase past bcrypt’s 72 bytes whole: its first 72 bytes alone do not log in', async () => {
    const passphrase = 'basil oven glow '.repeat(6) + 'tomato dawn'; // 107 bytes
    const prefix = Buffer.from(passphrase).subarray(0, 72).toString();
    const email = `long-${randomUUID().slice(0, 6)}@example.com`;
    expect(errorOf(await create(passphrase, email))).toBeUndefined();
    const ip = newIp();
    expect((await login(0, ip, email, prefix)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(0, ip, email, `${prefix}something else entirely`)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(1, ip, email, passphrase)).body.data?.login.accessToken).toEqual(expect.any(String));
  });

  it('changes the own password: checks the current one under the login limits, applies the policy, ends every session', async () => {
    const CHANGE = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken refreshToken } }';
    const REFRESH = 'mutation ($t: String!) { refresh(refreshToken: $t) { accessToken } }';
    const other = await createTestTenant(prisma);
    const email = other.users.OPERATOR.email;
    const ip = newIp();
    const signIn = () =>
      gql(
        0,
        'mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken refreshToken } }',
        { t: other.slug, e: email, p: other.password },
        { ip },
      );
    const session = (await signIn()).body.data!.login;
    const otherDevice = (await signIn()).body.data!.login;
    const change = (c: string, n: string) => gql(1, CHANGE, { c, n }, { ip, token: session.accessToken });

    const weak = errorOf(await change(other.password, 'password123'))!;
    expect(weak.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'newPassword', message: expect.stringContaining('too easy to guess') }],
    });
    const wrong = errorOf(await change('not-my-password', 'basil oven glow tomato'))!;
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'currentPassword', message: 'is not the current password' }] });

    const changed = await change(other.password, 'basil oven glow tomato');
    expect(changed.body.errors).toBeUndefined();
    // Every refresh session opened before ends; the one returned works.
    for (const old of [session, otherDevice]) expect(errorOf(await gql(0, REFRESH, { t: old.refreshToken }, { ip }))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(0, REFRESH, { t: changed.body.data!.changePassword.refreshToken }, { ip })).body.errors).toBeUndefined();
    expect(errorOf(await signIn())?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(1, ip, email, 'basil oven glow tomato', other.slug)).body.data?.login.accessToken).toEqual(expect.any(String));

    // Guessing the current password with a stolen access token hits the account's limit like a login.
    const token = changed.body.data!.changePassword.accessToken;
    for (let i = 0; i < 3; i++) expect((await gql(0, CHANGE, { c: `guess-${i}`, n: 'Kn8!vq-Lm2@zr' }, { ip: newIp(), token })).status).toBe(200);
    const blocked = await gql(1, CHANGE, { c: 'basil oven glow tomato', n: 'Kn8!vq-Lm2@zr' }, { ip: newIp(), token });
    expect([blocked.status, errorOf(blocked)?.extensions?.code]).toEqual([429, 'RATE_LIMITED']);
  });
});
