import { randomUUID } from 'node:crypto';
import type { WorkflowDefinition } from '../../domain/recipe';
import { createRecipe } from '../../test/support/activity-fixtures';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// etaQuote over the real app: the kitchen state it simulates comes from real workflows and PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('eta-quote-test');
});
afterAll(() => api?.stop());

const QUOTE =
  'query($items: [OrderItemInput!]!) { etaQuote(items: $items) { readyAt minutes range { from to basis } promisedAt perItem { index menuItemId name quantity readyAt } unstaffedStations { stationId name staffedFrom } delivery { travelMinutes deliveredBy } } }';

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
    const learned = await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }]);
    expect(learned.minutes).toBe(9);
    // Three equal bakes: no spread learned, so the range is the fixed one and the promise the estimate.
    expect(learned.range.basis).toBe('FIXED');
    expect(learned.promisedAt).toBe(learned.readyAt);
  });

  it('gives a P10..P90 range and promises the P80 once the durations have a learned spread', async () => {
    const k = await api.kitchen();
    const menuItem = await api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.pizza } });
    await api.prisma.taskDuration.createMany({
      data: [180, 240, 300, 200, 280].map((durationSeconds) => ({
        tenantId: k.tenant.id,
        workflowTemplateId: menuItem.workflowTemplateId,
        taskDefId: 'inforna',
        durationSeconds,
      })),
    });
    const q = await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }]);
    expect(q.range.basis).toBe('LEARNED');
    const [from, to, ready, promised] = [q.range.from, q.range.to, q.readyAt, q.promisedAt].map(Date.parse);
    expect(from).toBeLessThanOrEqual(ready);
    expect(to).toBeGreaterThan(ready);
    // The default promiseQuantile 0.8: later than the median run, inside the range.
    expect(promised).toBeGreaterThan(ready);
    expect(promised).toBeLessThanOrEqual(to);
  });

  it('tells a caller who wants it delivered when it is at the door: the ready time plus the travel time in force', async () => {
    const k = await api.kitchen();
    const atDoor = (q: { readyAt: string; delivery: { deliveredBy: string } }) => (Date.parse(q.delivery.deliveredBy) - Date.parse(q.readyAt)) / 60_000;
    const usual = await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }]);
    expect([usual.delivery.travelMinutes, atDoor(usual)]).toEqual([20, 20]);

    const set = await api.gql(k.token.manager, 'mutation { updateDeliverySettings(input: { travelMinutes: 35 }) { minutes } }');
    expect(set.errors).toBeUndefined();
    const far = await quote(k, [{ menuItemId: k.menu.pizza, quantity: 1 }]);
    expect([far.minutes, far.delivery.travelMinutes, atDoor(far)]).toEqual([13, 35, 35]);
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

/** Three patties side by side (6 minutes each), then the bun once all three are done: grill-heavy. */
const BURGERS: WorkflowDefinition = {
  phases: [
    {
      id: 'grill',
      name: 'Griglia',
      order: 1,
      tasks: [
        ...[1, 2, 3].map((n) => ({ id: `patty${n}`, name: `Patty ${n}`, station_type: 'griglia', estimated_minutes: 6, depends_on: [], subtasks: [] })),
        { id: 'bun', name: 'Tosta il pane', station_type: 'griglia', estimated_minutes: 1, depends_on: ['patty1', 'patty2', 'patty3'], subtasks: [] },
      ],
    },
  ],
};

describe('etaQuote with a grill staffed by shifts', () => {
  /** A kitchen with a grill of two slots and a burger menu; the grill's capacity follows its shifts once one is planned. */
  async function grillKitchen() {
    const k = await api.kitchen();
    const grill = await api.prisma.station.create({ data: { tenantId: k.tenant.id, name: 'Griglia', taskTypes: ['griglia'], capacity: 2 } });
    const { template } = await createRecipe(api.prisma, k.tenant.id, BURGERS, `Burgers ${randomUUID()}`);
    const burgers = await api.prisma.menuItem.create({ data: { tenantId: k.tenant.id, name: 'Tris di burger', price: 14, workflowTemplateId: template.id } });
    const shift = async (userId: string, startsAt: number, endsAt: number) => {
      const res = await api.gql(k.token.manager, 'mutation($input: CreateShiftInput!) { createShift(input: $input) { id } }', {
        input: { userId, stationId: grill.id, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() },
      });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    return { k, grill, burgers: burgers.id, shift };
  }

  it('quotes a grill-heavy order placed at T+9 earlier with one cook until T+10 and two after than with one cook all along', async () => {
    // Two kitchens side by side, the same order quoted in each at the same moment: T is 9 minutes ago.
    const T = Date.now() - 9 * 60_000;
    const one = await grillKitchen();
    const two = await grillKitchen();
    for (const g of [one, two]) await g.shift(g.k.tenant.users.STAFF.id, T - 60 * 60_000, T + 4 * 60 * 60_000);
    await two.shift(two.k.tenant.users.MANAGER.id, T + 10 * 60_000, T + 4 * 60 * 60_000);

    const [alone, joined] = await Promise.all([one, two].map((g) => quote(g.k, [{ menuItemId: g.burgers, quantity: 1 }])));
    // One cook: patty, patty, patty, bun (6 + 6 + 6 + 1). With the second from T+10, a minute after
    // the order, the second patty starts then and the third when the first is done (6 + 6 + 1).
    expect({ oneCook: alone.minutes, secondCookFromTen: joined.minutes }).toEqual({ oneCook: 19, secondCookFromTen: 13 });
    expect(Date.parse(joined.readyAt)).toBeLessThan(Date.parse(alone.readyAt));
    expect([alone.unstaffedStations, joined.unstaffedStations]).toEqual([[], []]);
  });

  it('keeps the configured capacity where no shifts are planned, and until the first planned shift starts', async () => {
    const { k, burgers, shift } = await grillKitchen();
    expect((await quote(k, [{ menuItemId: burgers, quantity: 1 }])).minutes).toBe(13);
    // Planning starts tomorrow: today stands as before.
    await shift(k.tenant.users.STAFF.id, Date.now() + 24 * 60 * 60_000, Date.now() + 28 * 60 * 60_000);
    expect(await quote(k, [{ menuItemId: burgers, quantity: 1 }])).toMatchObject({ minutes: 13, unstaffedStations: [] });
  });

  it('waits for the next shift when nobody is on the grill between two shifts, and says so', async () => {
    const { k, grill, burgers, shift } = await grillKitchen();
    const from = Date.now() + 30 * 60_000;
    await shift(k.tenant.users.STAFF.id, Date.now() - 4 * 60 * 60_000, Date.now() - 60 * 60_000);
    await shift(k.tenant.users.STAFF.id, from, from + 4 * 60 * 60_000);
    const waiting = await quote(k, [{ menuItemId: burgers, quantity: 1 }]);
    expect(waiting.unstaffedStations).toEqual([{ stationId: grill.id, name: 'Griglia', staffedFrom: new Date(from).toISOString() }]);
    expect(minutesAfter(waiting.readyAt, waiting.before)).toBeGreaterThanOrEqual(30 + 19 - 0.1);
    expect(minutesAfter(waiting.readyAt, waiting.before)).toBeLessThanOrEqual(30 + 19 + 0.1);
  });

  it('has no ready time to quote when nobody is on the grill from now on, and says which station', async () => {
    const { k, burgers, shift } = await grillKitchen();
    await shift(k.tenant.users.STAFF.id, Date.now() - 3 * 60 * 60_000, Date.now() - 60 * 60_000);
    const res = await api.gql(k.token.operator, QUOTE, { items: [{ menuItemId: burgers, quantity: 1 }] });
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].message).toBe('Nobody is on shift at Griglia from now on, so there is no ready time to quote for "Tris di burger"');
  });
});
