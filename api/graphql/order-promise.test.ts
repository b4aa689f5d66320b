import { startKitchenApi, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// createOrder over real HTTP, with the real workflows and PostgreSQL behind it: the answer carries
// the ready time promised, made by the same quote as the phone console's etaQuote.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('order-promise-test');
});
afterAll(() => api?.stop());

const QUOTE = 'query($items: [OrderItemInput!]!) { etaQuote(items: $items) { readyAt } }';
const CREATE =
  'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id estimatedReadyAt estimatedReadyRange { from to } items { estimatedReadyAt } } }';

async function create(k: TestKitchen, input: Record<string, unknown>) {
  const res = await api.gql(k.token.operator, CREATE, { input: { channel: 'PHONE', ...input } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createOrder;
}

const stored = (id: string) => api.prisma.order.findUniqueOrThrow({ where: { id }, include: { items: true } });

it("answers the ready time it promises, the phone quote's, and stores it as the order's first ETA", async () => {
  const k = await api.kitchen();
  const items = [{ menuItemId: k.menu.pizza, quantity: 2 }];
  const quotedAt = Date.now();
  const quote = await api.gql(k.token.operator, QUOTE, { items });
  expect(quote.errors).toBeUndefined();
  const order = await create(k, { items });
  const elapsed = Date.now() - quotedAt;

  // The same kitchen, quoted a moment later: later by at most the time that passed in between.
  const promised = Date.parse(order.estimatedReadyAt);
  const shift = promised - Date.parse(quote.data.etaQuote.readyAt);
  expect(shift).toBeGreaterThanOrEqual(0);
  expect(shift).toBeLessThanOrEqual(elapsed);
  expect(Date.parse(order.estimatedReadyRange.from)).toBeLessThanOrEqual(promised);
  expect(Date.parse(order.estimatedReadyRange.to)).toBeGreaterThan(promised);
  expect(order.items[0].estimatedReadyAt).not.toBeNull();

  // The promise is the order's first ETA; the ETA runs may move the estimate after it, never the promise.
  const row = await stored(order.id);
  expect(row.initialEstimatedReadyAt?.toISOString()).toBe(new Date(promised).toISOString());
});

it('promises the requested time of a scheduled order the kitchen could make sooner', async () => {
  const k = await api.kitchen();
  const requestedAt = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 60_000) * 60_000).toISOString();
  const order = await create(k, { requestedAt, items: [{ menuItemId: k.menu.pizza, quantity: 1 }] });
  expect(order.estimatedReadyAt).toBe(requestedAt);
  expect((await stored(order.id)).initialEstimatedReadyAt?.toISOString()).toBe(requestedAt);
});

it('takes an order no active station can make without promising a made-up time', async () => {
  const k = await api.kitchen();
  await api.prisma.station.update({ where: { id: k.station.oven }, data: { isActive: false } });
  const order = await create(k, { items: [{ menuItemId: k.menu.pizza, quantity: 1 }] });
  expect(order.estimatedReadyAt).toBeNull();
  expect(order.estimatedReadyRange).toBeNull();
  expect((await stored(order.id)).initialEstimatedReadyAt).toBeNull();
});
