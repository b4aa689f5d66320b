import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { forTenant } from '../../../db/tenant-scope';
import { createOrder } from './create-order';
import { redriveStuckOrders } from './start-kitchen';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from './test-kitchen-api';

// When the order workflow cannot be started the order is kept (NEW) and re-driven later.
// The failure is real: a Temporal client on the real server, but in a namespace that does not exist.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('kitchen-start-test');
});
afterAll(() => api?.stop());

function brokenKitchen() {
  return { client: new Client({ connection: api.h.client.connection, namespace: `missing-${randomUUID()}` }), taskQueue: api.h.taskQueue };
}

/** createOrder as the resolver calls it, but with the broken kitchen behind it. */
async function createWhileTemporalFails(k: TestKitchen, input: Record<string, unknown>) {
  const manager = k.tenant.users.MANAGER;
  const actor = { userId: manager.id, tenantId: k.tenant.id, tenantSlug: k.tenant.slug, role: manager.role, name: manager.name };
  return createOrder({ db: forTenant(api.prisma, k.tenant.id), actor, input: { channel: 'PHONE', ...input }, kitchen: brokenKitchen(), events: null });
}

const tasksOf = (orderId: string) => api.prisma.taskInstance.count({ where: { orderId } });

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
