import { randomUUID } from 'node:crypto';
import { loadEnv } from '../../config/env';
import type { Db } from '../../db/client';
import type { Role } from '../../prisma/generated/client';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { connectClient, connectError, type BrigadeClient } from '../../test/support/socket-clients';
import { startApiServer, type RunningApiServer } from '../server';

/**
 * Logout and deactivation close the user's sockets at once on every API node: two real API
 * nodes on one database, the mutation on one, the socket on the other.
 */
const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `revoke-test-${randomUUID()}` });
const prisma: Db = testPrisma();
let first: RunningApiServer;
let second: RunningApiServer;
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  [first, second] = await Promise.all([0, 1].map(() => startApiServer({ prisma, env, temporal: null, port: 0, host: '127.0.0.1' })));
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${first.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function login(role: Role): Promise<{ accessToken: string; refreshToken: string }> {
  const data = await gql<{ login: { accessToken: string; refreshToken: string } }>(
    'mutation ($tenant: String!, $email: String!, $password: String!) { login(tenant: $tenant, email: $email, password: $password) { accessToken refreshToken } }',
    { tenant: tenant.slug, email: tenant.users[role].email, password: tenant.password },
  );
  return data.login;
}

/** How long after `action` resolved the socket saw its server close it. */
async function msUntilCut(socket: BrigadeClient, action: () => Promise<unknown>): Promise<{ ms: number; reason: string }> {
  const cut = new Promise<{ at: number; reason: string }>((resolve) => socket.once('disconnect', (reason) => resolve({ at: Date.now(), reason })));
  const started = Date.now();
  await action();
  const { at, reason } = await Promise.race([
    cut,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('socket still open after 2 s')), 2_000)),
  ]);
  return { ms: at - started, reason };
}

it('closes the sockets of a user who logs out, on the other API node too, within a second', async () => {
  const session = await login('STAFF');
  const onSecond = await connectClient(second.url, session.accessToken);
  const onFirst = await connectClient(first.url, session.accessToken);
  const other = await connectClient(second.url, (await login('OPERATOR')).accessToken);
  const otherCut = new Promise<string>((resolve) => other.once('disconnect', resolve));

  const cutFirst = new Promise<string>((resolve) => onFirst.once('disconnect', resolve));
  const { ms, reason } = await msUntilCut(onSecond, () => gql('mutation ($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken }));
  expect(reason).toBe('io server disconnect');
  expect(ms).toBeLessThan(1_000);
  expect(await cutFirst).toBe('io server disconnect');
  // Another user's socket stays.
  await expect(Promise.race([otherCut, new Promise((resolve) => setTimeout(() => resolve('open'), 300))])).resolves.toBe('open');
  other.close();
});

it('closes the sockets of a deactivated user on every node, and the unexpired token is refused', async () => {
  const admin = await login('OWNER');
  const cook = await login('STAFF');
  const socket = await connectClient(second.url, cook.accessToken);
  const { ms, reason } = await msUntilCut(socket, () =>
    gql('mutation ($id: ID!) { updateUser(id: $id, input: { isActive: false }) { id isActive } }', { id: tenant.users.STAFF.id }, admin.accessToken),
  );
  expect(reason).toBe('io server disconnect');
  expect(ms).toBeLessThan(1_000);
  const refused = await connectError(second.url, { token: cook.accessToken });
  expect(refused.message).toBe('UNAUTHENTICATED: User is inactive');
  // Nor can it still read or act over HTTP until it expires.
  await expect(gql('{ me { user { id } } }', {}, cook.accessToken)).rejects.toThrow(/User is inactive/);
});
