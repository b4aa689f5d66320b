import { randomUUID } from 'node:crypto';
import { until } from '../../test/support/kitchen-api';
import { usePlatformHarness } from '../../test/support/platform-harness';
import type { ConnectedPlatform } from '../../test/support/test-platform';
import { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../platforms/signature';
import { platformOrderWorkflowId } from '../../workflows/platform-order-workflow';

// What a marketplace may send that the kitchen cannot take as sent: the real app behind a real
// webhook (signed like the sandbox signs), the real platform order workflow, the sandbox's ledger.
// Every order that names itself is kept (review queue), every body that does not gets a 4xx saying
// which field, and nothing is a 500 or an order left `received`.
jest.setTimeout(120_000);

const h = usePlatformHarness('platform-webhook-content-test');

/** A signed POST of exactly these bytes. */
async function post(p: ConnectedPlatform, raw: string) {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(p.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signPayload(p.secret, ts, raw) },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const placed = (order: unknown, type = 'order.placed') =>
  JSON.stringify({ id: `evt_${randomUUID()}`, type, createdAt: new Date().toISOString(), data: { order } });

/** An order the sandbox knows (so it can be accepted or denied there), delivered with `change` applied. */
async function sandboxOrder(p: ConnectedPlatform, change: (order: Record<string, unknown>) => void = () => {}) {
  const id = `ord-${randomUUID().slice(0, 8)}`;
  const target = { url: p.webhookUrl, secret: p.secret };
  p.sandbox.control.setWebhookTarget(null);
  const order = (await p.sandbox.control.injectOrder({ id, items: [{ productId: p.products.salad, name: 'Insalata', quantity: 1 }] })) as unknown as Record<
    string,
    unknown
  >;
  p.sandbox.control.setWebhookTarget(target);
  const sent = structuredClone(order);
  change(sent);
  return { id, order, sent };
}

const row = (p: ConnectedPlatform, id: string) => h.api.prisma.platformOrder.findFirst({ where: { platformId: p.platformId, platformOrderId: id } });
const inReview = (p: ConnectedPlatform, id: string) =>
  until(
    async () => {
      const r = await row(p, id);
      return r?.status === 'needs_review' ? r : undefined;
    },
    `order ${id} in the review queue`,
    20_000,
  );
const line = (o: Record<string, unknown>) => (o.items as Array<Record<string, unknown>>)[0];

describe('order content the kitchen cannot take as sent', () => {
  const cases: Array<[string, (o: Record<string, unknown>) => void, string]> = [
    ['quantity 0', (o) => (line(o).quantity = 0), 'items.0.quantity'],
    ['quantity -3', (o) => (line(o).quantity = -3), 'items.0.quantity'],
    ['quantity 999', (o) => (line(o).quantity = 999), 'items.0.quantity'],
    ['a 10,000-character customer name', (o) => ((o.customer as Record<string, unknown>).name = 'x'.repeat(10_000)), 'customer.name'],
    ['a 10,000-character dish name', (o) => (line(o).name = 'y'.repeat(10_000)), 'items.0.name'],
    ['items given as a string', (o) => (o.items = '2x salad'), 'items'],
    ['acceptDeadline "not-a-date"', (o) => (o.acceptDeadline = 'not-a-date'), 'acceptDeadline'],
    ['a NUL character in the customer name', (o) => ((o.customer as Record<string, unknown>).name = 'Ann\u0000a'), 'customer.name'],
  ];

  it.each(cases)('keeps an order with %s: 202 naming the field, then the review queue with the reason, never cooked', async (_name, change, field) => {
    const { k, p } = await h.connect();
    const { id, sent } = await sandboxOrder(p, change);
    const res = await post(p, placed(sent));
    expect(res.status).toBe(202);
    expect(res.body.problems).toEqual([expect.objectContaining({ path: field })]);

    const held = await inReview(p, id);
    expect(held.reviewReason).toContain(`Invalid order content: ${field} `);
    expect(held.orderId).toBeNull();
    await h.api.h.client.workflow.getHandle(platformOrderWorkflowId(p.platformId, id)).describe(); // its workflow exists (waiting at the desk)
    expect(await h.api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(0);
    expect(p.sandbox.control.calls(/\/(accept|deny)$/)).toHaveLength(0);
  });

  it("denies it on the platform with the reason, once, when the platform's rule says deny", async () => {
    const { k, p } = await setup();
    await h.api.prisma.platform.update({ where: { id: p.platformId }, data: { config: { baseUrl: p.sandbox.url, timeoutMs: 1_000, invalidOrders: 'deny' } } });
    const { id, sent } = await sandboxOrder(p, (o) => (line(o).quantity = 999));
    expect((await post(p, placed(sent))).status).toBe(202);
    await post(p, placed(sent)); // a duplicate delivery denies nothing twice
    const denied = await until(async () => (p.sandbox.control.order(id)?.status === 'denied' ? p.sandbox.control.order(id) : undefined), 'order denied');
    expect(denied.denyReason).toBe('Invalid order content: items.0.quantity must be between 1 and 50');
    await until(async () => ((await row(p, id))?.status === 'denied' ? true : undefined), 'platform order row denied');
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/deny$`), { includeReplayed: true })).toHaveLength(1);
    expect(await h.api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(0);
  });

  it('takes a corrected redelivery of an order in review: one kitchen order, one accept', async () => {
    const { k, p } = await setup();
    const { id, order, sent } = await sandboxOrder(p, (o) => (line(o).quantity = 0));
    expect((await post(p, placed(sent))).status).toBe(202);
    await inReview(p, id);
    expect((await post(p, placed(sent))).body).toMatchObject({ ok: true }); // the same content again changes nothing
    expect((await row(p, id))?.status).toBe('needs_review');

    const fixed = await post(p, placed(order));
    expect(fixed).toMatchObject({ status: 202, body: { revised: true } });
    expect(fixed.body.problems).toBeUndefined();
    await until(async () => (p.sandbox.control.order(id)?.status === 'accepted' ? true : undefined), 'corrected order accepted');
    await post(p, placed(order)); // a late duplicate of the corrected one
    const linked = await until(async () => ((await row(p, id))?.orderId ? row(p, id) : undefined), 'platform order linked');
    expect(linked).toMatchObject({ status: 'accepted', needsReview: false, reviewReason: null });
    const orders = await h.api.prisma.order.findMany({ where: { tenantId: k.tenant.id }, include: { items: true } });
    expect(orders.map((o) => [o.id, o.items.map((i) => i.quantity)])).toEqual([[linked!.orderId, [1]]]);
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/accept$`), { includeReplayed: true })).toHaveLength(1);
  });

  it('takes a corrected redelivery after the run that held the order has ended', async () => {
    const { k, p } = await setup();
    const { id, order, sent } = await sandboxOrder(p, (o) => (o.items = 'salad'));
    await post(p, placed(sent));
    await inReview(p, id);
    await h.api.h.client.workflow.getHandle(platformOrderWorkflowId(p.platformId, id)).terminate('stands in for a failed run or one that waited its day out');
    expect((await post(p, placed(order))).body).toMatchObject({ revised: true });
    await until(async () => (p.sandbox.control.order(id)?.status === 'accepted' ? true : undefined), 'corrected order accepted');
    expect(await h.api.prisma.order.count({ where: { tenantId: k.tenant.id } })).toBe(1);
    expect(p.sandbox.control.calls(new RegExp(`^POST /v1/orders/${id}/accept$`), { includeReplayed: true })).toHaveLength(1);
  });
});

describe('bodies that are no usable event', () => {
  it('answers 400 or 422 naming the field, stores nothing and starts nothing', async () => {
    const { p } = await setup();
    const deep = JSON.stringify({
      id: 'evt_deep',
      type: 'order.placed',
      data: { order: { id: 'ord-deep', items: [JSON.parse('['.repeat(50) + ']'.repeat(50))] } },
    });
    const bodies: Array<[string, number, string | null]> = [
      ['{"id": "evt_1", "type": "order.placed"', 400, null],
      ['"just a string"', 400, null],
      [JSON.stringify({ type: 'order.placed', data: { order: { id: 'ord-x' } } }), 400, 'id'],
      [JSON.stringify({ id: 'evt_\u0000', type: 'order.placed', data: { order: { id: 'ord-x' } } }), 400, 'id'],
      [deep, 400, null],
      [placed({ items: [] }), 422, 'data.order.id'],
      [placed({ id: 42, items: [] }), 422, 'data.order.id'],
      [placed({ id: 'ord-\u0000', items: [] }), 422, 'data.order.id'],
      [placed({ id: 'o'.repeat(300), items: [] }), 422, 'data.order.id'],
      [JSON.stringify({ id: `evt_${randomUUID()}`, type: 'order.cancelled', data: 'nothing' }), 422, 'data'],
    ];
    for (const [raw, status, field] of bodies) {
      const res = await post(p, raw);
      expect({ raw: raw.slice(0, 80), status: res.status }).toEqual({ raw: raw.slice(0, 80), status });
      expect(res.body.error).toMatchObject({ code: status === 400 ? 'BAD_REQUEST' : 'BAD_USER_INPUT', message: expect.any(String), field });
    }
    expect(await h.api.prisma.platformWebhookEvent.count({ where: { platformId: p.platformId } })).toBe(0);
    expect(await h.api.prisma.platformOrder.count({ where: { platformId: p.platformId } })).toBe(0);
  });

  it('answers 2xx to an event type it does not know, and does not take it for an order', async () => {
    const { p } = await setup();
    const { id, order } = await sandboxOrder(p);
    const res = await post(p, placed(order, 'order.tip_added'));
    expect(res).toEqual({ status: 202, body: { ok: true, ignored: true } });
    expect(await row(p, id)).toBeNull();
    await expect(h.api.h.client.workflow.getHandle(platformOrderWorkflowId(p.platformId, id)).describe()).rejects.toThrow(/not found/i);
  });
});

function setup() {
  return h.connect();
}
