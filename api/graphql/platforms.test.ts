import { randomUUID } from 'node:crypto';
import { decryptCredentials } from '../../platforms/credentials';
import { startSandboxPlatform, type SandboxPlatform } from '../../sandbox-platform/server';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';
import { deletePlatformRows } from '../../test/support/test-platform';

// Platform admin over the real GraphQL API (real HTTP, PostgreSQL, Temporal), syncing to the sandbox.
jest.setTimeout(90_000);

let api: KitchenApi;
let sandbox: SandboxPlatform;
const tenants: string[] = [];
beforeAll(async () => {
  api = await startKitchenApi('platform-admin-test');
  sandbox = await startSandboxPlatform({ apiKey: 'admin-test-key' });
});
afterAll(async () => {
  await api?.h.terminateLeftovers();
  await sandbox?.stop();
  if (api) await deletePlatformRows(api.prisma, tenants);
  await api?.stop();
});

async function owner(k: TestKitchen) {
  const res = await api.gql('', 'mutation($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }', {
    t: k.tenant.slug,
    e: k.tenant.users.OWNER.email,
    p: k.tenant.password,
  });
  return res.data.login.accessToken as string;
}

const CREATE = `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { id name type connector config isActive } }`;

describe('platform administration', () => {
  it('creates a platform with encrypted credentials that the API never returns, assigns dishes and re-syncs them', async () => {
    const k = await api.kitchen();
    tenants.push(k.tenant.id);
    const token = await owner(k);
    const name = `Sandbox ${randomUUID().slice(0, 6)}`;
    const created = await api.gql(token, CREATE, {
      input: { name, type: 'DELIVERY', baseUrl: sandbox.url, apiKey: 'admin-test-key', webhookSecrets: ['whsec-admin-1234'] },
    });
    expect(created.errors).toBeUndefined();
    const platform = created.data.createPlatform;
    expect(platform).toMatchObject({ name, type: 'DELIVERY', connector: 'generic-rest', config: { baseUrl: sandbox.url }, isActive: true });
    expect(JSON.stringify(created)).not.toContain('admin-test-key');
    const row = await api.prisma.platform.findUniqueOrThrow({ where: { id: platform.id } });
    expect(row.credentialsEncrypted).not.toContain('admin-test-key');
    expect(decryptCredentials(row.credentialsEncrypted)).toEqual({ apiKey: 'admin-test-key', webhookSecrets: ['whsec-admin-1234'] });

    const assigned = await api.gql(token, 'mutation($p: ID!, $m: [ID!]!) { assignPlatformProducts(platformId: $p, menuItemIds: $m) }', {
      p: platform.id,
      m: [k.menu.pizza, k.menu.salad],
    });
    expect(assigned.data?.assignPlatformProducts).toBe(2);
    const resync = await api.gql(token, 'mutation($p: ID!) { resyncPlatform(platformId: $p) }', { p: platform.id });
    expect(resync.errors).toBeUndefined();
    await api.h.client.workflow.getHandle(resync.data.resyncPlatform).result();

    const listed = await api.gql(
      token,
      'query($p: ID!) { platformAssignments(platformId: $p) { menuItemName platformProductId syncStatus syncError lastSyncedAt } platformSyncLogs(platformId: $p) { kind status } platforms { id } }',
      { p: platform.id },
    );
    expect(listed.data.platformAssignments.map((a: any) => [a.menuItemName, a.syncStatus])).toEqual([
      ['Insalata', 'SYNCED'],
      ['Margherita', 'SYNCED'],
    ]);
    expect(listed.data.platformSyncLogs).toContainEqual({ kind: 'menu_full', status: 'sent' });
    expect(listed.data.platforms).toEqual([{ id: platform.id }]);
    expect(sandbox.control.item(`brigade-${k.menu.pizza}`)).toMatchObject({ name: 'Margherita', available: true });

    const unassigned = await api.gql(token, 'mutation($p: ID!, $m: [ID!]!) { unassignPlatformProducts(platformId: $p, menuItemIds: $m) }', {
      p: platform.id,
      m: [k.menu.pizza],
    });
    expect(unassigned.data?.unassignPlatformProducts).toBe(1);
  });

  it('pauses, makes busy and reopens the store on the platform', async () => {
    const k = await api.kitchen();
    tenants.push(k.tenant.id);
    const token = await owner(k);
    const created = await api.gql(token, CREATE, {
      input: { name: 'Store', type: 'DELIVERY', baseUrl: sandbox.url, apiKey: 'admin-test-key', webhookSecrets: ['whsec-store-1234'] },
    });
    const id = created.data.createPlatform.id;
    const set = (status: string, extraMinutes?: number) =>
      api.gql(
        token,
        'mutation($p: ID!, $s: String!, $m: Int) { setPlatformStoreStatus(platformId: $p, status: $s, extraMinutes: $m) { storeStatus busyExtraMinutes } }',
        { p: id, s: status, m: extraMinutes },
      );
    expect((await set('busy', 20)).data.setPlatformStoreStatus).toEqual({ storeStatus: 'busy', busyExtraMinutes: 20 });
    await until(async () => (sandbox.control.store().status === 'busy' ? true : undefined), 'store busy on the platform');
    expect(sandbox.control.store()).toEqual({ status: 'busy', extraMinutes: 20 });
    await set('online');
    await until(async () => (sandbox.control.store().status === 'online' ? true : undefined), 'store online on the platform');
    expect(sandbox.control.store()).toEqual({ status: 'online', extraMinutes: 0 });
    expect((await set('closed')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("keeps the platform's rule for orders the kitchen cannot take as sent, and refuses an unknown rule", async () => {
    const k = await api.kitchen();
    tenants.push(k.tenant.id);
    const token = await owner(k);
    const input = { name: 'Strict', type: 'DELIVERY', baseUrl: sandbox.url, apiKey: 'admin-test-key', webhookSecrets: ['whsec-strict-1234'] };
    const created = await api.gql(token, CREATE, { input: { ...input, invalidOrders: 'deny' } });
    expect(created.errors).toBeUndefined();
    expect(created.data.createPlatform.config).toMatchObject({ invalidOrders: 'deny' });
    const wrong = await api.gql(token, CREATE, { input: { ...input, name: 'Odd', invalidOrders: 'ignore' } });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps platforms to owners and admins of their own tenant', async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    tenants.push(k.tenant.id, other.tenant.id);
    const mine = await api.gql(await owner(k), CREATE, {
      input: { name: 'Mine', type: 'DELIVERY', baseUrl: sandbox.url, apiKey: 'admin-test-key', webhookSecrets: ['whsec-mine-1234'] },
    });
    const id = mine.data.createPlatform.id;
    const forbidden = await api.gql(k.token.manager, 'query { platforms { id } }');
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await api.gql(await owner(other), 'query($p: ID!) { platformSyncLogs(platformId: $p) { id } }', { p: id });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const theirList = await api.gql(await owner(other), 'query { platforms { id } }');
    expect(theirList.data.platforms).toEqual([]);
  });
});
