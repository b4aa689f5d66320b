import type { PlatformSyncPayload } from '../../contracts/socket-events';
import { connectClient, recordEvents, type BrigadeClient } from '../../test/support/socket-clients';
import type { ConnectedPlatform } from '../../test/support/test-platform';
import { until, type TestKitchen } from '../../test/support/kitchen-api';
import { usePlatformHarness } from '../../test/support/platform-harness';

// Menu sync progress as the admin page sees it: a real socket.io-client logged into the tenant
// (the real app's Socket.io server), the resyncPlatform mutation over real HTTP, the real sync
// workflow against the sandbox marketplace, events through the real PostgreSQL emitter.
jest.setTimeout(90_000);

const h = usePlatformHarness('platform-sync-progress-test');
const sockets: BrigadeClient[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

async function setup(): Promise<{ k: TestKitchen; p: ConnectedPlatform; owner: string; events: () => PlatformSyncPayload[] }> {
  const { k, p } = await h.connect();
  const owner = await h.ownerToken(k);
  const socket = await connectClient(h.api.url, owner);
  sockets.push(socket);
  const seen = recordEvents(socket);
  return { k, p, owner, events: () => seen.filter((e) => e.event === 'platform:sync').map((e) => e.payload as PlatformSyncPayload) };
}

const resync = async (token: string, platformId: string, menuItemIds?: string[]): Promise<string> => {
  const res = await h.api.gql(token, 'mutation($id: ID!, $items: [ID!]) { resyncPlatform(platformId: $id, menuItemIds: $items) }', {
    id: platformId,
    items: menuItemIds ?? null,
  });
  expect(res.errors).toBeUndefined();
  return res.data.resyncPlatform as string;
};

const finished = (events: () => PlatformSyncPayload[], runId: string) =>
  until(
    async () => (events().some((e) => e.runId === runId && e.phase === 'done') ? events().filter((e) => e.runId === runId) : undefined),
    `run ${runId} done`,
    30_000,
  );

describe('menu sync progress over Socket.io', () => {
  it('streams a full resync to the tenant: loading, uploading, processing with counts, then done and SYNCED', async () => {
    const { p, owner, events } = await setup();
    const outsider = await setup(); // another tenant's browser, connected the same way
    const runId = await resync(owner, p.platformId);
    const run = await finished(events, runId);

    console.log(`full resync: ${run.length} platform:sync events: ${run.map((e) => `${e.phase}(${e.done}/${e.total})`).join(' → ')}`);
    expect(run.map((e) => e.phase)).toEqual(['loading', 'uploading', 'processing', 'processing', 'done']);
    expect(run.every((e) => e.platformId === p.platformId)).toBe(true);
    expect(run.slice(0, -1).every((e) => e.status === 'PENDING')).toBe(true);
    expect(run[3]).toMatchObject({ total: 2, done: 2, failed: 0 });
    expect(run.at(-1)).toMatchObject({ phase: 'done', total: 2, done: 2, failed: 0, status: 'SYNCED' });
    expect(outsider.events()).toEqual([]);
  });

  it('reports every dish of an incremental resync and ends FAILED when the platform rejected one', async () => {
    const { k, p, owner, events } = await setup();
    p.sandbox.control.rejectProduct(p.products.pizza);
    const runId = await resync(owner, p.platformId, [k.menu.pizza, k.menu.salad]);
    const run = await finished(events, runId);

    expect(run.map((e) => e.phase)).toEqual(['loading', 'items', 'items', 'items', 'done']);
    expect(run.filter((e) => e.phase === 'items').map((e) => [e.done + e.failed, e.total])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(run.at(-1)).toMatchObject({ total: 2, done: 1, failed: 1, status: 'FAILED', message: '1 of 2 dishes failed' });
  });
});
