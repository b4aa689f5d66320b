import { randomUUID } from 'node:crypto';
import type { PlatformOrderPayload } from '../../contracts/socket-events';
import { connectClient, recordEvents, type BrigadeClient } from '../../test/support/socket-clients';
import type { ConnectedPlatform } from '../../test/support/test-platform';
import { until } from '../../test/support/kitchen-api';
import { usePlatformHarness } from '../../test/support/platform-harness';

// Orders held for review, resolved by a person: the sandbox marketplace (real HTTP) sends a
// signed webhook with an item we do not know, the real platform order workflow holds it, and the
// resolvePlatformOrder mutation (real GraphQL) accepts or denies it through that same workflow.
jest.setTimeout(120_000);

const h = usePlatformHarness('platform-review-test');
const sockets: BrigadeClient[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

const ORDER_FIELDS = 'id platformId platformName platformOrderId orderId status needsReview unknownItems { platformItemId name quantity }';
const RESOLVE = `mutation($input: ResolvePlatformOrderInput!) { resolvePlatformOrder(input: $input) { ${ORDER_FIELDS} } }`;

async function setup() {
  const { k, p } = await h.connect();
  return { k, p, owner: await h.ownerToken(k) };
}

/** An order with one dish we know and one we do not; resolves once it is held for review. */
async function flaggedOrder(p: ConnectedPlatform, unknownId = `burrata-${randomUUID().slice(0, 4)}`) {
  const id = `ord-${randomUUID().slice(0, 8)}`;
  await p.sandbox.control.injectOrder({
    id,
    items: [
      { productId: p.products.salad, name: 'Insalata', quantity: 1 },
      { productId: unknownId, name: 'Burrata', quantity: 2 },
    ],
  });
  const row = await until(async () => {
    const r = await h.api.prisma.platformOrder.findFirst({ where: { platformId: p.platformId, platformOrderId: id } });
    return r?.status === 'needs_review' ? r : undefined;
  }, `order ${id} held for review`);
  return { id, rowId: row.id, unknownId };
}

const applied = (p: ConnectedPlatform, path: RegExp) => p.sandbox.control.calls(path, { includeReplayed: true });

describe('orders held for review', () => {
  it('lists held orders of every platform with their unknown lines, and accepts one exactly once with the mapping saved', async () => {
    const { k, p, owner } = await setup();
    const { p: second } = await h.connect({ kitchen: k });
    const held = await flaggedOrder(p);
    const elsewhere = await flaggedOrder(second);

    const queue = await h.api.gql(owner, `{ platformReviewQueue { ${ORDER_FIELDS} } }`);
    expect(queue.errors).toBeUndefined();
    expect(queue.data.platformReviewQueue.map((o: { platformId: string }) => o.platformId).sort()).toEqual([p.platformId, second.platformId].sort());
    expect(queue.data.platformReviewQueue.find((o: { id: string }) => o.id === held.rowId)).toMatchObject({
      platformOrderId: held.id,
      status: 'needs_review',
      needsReview: true,
      orderId: null,
      unknownItems: [{ platformItemId: held.unknownId, name: 'Burrata', quantity: 2 }],
    });
    expect(elsewhere.rowId).not.toBe(held.rowId);

    const unmapped = await h.api.gql(owner, RESOLVE, { input: { platformOrderId: held.rowId, action: 'ACCEPT' } });
    expect(unmapped.errors?.[0]).toMatchObject({ message: 'Cannot accept: No menu item for "Burrata"', extensions: { code: 'BAD_USER_INPUT' } });

    const input = { platformOrderId: held.rowId, action: 'ACCEPT', itemMappings: [{ platformItemId: held.unknownId, menuItemId: k.menu.pizza }] };
    const accepted = await h.api.gql(owner, RESOLVE, { input });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.resolvePlatformOrder).toMatchObject({ status: 'accepted', needsReview: false, unknownItems: [] });
    const orderId = accepted.data.resolvePlatformOrder.orderId as string;
    expect(p.sandbox.control.order(held.id)).toMatchObject({ status: 'accepted' });
    expect(p.sandbox.control.order(held.id)?.promisedReadyAt).toBeTruthy();

    const again = await h.api.gql(owner, RESOLVE, { input });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(applied(p, new RegExp(`^POST /v1/orders/${held.id}/(accept|deny)$`)).map((c) => [c.path.split('/').pop(), c.status])).toEqual([['accept', 200]]);
    const orders = await h.api.prisma.order.findMany({ where: { tenantId: k.tenant.id }, include: { items: true } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ id: orderId, channel: 'IMPORT', createdById: null });
    expect(orders[0].items.map((i) => [i.menuItemId, i.quantity]).sort()).toEqual(
      [
        [k.menu.pizza, 2],
        [k.menu.salad, 1],
      ].sort(),
    );

    // Taken by the system, and the audit log says so without a user.
    const audit = await h.api.prisma.auditLog.findFirstOrThrow({ where: { tenantId: k.tenant.id, action: 'order.create', entityId: orderId } });
    expect(audit.userId).toBeNull();
    expect(audit.details).toMatchObject({ actor: 'system:platform', via: expect.stringMatching(/^Sandbox /) });

    // The mapping is kept: the next order with that item maps (and is accepted) on its own.
    const next = `ord-${randomUUID().slice(0, 8)}`;
    await p.sandbox.control.injectOrder({ id: next, items: [{ productId: held.unknownId, name: 'Burrata', quantity: 1 }] });
    await until(async () => (p.sandbox.control.order(next)?.status === 'accepted' ? true : undefined), 'next order accepted by itself');
  });

  it('takes one of two simultaneous resolutions and refuses the other', async () => {
    const { k, p, owner } = await setup();
    const held = await flaggedOrder(p);
    const input = { platformOrderId: held.rowId, action: 'ACCEPT', itemMappings: [{ platformItemId: held.unknownId, menuItemId: k.menu.pizza }] };
    const [a, b] = await Promise.all([
      h.api.gql(owner, RESOLVE, { input }),
      h.api.gql(owner, RESOLVE, { input: { ...input, action: 'DENY', itemMappings: null } }),
    ]);
    const outcomes = [a, b].map((r) => r.errors?.[0].extensions?.code ?? r.data.resolvePlatformOrder.status).sort();
    console.log(`simultaneous ACCEPT + DENY: ${outcomes.join(', ')}`);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(1);
    expect(applied(p, new RegExp(`^POST /v1/orders/${held.id}/(accept|deny)$`))).toHaveLength(1);
    expect(await h.api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(outcomes.includes('accepted') ? 1 : 0);
  });

  it("tells the tenant's browsers over Socket.io when an order is held and when it is resolved, and no one else", async () => {
    const { p, owner } = await setup();
    const outsider = await setup();
    const [mine, theirs] = await Promise.all([connectClient(h.api.url, owner), connectClient(h.api.url, outsider.owner)]);
    sockets.push(mine, theirs);
    const seen = recordEvents(mine);
    const seenByOutsider = recordEvents(theirs);
    const orders = (events: typeof seen) => events.filter((e) => e.event === 'platform:order').map((e) => e.payload as PlatformOrderPayload);
    const held = await flaggedOrder(p);
    const flagged = await until(async () => orders(seen).find((e) => e.platformOrderId === held.id), 'platform:order needs_review');
    expect(flagged).toMatchObject({ platformId: p.platformId, status: 'needs_review', reason: expect.stringContaining(held.unknownId) });

    const res = await h.api.gql(owner, RESOLVE, { input: { platformOrderId: held.rowId, action: 'DENY', reason: 'Out of burrata' } });
    expect(res.errors).toBeUndefined();
    const denied = await until(async () => orders(seen).find((e) => e.platformOrderId === held.id && e.status === 'denied'), 'platform:order denied');
    expect(denied).toMatchObject({ platformId: p.platformId, reason: 'Out of burrata' });
    expect(orders(seenByOutsider).filter((e) => e.platformOrderId === held.id)).toEqual([]);
  });

  it('denies a held order on the platform with the reason, once, and creates no order', async () => {
    const { k, p, owner } = await setup();
    const held = await flaggedOrder(p);
    const input = { platformOrderId: held.rowId, action: 'DENY', reason: 'We are out of burrata' };
    const denied = await h.api.gql(owner, RESOLVE, { input });
    expect(denied.errors).toBeUndefined();
    expect(denied.data.resolvePlatformOrder).toMatchObject({ status: 'denied', needsReview: false, orderId: null });
    expect(p.sandbox.control.order(held.id)).toMatchObject({ status: 'denied', denyReason: 'We are out of burrata' });

    expect((await h.api.gql(owner, RESOLVE, { input })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(applied(p, new RegExp(`^POST /v1/orders/${held.id}/(accept|deny)$`)).map((c) => c.status)).toEqual([200]);
    expect(await h.api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(0);
    expect((await h.api.gql(owner, `{ platformReviewQueue { id } }`)).data.platformReviewQueue).toEqual([]);
  });

  it('resolves a held order whose waiting workflow is gone: a new run of it takes the decision', async () => {
    const { platformOrderWorkflowId } = await import('../../workflows/platform-order-workflow');
    const { k, p, owner } = await setup();
    const held = await flaggedOrder(p);
    await h.api.h.client.workflow.getHandle(platformOrderWorkflowId(p.platformId, held.id)).terminate('stands in for a run that waited its day out');
    const input = { platformOrderId: held.rowId, action: 'ACCEPT', itemMappings: [{ platformItemId: held.unknownId, menuItemId: k.menu.pizza }] };
    const accepted = await h.api.gql(owner, RESOLVE, { input });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.resolvePlatformOrder).toMatchObject({ status: 'accepted' });
    expect(applied(p, new RegExp(`^POST /v1/orders/${held.id}/accept$`))).toHaveLength(1);
    expect(await h.api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(1);
  });

  it('lets a MANAGER work the queue, nearest accept deadline first, and keeps the kitchen floor out', async () => {
    const { k, p } = await setup();
    const manager = k.token.manager;
    const first = await flaggedOrder(p);
    const second = await flaggedOrder(p);
    // The second one is due sooner (as if the platform gave it a shorter window): it comes first.
    const soon = new Date(Date.now() + 60_000);
    await h.api.prisma.platformOrder.update({ where: { id: second.rowId }, data: { acceptDeadline: soon } });
    const queue = await h.api.gql(manager, `{ platformReviewQueue { id acceptDeadline } }`);
    expect(queue.errors).toBeUndefined();
    expect(queue.data.platformReviewQueue.map((o: { id: string }) => o.id)).toEqual([second.rowId, first.rowId]);
    expect(queue.data.platformReviewQueue[0].acceptDeadline).toBe(soon.toISOString());
    expect(Date.parse(queue.data.platformReviewQueue[1].acceptDeadline)).toBeGreaterThan(soon.getTime());

    const staff = await h.api.gql(k.token.staff, `{ platformReviewQueue { id } }`);
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mapping = { platformItemId: first.unknownId, menuItemId: k.menu.pizza };
    const accepted = await h.api.gql(manager, RESOLVE, { input: { platformOrderId: first.rowId, action: 'ACCEPT', itemMappings: [mapping] } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.resolvePlatformOrder).toMatchObject({ status: 'accepted' });
    const denied = await h.api.gql(manager, RESOLVE, { input: { platformOrderId: second.rowId, action: 'DENY', reason: 'Out of burrata' } });
    expect(denied.data.resolvePlatformOrder).toMatchObject({ status: 'denied' });
    expect(applied(p, /\/(accept|deny)$/).map((c) => c.path)).toEqual([`/v1/orders/${first.id}/accept`, `/v1/orders/${second.id}/deny`]);
    expect((await h.api.gql(manager, '{ platforms { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("answers NOT_FOUND for another tenant's held order, and changes nothing", async () => {
    const { p } = await setup();
    const held = await flaggedOrder(p);
    const stranger = await setup();
    const res = await h.api.gql(stranger.owner, RESOLVE, { input: { platformOrderId: held.rowId, action: 'DENY', reason: 'not mine' } });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await h.api.gql(stranger.owner, `{ platformReviewQueue { id } }`)).data.platformReviewQueue).toEqual([]);
    expect(p.sandbox.control.order(held.id)?.status).toBe('placed');
    expect(applied(p, /\/(accept|deny)$/)).toHaveLength(0);
  });
});
