import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { createCounterFire, type CounterFire } from '../kitchen/counter-fire';
import { createEventPublisher } from '../../events/event-publisher';
import { createLearnedDurationsCache } from '../kitchen-read/learned-durations';
import { forTenant } from '../../db/tenant-scope';
import { createOrder } from './create-order';
import { redriveStuckOrders } from './start-kitchen';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// When the order workflow cannot be started the order is kept (NEW) and re-driven later.
// The failure is real: a Temporal client on the real server, but in a namespace that does not exist.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('kitchen-start-test');
});
afterAll(() => api?.stop());

function brokenKitchen(counterFire?: CounterFire) {
  return { client: new Client({ connection: api.h.client.connection, namespace: `missing-${randomUUID()}` }), taskQueue: api.h.taskQueue, counterFire };
}

/** createOrder as the resolver calls it, but with the broken kitchen behind it. */
async function createWhileTemporalFails(k: TestKitchen, input: Record<string, unknown>, counterFire?: CounterFire) {
  const manager = k.tenant.users.MANAGER;
  const actor = { userId: manager.id, tenantId: k.tenant.id, tenantSlug: k.tenant.slug, role: manager.role, name: manager.name };
  return createOrder({
    db: forTenant(api.prisma, k.tenant.id),
    prisma: api.prisma,
    actor,
    input: { channel: 'PHONE', ...input },
    kitchen: brokenKitchen(counterFire),
    events: null,
  });
}

const tasksOf = (orderId: string) => api.prisma.taskInstance.count({ where: { orderId } });

const CREATE = 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id items { id menuItem { id } } } }';
const QUEUE = 'query($stationId: ID!) { stationQueue(stationId: $stationId) { tasks { id name orderId } } }';

describe('firing at the counter', () => {
  it('has the first ticket in its station queue when createOrder answers, and the cook can start it at once', async () => {
    const k = await api.kitchen();
    const res = await api.gql(k.token.operator, CREATE, {
      input: {
        channel: 'PHONE',
        items: [
          { menuItemId: k.menu.pizza, quantity: 1 },
          { menuItemId: k.menu.salad, quantity: 1 },
        ],
      },
    });
    const order = res.data!.createOrder;
    // No waiting: the pizza (the longest item) fired before the call answered.
    const [bench, bench2] = await Promise.all([k.station.bench, k.station.bench2].map((stationId) => api.gql(k.token.staff, QUEUE, { stationId })));
    const ticket = [...bench.data!.stationQueue.tasks, ...bench2.data!.stationQueue.tasks].find((t: { orderId: string }) => t.orderId === order.id);
    expect(ticket).toEqual(expect.objectContaining({ name: 'Stendi impasto' }));
    // The salad is paced to finish with the pizza: nothing of it is on a station yet. (Its item
    // workflow may already have created its tasks, PENDING until the salad's fire time.)
    const salad = order.items.find((i: { menuItem: { id: string } }) => i.menuItem.id === k.menu.salad);
    expect(await api.prisma.taskInstance.count({ where: { orderItemId: salad.id, status: { not: 'PENDING' } } })).toBe(0);

    const started = await api.gql(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id status } }', { id: ticket.id });
    expect(started.errors).toBeUndefined();
    expect(started.data.startTask).toEqual({ id: ticket.id, status: 'IN_PROGRESS' });
  });

  it('fires nothing when the order workflow cannot start: the order waits as NEW, without tickets nobody could cook', async () => {
    const k = await api.kitchen();
    const events = createEventPublisher({ databaseUrl: api.h.databaseUrl });
    try {
      const counter = createCounterFire({ prisma: api.prisma, events, clock: () => new Date(), learned: createLearnedDurationsCache() });
      const stuck = await createWhileTemporalFails(k, { items: [{ menuItemId: k.menu.pizza, quantity: 1 }] }, counter);
      expect(stuck.status).toBe('NEW');
      expect(await tasksOf(stuck.id)).toBe(0);
    } finally {
      await events.close();
    }
  });
});

describe('starting the kitchen', () => {
  it('keeps an order whose workflow could not start, and a retry with the same idempotency key starts it', async () => {
    const k = await api.kitchen();
    const key = `call-${randomUUID()}`;
    const items = [{ menuItemId: k.menu.salad, quantity: 1 }];
    const stuck = await createWhileTemporalFails(k, { idempotencyKey: key, items });
    expect(stuck.status).toBe('NEW');
    expect(await tasksOf(stuck.id)).toBe(0);

    const res = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber } }', {
      input: { channel: 'PHONE', idempotencyKey: key, items },
    });
    expect(res.data?.createOrder).toEqual({ id: stuck.id, orderNumber: stuck.orderNumber });
    await until(async () => ((await tasksOf(stuck.id)) > 0 ? true : undefined), 'the re-driven order to reach the kitchen');
  });

  it('re-drives NEW orders that never reached the kitchen, once', async () => {
    const k = await api.kitchen();
    const stuck = await createWhileTemporalFails(k, { items: [{ menuItemId: k.menu.salad, quantity: 1 }] });
    const kitchen = { client: api.h.client, taskQueue: api.h.taskQueue };
    expect(await redriveStuckOrders({ prisma: api.prisma, kitchen, olderThanMs: 0, tenantId: k.tenant.id })).toBe(1);
    await until(async () => ((await tasksOf(stuck.id)) > 0 ? true : undefined), 'the re-driven order to reach the kitchen');
    expect(await redriveStuckOrders({ prisma: api.prisma, kitchen, olderThanMs: 0, tenantId: k.tenant.id })).toBe(0);
  });
});
