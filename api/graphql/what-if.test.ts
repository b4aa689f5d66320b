import { randomUUID } from 'node:crypto';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// whatIf over the real app: the open orders it re-simulates come from real workflows and PostgreSQL.
jest.setTimeout(120_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('what-if-test');
});
afterAll(() => api?.stop());

const WHAT_IF = `query($input: WhatIfInput!) { whatIf(input: $input) {
  computedAt
  orders { orderId orderNumber customerName promisedAt currentReadyAt whatIfReadyAt deltaMinutes lateNow lateWhatIf }
  summary { openOrders madeLate madeOnTime later earlier cannotBeMade }
  rush { orders droppedLines firstReadyAt lastReadyAt cannotBeMade }
} }`;

async function whatIf(k: TestKitchen, input: Record<string, unknown>, token = k.token.manager) {
  const res = await api.gql(token, WHAT_IF, { input });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.whatIf;
}

/** Every row a what-if could conceivably write for this tenant, and the ETAs it could move. */
async function footprint(k: TestKitchen) {
  const where = { tenantId: k.tenant.id };
  const p = api.prisma;
  const orders = await p.order.findMany({
    where,
    orderBy: { id: 'asc' },
    select: { id: true, estimatedReadyAt: true, initialEstimatedReadyAt: true, updatedAt: true },
  });
  const items = await p.orderItem.findMany({ where, orderBy: { id: 'asc' }, select: { id: true, estimatedReadyAt: true, status: true } });
  const tasks = await p.taskInstance.findMany({ where, orderBy: { id: 'asc' }, select: { id: true, status: true, stationId: true } });
  return {
    orders,
    items,
    tasks,
    stations: await p.station.findMany({ where, orderBy: { id: 'asc' }, select: { id: true, capacity: true, isActive: true } }),
    menu: await p.menuItem.findMany({ where, orderBy: { id: 'asc' }, select: { id: true, isAvailable: true } }),
    durations: await p.taskDuration.count({ where }),
    audit: await p.auditLog.count({ where }),
    movements: await p.inventoryMovement.count({ where }),
    orderSeq: (await p.tenant.findUniqueOrThrow({ where: { id: k.tenant.id } })).orderSeq,
  };
}

/** Six pizza orders: the doughs queue at the two benches (4 slots), the bakes share the oven's 2 slots. */
async function busyKitchen() {
  const k = await api.kitchen();
  for (let i = 0; i < 6; i++) {
    const res = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }', {
      input: { channel: 'PHONE', customerName: `Guest ${i}`, items: [{ menuItemId: k.menu.pizza, quantity: 1 }] },
    });
    expect(res.errors).toBeUndefined();
  }
  await until(
    async () => ((await api.prisma.taskInstance.count({ where: { tenantId: k.tenant.id, status: 'QUEUED' } })) === 6 ? true : undefined),
    'six doughs queued',
  );
  // The kitchen settles: its ETA runs have stored what they will (two reads alike).
  let last = '';
  await until(async () => {
    const now = JSON.stringify(await footprint(k));
    const same = now === last && now.includes('"estimatedReadyAt":"');
    last = now;
    return same ? true : undefined;
  }, 'the ETA runs to settle');
  return k;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

describe('whatIf', () => {
  it('shows one more oven slot bringing the last pizzas forward, a down oven leaving no ready time, and stores nothing', async () => {
    const k = await busyKitchen();
    const before = await footprint(k);

    const asIs = await whatIf(k, {});
    expect(asIs.summary).toEqual({ openOrders: 6, madeLate: 0, madeOnTime: 0, later: 0, earlier: 0, cannotBeMade: 0 });
    expect(asIs.orders.map((o: any) => o.deltaMinutes)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(asIs.orders.every((o: any) => o.promisedAt !== null && o.customerName.startsWith('Guest '))).toBe(true);
    const current = asIs.orders.map((o: any) => ms(o.currentReadyAt));
    expect([...current].sort((a, b) => a - b)).toEqual(current);

    const more = await whatIf(k, { stationSlots: [{ stationId: k.station.oven, delta: 1 }] });
    const deltas = more.orders.map((o: any) => o.deltaMinutes);
    expect(deltas.every((d: number) => d <= 0)).toBe(true);
    // Two slots bake pizzas 1-2, 3-4, 5-6 in three rounds of 8 minutes; three slots in two.
    expect(Math.min(...deltas)).toBeLessThanOrEqual(-7.9);
    expect(more.summary.earlier).toBeGreaterThanOrEqual(2);
    expect(more.rush).toBeNull();

    const down = await whatIf(k, { stationsDown: [k.station.oven] });
    expect(down.summary.cannotBeMade).toBe(6);
    expect(down.orders.every((o: any) => o.whatIfReadyAt === null && o.currentReadyAt !== null && o.deltaMinutes === null)).toBe(true);

    expect(await footprint(k)).toEqual(before);
  });

  it("a rush of 20 pizzas arriving now pushes no open order earlier; 86'd dishes come off the rush", async () => {
    const k = await busyKitchen();
    const before = await footprint(k);
    const rush = await whatIf(k, { rush: { orders: 20, items: [{ menuItemId: k.menu.pizza, quantity: 1 }] } });
    expect(rush.orders.every((o: any) => o.deltaMinutes >= 0)).toBe(true);
    expect(rush.rush).toMatchObject({ orders: 20, droppedLines: 0, cannotBeMade: 0 });
    const lastOpen = Math.max(...rush.orders.map((o: any) => ms(o.whatIfReadyAt)));
    // 26 bakes of 8 minutes on 2 slots: the rush's last is ready about 13 rounds from now.
    expect(ms(rush.rush.lastReadyAt)).toBeGreaterThan(lastOpen);
    expect((ms(rush.rush.lastReadyAt)! - ms(rush.computedAt)!) / 60_000).toBeGreaterThan(100);

    const withSalad = {
      rush: {
        orders: 20,
        spreadMinutes: 30,
        items: [
          { menuItemId: k.menu.pizza, quantity: 1 },
          { menuItemId: k.menu.salad, quantity: 1 },
        ],
      },
    };
    const pizza86 = await whatIf(k, { ...withSalad, eightySix: [k.menu.pizza] });
    expect(pizza86.rush).toMatchObject({ orders: 20, droppedLines: 20 });
    // Salads only, at the cold station: the open pizzas do not move.
    expect(pizza86.orders.map((o: any) => o.deltaMinutes)).toEqual([0, 0, 0, 0, 0, 0]);
    const all86 = await whatIf(k, { ...withSalad, eightySix: [k.menu.pizza, k.menu.salad] });
    expect(all86.rush).toEqual({ orders: 0, droppedLines: 40, firstReadyAt: null, lastReadyAt: null, cannotBeMade: 0 });

    expect(await footprint(k)).toEqual(before);
  });

  it('rejects bad changes with BAD_USER_INPUT naming the field, and other tenants’ stations and dishes as unknown', async () => {
    const k = await api.kitchen();
    const other = await api.kitchen();
    const bad = async (input: Record<string, unknown>) => {
      const res = await api.gql(k.token.manager, WHAT_IF, { input });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return res.errors![0] as { message: string; extensions: { field?: string } };
    };
    const unknown = randomUUID();
    expect((await bad({ stationSlots: [{ stationId: other.station.oven, delta: 1 }] })).message).toContain(
      `stationSlots.0.stationId: Station ${other.station.oven} does not exist`,
    );
    expect((await bad({ stationsDown: [k.station.oven, unknown] })).extensions.field).toBe('stationsDown.1');
    expect((await bad({ stationSlots: [{ stationId: k.station.oven, delta: -3 }] })).message).toContain('stationSlots.0.delta: "Forno" has 2 slots');
    expect((await bad({ stationSlots: [{ stationId: k.station.oven, delta: 21 }] })).extensions.field).toBe('stationSlots.0.delta');
    expect((await bad({ stationSlots: [{ stationId: k.station.oven, delta: 0 }] })).extensions.field).toBe('stationSlots.0.delta');
    expect((await bad({ eightySix: ['not-an-id'] })).extensions.field).toBe('eightySix.0');
    const pizza = [{ menuItemId: k.menu.pizza, quantity: 1 }];
    expect((await bad({ rush: { orders: 0, items: pizza } })).extensions.field).toBe('rush.orders');
    expect((await bad({ rush: { orders: 201, items: pizza } })).extensions.field).toBe('rush.orders');
    expect((await bad({ rush: { orders: 5, spreadMinutes: 241, items: pizza } })).extensions.field).toBe('rush.spreadMinutes');
    expect((await bad({ rush: { orders: 5, spreadMinutes: -1, items: pizza } })).extensions.field).toBe('rush.spreadMinutes');
    expect((await bad({ rush: { orders: 5, items: [] } })).extensions.field).toBe('rush.items');
    expect((await bad({ rush: { orders: 5, items: [{ menuItemId: other.menu.pizza, quantity: 1 }] } })).message).toContain(
      `rush.items.0.menuItemId: Menu item ${other.menu.pizza} does not exist`,
    );
    expect((await bad({ rush: { orders: 5, items: [{ menuItemId: k.menu.pizza, quantity: 51 }] } })).extensions.field).toBe('rush.items.0.quantity');
  });

  it('is for managers: kitchen staff and operators are refused', async () => {
    const k = await api.kitchen();
    for (const token of [k.token.staff, k.token.operator]) {
      const res = await api.gql(token, WHAT_IF, { input: {} });
      expect([res.errors?.[0].extensions?.code, res.errors?.[0].extensions?.permission]).toEqual(['FORBIDDEN', 'eta:what-if']);
    }
  });
});
