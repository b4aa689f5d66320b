import { randomUUID } from 'node:crypto';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';
import { ETA_MIN_SPACING_MS } from '../../core/eta/eta-runs';
import { connectSandbox, deletePlatformRows, type ConnectedPlatform } from '../../test/support/test-platform';
import { setTimeout as sleep } from 'node:timers/promises';

// Marketplace orders end to end: the sandbox platform (real HTTP) → signed webhook into the real
// app → Temporal platform order workflow → our IMPORT order cooked by the real kitchen workflows
// → accept / ready back on the sandbox, whose ledger records every call it received.
jest.setTimeout(120_000);

let api: KitchenApi;
const tenants: string[] = [];
const sandboxes: ConnectedPlatform[] = [];
beforeAll(async () => {
  api = await startKitchenApi('platform-orders-test');
});
afterAll(async () => {
  await api?.h.terminateLeftovers();
  await Promise.all(sandboxes.map((s) => s.sandbox.stop()));
  if (api) await deletePlatformRows(api.prisma, tenants);
  await api?.stop();
});

async function setup(opts: { timeoutMs?: number } = {}): Promise<{ k: TestKitchen; p: ConnectedPlatform }> {
  const k = await api.kitchen();
  tenants.push(k.tenant.id);
  const p = await connectSandbox(api, k, opts);
  sandboxes.push(p);
  return { k, p };
}

const platformOrder = (p: ConnectedPlatform, id: string) => api.prisma.platformOrder.findFirst({ where: { platformId: p.platformId, platformOrderId: id } });

const sandboxStatus = (p: ConnectedPlatform, id: string, status: string) =>
  until(async () => (p.sandbox.control.order(id)?.status === status ? p.sandbox.control.order(id) : undefined), `sandbox order ${id} ${status}`, 30_000);

async function cookSalad(k: TestKitchen, orderId: string) {
  const task = await until(async () => {
    const res = await api.gql(k.token.staff, 'query($id: ID!) { order(id: $id) { items { tasks { id status } } } }', { id: orderId });
    const t = res.data?.order.items[0].tasks[0];
    return t?.status === 'QUEUED' ? t : undefined;
  }, 'salad task queued');
  for (const m of ['startTask', 'completeTask']) {
    const res = await api.gql(k.token.staff, `mutation($id: ID!) { ${m}(id: $id) { id } }`, { id: task.id });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
}

describe('platform orders from the sandbox marketplace', () => {
  it('turns a webhook delivered three times (plus a re-sent event) into one order, one accept and one ready', async () => {
    const { k, p } = await setup();
    const id = `ord-${randomUUID().slice(0, 8)}`;
    await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.salad, quantity: 2 }], deliveries: 3 });
    // The same order again under a new event id (a platform that re-sends instead of retrying).
    const again = p.sandbox.control.order(id)!;
    await p.sandbox.control.sendEvent({ id: `evt_${randomUUID()}`, type: 'order.placed', createdAt: new Date().toISOString(), data: { order: again } });

    const accepted = await sandboxStatus(p, id, 'accepted');
    const row = await until(async () => ((await platformOrder(p, id))?.orderId ? platformOrder(p, id) : undefined), 'platform order linked');
    const orders = await api.prisma.order.findMany({ where: { tenantId: k.tenant.id }, include: { items: true } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ id: row!.orderId, channel: 'IMPORT' });
    expect(orders[0].items).toMatchObject([{ menuItemId: k.menu.salad, quantity: 2 }]);
    expect(await api.prisma.platformWebhookEvent.count({ where: { platformId: p.platformId } })).toBe(2);
    expect(p.sandbox.control.deliveries().every((d) => d.status === 202)).toBe(true);
    expect(accepted.promisedReadyAt).toBeTruthy();

    await cookSalad(k, orders[0].id);
    await sandboxStatus(p, id, 'ready');
    await p.sandbox.control.idle();
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/accept$`), { includeReplayed: true })).toHaveLength(1);
    const readyCalls = p.sandbox.control
      .calls(new RegExp(`^POST /v1/orders/${id}/status$`), { includeReplayed: true })
      .filter((c) => (c.body as { status: string }).status === 'ready');
    expect(readyCalls).toHaveLength(1);

    // The marketplace's courier takes it: our order goes out for delivery, the platform hears "picked up" once.
    const { handOffOrder } = await import('../../temporal/kitchen-client');
    expect((await handOffOrder(api.h.client, { orderId: orders[0].id, to: 'PICKED_UP' })).ok).toBe(true);
    await sandboxStatus(p, id, 'picked_up');
    const statusCalls = p.sandbox.control
      .calls(new RegExp(`^POST /v1/orders/${id}/status$`), { includeReplayed: true })
      .map((c) => (c.body as { status: string }).status);
    expect(statusCalls.filter((st) => st === 'picked_up')).toHaveLength(1);
    // The platform has it first; our row follows once the activity has its answer.
    await until(async () => ((await platformOrder(p, id))?.status === 'picked_up' ? true : undefined), 'platform order row picked_up');
  });

  it('keeps an order with an unknown item and flags it for review instead of dropping or accepting it', async () => {
    const { k, p } = await setup();
    const id = `ord-${randomUUID().slice(0, 8)}`;
    await p.sandbox.control.injectOrder({
      id,
      items: [
        { productId: p.products.salad, quantity: 1 },
        { productId: 'not-on-our-menu', quantity: 1 },
      ],
    });
    const flagged = await until(async () => ((await platformOrder(p, id))?.needsReview ? platformOrder(p, id) : undefined), 'order flagged');
    expect(flagged).toMatchObject({ status: 'needs_review', orderId: null, reviewReason: 'Unknown platform products: not-on-our-menu' });
    expect((flagged!.payload as { items: unknown[] }).items).toHaveLength(2);
    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(0);
    expect(p.sandbox.control.order(id)?.status).toBe('placed');
    expect(p.sandbox.control.calls(/\/accept$|\/deny$/)).toHaveLength(0);
  });

  it('does not send an accept twice when the first one committed but answered too slowly', async () => {
    const { p } = await setup({ timeoutMs: 1_000 });
    const id = `ord-${randomUUID().slice(0, 8)}`;
    p.sandbox.control.injectFault({ match: new RegExp(`^POST /v1/orders/${id}/accept$`), kind: 'slow', delayMs: 2_500, times: 1 });
    await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.salad, quantity: 1 }] });
    await sandboxStatus(p, id, 'accepted');
    const log = await until(async () => {
      const row = await api.prisma.syncLog.findFirst({ where: { platformId: p.platformId, idempotencyKey: `accept:${id}` } });
      return row?.status === 'sent' ? row : undefined;
    }, 'accept logged as sent');
    expect(log.attempts).toBe(1);
    expect(log.response).toEqual({ foundOnPlatform: true });
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/accept$`), { includeReplayed: true })).toHaveLength(1);
    expect(p.sandbox.control.order(id)?.readyTimes).toHaveLength(1);
  });

  it('denies an order for a dish we switched off, once, with the reason', async () => {
    const { k, p } = await setup();
    await api.prisma.menuItem.update({ where: { id: k.menu.pizza }, data: { isAvailable: false } });
    const id = `ord-${randomUUID().slice(0, 8)}`;
    await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.pizza, quantity: 1 }], deliveries: 2 });
    const denied = await sandboxStatus(p, id, 'denied');
    expect(denied.denyReason).toBe('Unavailable: Margherita');
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/deny$`), { includeReplayed: true })).toHaveLength(1);
    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(0);
  });
});

describe('out-of-order deliveries', () => {
  it('never creates an order when the cancellation arrives before the order itself', async () => {
    const { makeEvent } = await import('../../sandbox-platform/webhooks');
    const { k, p } = await setup();
    const id = `ord-${randomUUID().slice(0, 8)}`;
    const target = { url: p.webhookUrl, secret: p.secret };
    p.sandbox.control.setWebhookTarget(null); // hold the deliveries back to send them in the wrong order
    const placed = await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.salad, quantity: 1 }] });
    await p.sandbox.control.cancelOrder(id);
    p.sandbox.control.setWebhookTarget(target);
    await p.sandbox.control.sendEvent(makeEvent('order.cancelled', p.sandbox.control.order(id)));
    await until(async () => ((await platformOrder(p, id))?.status === 'cancelled' ? true : undefined), 'platform order cancelled');
    await p.sandbox.control.sendEvent(makeEvent('order.placed', placed), 2);
    await p.sandbox.control.idle();
    expect(p.sandbox.control.deliveries().map((d) => d.status)).toEqual([202, 202, 202]);
    await sleep(1_000);
    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(0);
    expect((await platformOrder(p, id))?.status).toBe('cancelled');
    expect(p.sandbox.control.calls(/^POST \/v1\/orders\//)).toHaveLength(0);
  });
});

describe('accept deadline', () => {
  it('cancels our order when the platform already auto-cancelled it before our accept arrived', async () => {
    const { makeEvent } = await import('../../sandbox-platform/webhooks');
    const { k, p } = await setup();
    const id = `ord-${randomUUID().slice(0, 8)}`;
    const target = { url: p.webhookUrl, secret: p.secret };
    p.sandbox.control.setWebhookTarget(null); // the order.placed webhook is late…
    const placed = await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.salad, quantity: 1 }] });
    p.sandbox.control.advanceClock(6 * 60_000); // …past the 5-minute accept window: auto-cancelled
    expect(p.sandbox.control.order(id)?.status).toBe('cancelled');
    p.sandbox.control.setWebhookTarget(target);
    await p.sandbox.control.sendEvent(makeEvent('order.placed', placed));
    const row = await until(async () => ((await platformOrder(p, id))?.status === 'cancelled' ? platformOrder(p, id) : undefined), 'platform order cancelled');
    const ours = await until(async () => {
      const o = await api.prisma.order.findFirst({ where: { tenantId: k.tenant.id } });
      return o?.status === 'CANCELLED' ? o : undefined;
    }, 'our order cancelled');
    expect(ours.id).toBe(row!.orderId);
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/accept$`)).map((c) => c.status)).toEqual([409]);
  });
});

describe('reconciliation', () => {
  it('finds an order whose webhook never arrived and takes it exactly once', async () => {
    const { ensureOrderReconciliation } = await import('../../temporal/platform-client');
    const { k, p } = await setup();
    const id = `ord-${randomUUID().slice(0, 8)}`;
    p.sandbox.control.setWebhookTarget(null); // the webhook is lost
    await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.salad, quantity: 1 }] });
    await ensureOrderReconciliation({ client: api.h.client, taskQueue: api.h.taskQueue }, { tenantId: k.tenant.id, platformId: p.platformId }, { pollMs: 300 });
    await sandboxStatus(p, id, 'accepted');
    await sleep(1_000); // a few more polls: the order is known now
    expect(await api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(1);
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/accept$`), { includeReplayed: true })).toHaveLength(1);
    expect(p.sandbox.control.calls(/^GET \/v1\/orders$/).length).toBeGreaterThan(1);
  });
});

describe('order lifecycle mirrored on the platform', () => {
  async function acceptedOrder() {
    const { k, p } = await setup();
    const id = `ord-${randomUUID().slice(0, 8)}`;
    await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.salad, quantity: 1 }] });
    await sandboxStatus(p, id, 'accepted');
    const row = await until(async () => ((await platformOrder(p, id))?.orderId ? platformOrder(p, id) : undefined), 'platform order linked');
    return { k, p, id, orderId: row!.orderId! };
  }

  /** Until the kitchen's own ETA runs for a new order are over (its stored breakdown unchanged for a while). */
  async function etaSettled(orderId: string) {
    let last = '';
    let since = Date.now();
    await until(async () => {
      const order = await api.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
      const now = JSON.stringify([order.estimatedReadyAt, order.etaBreakdown]);
      if (now !== last) [last, since] = [now, Date.now()];
      return order.estimatedReadyAt && Date.now() - since > 2 * ETA_MIN_SPACING_MS + 500 ? true : undefined;
    }, "the new order's ETA runs to be over");
  }

  it('sends a new ready time once when our ETA moves by more than five minutes', async () => {
    const { p, id, orderId } = await acceptedOrder();
    // Otherwise a run still due for the new order (its ticket was queued, its item loaded) puts the real ETA back.
    await etaSettled(orderId);
    const promised = Date.parse(p.sandbox.control.order(id)!.promisedReadyAt!);
    // Stands in for the kitchen running late: the ETA the kitchen wrote, pushed 20 minutes out.
    const late = new Date(promised + 20 * 60_000);
    await api.prisma.order.update({ where: { id: orderId }, data: { estimatedReadyAt: late } });
    await until(async () => (p.sandbox.control.order(id)!.readyTimes.length === 2 ? true : undefined), 'new ready time on the platform');
    expect(p.sandbox.control.order(id)!.promisedReadyAt).toBe(late.toISOString());
    await sleep(3_500); // one more status poll: nothing new to say
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/ready-time$`), { includeReplayed: true })).toHaveLength(1);
  });

  it('tells the platform once when we cancel, and cancels our order when the platform does', async () => {
    const ours = await acceptedOrder();
    const res = await api.gql(ours.k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "Oven broke") { id status } }', { id: ours.orderId });
    expect(res.errors).toBeUndefined();
    await sandboxStatus(ours.p, ours.id, 'cancelled');
    const cancelCalls = () =>
      ours.p.sandbox.control
        .calls(new RegExp(`^POST /v1/orders/${ours.id}/status$`), { includeReplayed: true })
        .filter((c) => (c.body as { status: string }).status === 'cancelled');
    expect(cancelCalls()).toHaveLength(1);

    const theirs = await acceptedOrder();
    await theirs.p.sandbox.control.cancelOrder(theirs.id);
    const cancelled = await until(async () => {
      const o = await api.prisma.order.findUniqueOrThrow({ where: { id: theirs.orderId } });
      return o.status === 'CANCELLED' ? o : undefined;
    }, 'our order cancelled');
    expect(cancelled.cancelReason).toMatch(/^Cancelled on Sandbox/);
    expect((await platformOrder(theirs.p, theirs.id))?.status).toBe('cancelled');
    expect(theirs.p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${theirs.id}/status$`))).toHaveLength(0);
  });
});

describe('the platform webhook endpoint', () => {
  const post = (url: string, body: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const event = (orderId: string) =>
    JSON.stringify({
      id: `evt_${randomUUID()}`,
      type: 'order.placed',
      createdAt: new Date().toISOString(),
      data: { order: { id: orderId, status: 'placed', items: [] } },
    });

  it('rejects a bad signature, a stale timestamp and a tampered body, and accepts the previous secret during a rotation', async () => {
    const { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } = await import('../../platforms/signature');
    const { encryptCredentials } = await import('../../platforms/credentials');
    const { p } = await setup();
    const now = Math.floor(Date.now() / 1000);
    const body = event(`ord-${randomUUID().slice(0, 8)}`);
    const signed = (secret: string, ts = now, raw = body) => ({ [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signPayload(secret, ts, raw) });

    expect((await post(p.webhookUrl, body, signed('wrong-secret'))).status).toBe(401);
    expect((await post(p.webhookUrl, body, signed(p.secret, now - 3_600))).status).toBe(401);
    expect((await post(p.webhookUrl, body.replace('placed', 'plaCed'), signed(p.secret))).status).toBe(401);
    expect((await post(p.webhookUrl, body, {})).status).toBe(401);
    expect(await api.prisma.platformWebhookEvent.count({ where: { platformId: p.platformId } })).toBe(0);

    // Rotation: the new secret first, the old one still valid until the platform switches.
    await api.prisma.platform.update({
      where: { id: p.platformId },
      data: { credentialsEncrypted: encryptCredentials({ webhookSecrets: ['brand-new-secret', p.secret] }) },
    });
    const res = await post(p.webhookUrl, body, signed(p.secret));
    expect(res.status).toBe(202);
    const fresh = event(`ord-${randomUUID().slice(0, 8)}`);
    expect((await post(p.webhookUrl, fresh, signed('brand-new-secret', now, fresh))).status).toBe(202);
    expect(await api.prisma.platformWebhookEvent.count({ where: { platformId: p.platformId } })).toBe(2);
  });

  it('answers 404 for an unknown platform', async () => {
    const res = await post(`${api.url}/webhooks/platforms/${randomUUID()}`, '{}', {});
    expect(res.status).toBe(404);
  });
});
