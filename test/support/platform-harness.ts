import { connectSandbox, deletePlatformRows, type ConnectedPlatform } from './test-platform';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from './kitchen-api';
import { ensureAvailabilitySync, startMenuSync } from '../../temporal/platform-client';

/**
 * The shared set-up of the platform tests: one real API + worker per file (started in beforeAll),
 * and per test a fresh kitchen connected to its own sandbox marketplace; everything is removed
 * in afterAll. Call at the top level of a test file.
 */
export interface PlatformHarness {
  /** The running API; valid inside tests (after beforeAll). */
  readonly api: KitchenApi;
  readonly kitchen: { client: KitchenApi['h']['client']; taskQueue: string };
  /** A sandbox marketplace connected to a fresh kitchen, or to `kitchen` (a second platform of it). */
  connect(opts?: { oauth?: boolean; kitchen?: TestKitchen }): Promise<{ k: TestKitchen; p: ConnectedPlatform }>;
  /** An OWNER's access token for the kitchen (platforms:manage). */
  ownerToken(k: TestKitchen): Promise<string>;
  /** A first full menu sync, then the availability follower started and idle (its first look only records). */
  syncedAndFollowed(k: TestKitchen, p: ConnectedPlatform): Promise<void>;
}

export function usePlatformHarness(name: string): PlatformHarness {
  let api: KitchenApi | undefined;
  const tenants: string[] = [];
  const sandboxes: ConnectedPlatform[] = [];
  beforeAll(async () => {
    api = await startKitchenApi(name);
  });
  afterAll(async () => {
    await api?.h.terminateLeftovers();
    await Promise.all(sandboxes.map((s) => s.sandbox.stop()));
    if (api) await deletePlatformRows(api.prisma, tenants);
    await api?.stop();
  });
  const running = (): KitchenApi => {
    if (!api) throw new Error('The platform test API is not running (use the harness inside tests)');
    return api;
  };
  const harness: PlatformHarness = {
    get api() {
      return running();
    },
    get kitchen() {
      return { client: running().h.client, taskQueue: running().h.taskQueue };
    },
    async connect({ kitchen, oauth } = {}) {
      const k = kitchen ?? (await running().kitchen());
      if (!kitchen) tenants.push(k.tenant.id);
      const p = await connectSandbox(running(), k, { oauth });
      sandboxes.push(p);
      return { k, p };
    },
    async ownerToken(k) {
      const res = await running().gql('', 'mutation($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }', {
        t: k.tenant.slug,
        e: k.tenant.users.OWNER.email,
        p: k.tenant.password,
      });
      return res.data.login.accessToken as string;
    },
    async syncedAndFollowed(k, p) {
      const ref = { tenantId: k.tenant.id, platformId: p.platformId };
      const { client } = harness.kitchen;
      await client.workflow.getHandle(await startMenuSync(harness.kitchen, ref)).result();
      const follower = client.workflow.getHandle(await ensureAvailabilitySync(harness.kitchen, ref));
      // Its first look is done once it sleeps on its safety-net timer: from here on it pushes differences.
      await until(
        async () => ((await follower.fetchHistory()).events?.some((e) => e.timerStartedEventAttributes) ? true : undefined),
        'availability follower idle',
      );
    },
  };
  return harness;
}
