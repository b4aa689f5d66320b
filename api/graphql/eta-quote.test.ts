import { randomUUID } from 'node:crypto';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// etaQuote over the real app: the kitchen state it simulates comes from real workflows and PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('eta-quote-test');
});
afterAll(() => api?.stop());

const QUOTE = 'query($items: [OrderItemInput!]!) { etaQuote(items: $items) { readyAt minutes perItem { index menuItemId name quantity readyAt } } }';

async function quote(k: TestKitchen, items: Array<{ menuItemId: string; quantity: number }>) {
  const before = Date.now();
  const res = await api.gql(k.token.operator, QUOTE, { items });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { ...res.data.etaQuote, before };
}

const minutesAfter = (iso: string, from: number) => (Date.parse(iso) - from) / 60_000;

/** Every row a quote could conceivably write, for this tenant. */
async function footprint(k: TestKitchen) {
  const where = { tenantId: k.tenant.id };
  const p = api.prisma;
  return {
    orders: await p.order.count({ where }),
    items: await p.orderItem.count({ where }),
    tasks: await p.taskInstance.count({ where }),
    subtasks: await p.subtaskInstance.count({ where }),
    movements: await p.inventoryMovement.count({ where }),
    durations: await p.taskDuration.count({ where }),
    audit: await p.auditLog.count({ where }),
    orderSeq: (await p.tenant.findUniqueOrThrow({ where: { id: k.tenant.id } })).orderSeq,
  };
}

describe('etaQuote', () => {
  it('quotes an empty kitchen by the critical path, scaled for quantity, and writes nothing', async () => {
    const k = await api.kitchen();
    const before = await footprint(k);
    const one = await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }]);
    expect(one.minutes).toBe(13); // stretch 3 → top 2 → bake 8
    expect(minutesAfter(one.readyAt, one.before)).toBeGreaterThanOrEqual(12.9);
    expect(minutesAfter(one.readyAt, one.before)).toBeLessThanOrEqual(13.1);

    const mixed = await quote(k, [
      { menuItemId: k.menu.pizza, quantity: 2 },
      { menuItemId: k.menu.salad, quantity: 1 },
    ]);
    expect(mixed.minutes).toBe(18); // 13 × 1.35 for the second pizza in the same batch
    expect(mixed.perItem.map((i: any) => [i.index, i.name, i.quantity])).toEqual([
      [0, 'Margherita', 2],
      [1, 'Insalata', 1],
    ]);
    expect(minutesAfter(mixed.perItem[1].readyAt, mixed.before)).toBeLessThanOrEqual(2.1);
    expect(mixed.readyAt).toBe(mixed.perItem[0].readyAt);

    expect(await footprint(k)).toEqual(before);
  });

  it('uses learned durations: an oven that bakes in 4 minutes shortens the quote', async () => {
    const k = await api.kitchen();
    const menuItem = await api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.pizza } });
    await api.prisma.taskDuration.createMany({
      data: [1, 2, 3].map(() => ({
        tenantId: k.tenant.id,
        workflowTemplateId: menuItem.workflowTemplateId,
        taskDefId: 'inforna',
        stationId: k.station.oven,
        durationSeconds: 240,
      })),
    });
    expect((await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }])).minutes).toBe(9);
  });

  it('quotes later when the stations are busy with orders already in the kitchen', async () => {
    const k = await api.kitchen();
    const empty = await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }]);
    for (let i = 0; i < 4; i++) {
      const res = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }', {
        input: { channel: 'PHONE', priority: 2, items: [{ menuItemId: k.menu.pizza, quantity: 3 }] },
      });
      expect(res.errors).toBeUndefined();
    }
    await until(async () => {
      const n = await api.prisma.taskInstance.count({ where: { tenantId: k.tenant.id, status: 'QUEUED' } });
      return n === 4 ? n : undefined;
    }, 'four doughs queued');
    const busy = await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }]);
    expect(busy.minutes).toBeGreaterThan(empty.minutes);
  });

  it('rejects unknown or foreign items with BAD_USER_INPUT naming them', async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const unknown = randomUUID();
    const res = await api.gql(k.token.operator, QUOTE, {
      items: [
        { menuItemId: unknown, quantity: 1 },
        { menuItemId: other.menu.pizza, quantity: 1 },
      ],
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain(`items.0.menuItemId: Menu item ${unknown} does not exist`);
    expect(res.errors?.[0].message).toContain(`items.1.menuItemId: Menu item ${other.menu.pizza} does not exist`);
    const empty = await api.gql(k.token.operator, QUOTE, { items: [] });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
