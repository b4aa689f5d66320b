import { startKitchenApi, until, type KitchenApi } from '../../test/support/kitchen-api';
import { freshIp, placeSalad, publicGet } from '../../test/support/customer-view';

// The range told with an order's promise, on the console's order reads and the customer's tracking
// page: real HTTP, the real app, workflows and PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('tracking-range-test');
});
afterAll(() => api?.stop());

const MIN = 60_000;
const RANGES =
  'query($id: ID!) { order(id: $id) { estimatedReadyAt estimatedReadyRange { from to basis } promisedReadyAt promisedReadyRange { from to basis } } }';

it('stores the range told with the promise, and moves its learned width with the estimate on order reads and the tracking page', async () => {
  const k = await api.kitchen();
  const placed = await placeSalad(api, k);
  const stored = await api.prisma.order.findUniqueOrThrow({ where: { id: placed.id } });
  // A new kitchen has learned no spread: the promise's range is the fixed shares, and it opens the ETA history.
  expect(stored.promiseRangeBasis).toBe('FIXED');
  expect(stored.promiseRangeFrom!.getTime()).toBeLessThanOrEqual(stored.initialEstimatedReadyAt!.getTime());
  expect(stored.promiseRangeTo!.getTime()).toBeGreaterThan(stored.initialEstimatedReadyAt!.getTime());
  await until(
    async () => ((await api.prisma.orderEtaChange.count({ where: { orderId: placed.id, reason: 'order-created' } })) === 1 ? true : undefined),
    'promise in the history',
  );

  // As if a spread had been learned: 2 minutes before the promise, 7 after. The cold station goes
  // off first, so no ETA run rewrites this order's estimate while the test reads it.
  await api.prisma.station.update({ where: { id: k.station.cold }, data: { isActive: false } });
  const promised = new Date(Math.ceil((Date.now() + 20 * MIN) / MIN) * MIN);
  const estimate = new Date(promised.getTime() + 10 * MIN);
  await api.prisma.order.update({
    where: { id: placed.id },
    data: {
      initialEstimatedReadyAt: promised,
      estimatedReadyAt: estimate,
      promiseRangeFrom: new Date(promised.getTime() - 2 * MIN),
      promiseRangeTo: new Date(promised.getTime() + 7 * MIN),
      promiseRangeBasis: 'LEARNED',
    },
  });
  const moved = { from: new Date(estimate.getTime() - 2 * MIN).toISOString(), to: new Date(estimate.getTime() + 7 * MIN).toISOString() };

  const read = await api.gql(k.token.staff, RANGES, { id: placed.id });
  expect(read.data.order).toEqual({
    estimatedReadyAt: estimate.toISOString(),
    estimatedReadyRange: { ...moved, basis: 'LEARNED' },
    promisedReadyAt: promised.toISOString(),
    promisedReadyRange: {
      from: new Date(promised.getTime() - 2 * MIN).toISOString(),
      to: new Date(promised.getTime() + 7 * MIN).toISOString(),
      basis: 'LEARNED',
    },
  });

  // The customer sees the same range and nothing more than before.
  const tracking = await publicGet(api, `/public/track/${placed.trackingToken}`, freshIp());
  expect(tracking.status).toBe(200);
  expect(Object.keys(tracking.body).sort()).toEqual(['delivery', 'eta', 'items', 'orderNumber', 'page', 'readyAt', 'rider', 'stage']);
  expect(tracking.body.eta).toEqual(moved);
});
