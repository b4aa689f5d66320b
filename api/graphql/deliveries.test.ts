import { orderWorkflowId } from '../../workflows/order-workflow';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// Dispatch and the rider's taps over real HTTP → the real order workflow (Temporal) → PostgreSQL.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('deliveries-test');
});
afterAll(() => api?.stop());

const DELIVERY =
  'id status rider { id name } pickedUpAt deliveredAt failedAt failureReason readyAt deliveredBy order { id orderNumber status customerPhone customerAddress }';
const BOARD = `query($w: Int) { dispatchBoard(withinMinutes: $w) { deliveries { ${DELIVERY} } later riders { id name state outSince expectedBackAt waiting } suggestedRiderId travel { minutes configuredMinutes learnedMinutes trips } } }`;
const ACT = {
  assign: `mutation($d: ID!, $r: ID!) { assignRider(deliveryId: $d, riderId: $r) { ${DELIVERY} } }`,
  unassign: `mutation($d: ID!) { unassignRider(deliveryId: $d) { ${DELIVERY} } }`,
  pickUp: `mutation($d: ID!) { markDeliveryPickedUp(deliveryId: $d) { ${DELIVERY} } }`,
  deliver: `mutation($d: ID!) { markDeliveryDelivered(deliveryId: $d) { ${DELIVERY} } }`,
  fail: `mutation($d: ID!, $reason: String!) { markDeliveryFailed(deliveryId: $d, reason: $reason) { ${DELIVERY} } }`,
};

async function ok(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await api.gql(token, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data!)[0] as any;
}

/** A salad (one task, no subtasks) for a customer at an address; its delivery id. */
async function placeDelivery(k: TestKitchen, address: string | null = 'Via Roma 1, Milano') {
  const order = await ok(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id orderNumber delivery { id status } } }', {
    input: {
      channel: 'PHONE',
      customerName: 'Anna',
      customerPhone: '+39 347 555 0101',
      customerAddress: address,
      items: [{ menuItemId: k.menu.salad, quantity: 1 }],
    },
  });
  return { orderId: order.id as string, orderNumber: order.orderNumber as number, deliveryId: order.delivery?.id as string | undefined };
}

/** Cooks the salad: the one task started and bumped, then the order is READY. */
async function cook(k: TestKitchen, orderId: string) {
  const task = await until(() => api.prisma.taskInstance.findFirst({ where: { orderId, status: 'QUEUED' } }).then((t) => t ?? undefined), 'salad queued');
  await ok(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id } }', { id: task.id });
  await ok(k.token.staff, 'mutation($id: ID!) { completeTask(id: $id) { id } }', { id: task.id });
  await until(() => api.prisma.order.findUnique({ where: { id: orderId } }).then((o) => (o?.status === 'READY' ? o : undefined)), 'order READY');
}

/** A second rider in the kitchen, with the test password. */
async function secondRider(k: TestKitchen) {
  const first = k.tenant.users.DELIVERY;
  const user = await api.prisma.user.create({
    data: { tenantId: k.tenant.id, email: `rider2@${k.tenant.slug}.test`, name: 'Bruno Rider', role: 'DELIVERY', passwordHash: first.passwordHash },
  });
  return { id: user.id, token: await api.login(k.tenant, user.email) };
}

/** The kitchen's first ETA for the order (computed after it was taken). */
const etaOf = (orderId: string) =>
  until(() => api.prisma.order.findUnique({ where: { id: orderId } }).then((o) => o?.estimatedReadyAt ?? undefined), 'the order’s first ETA');

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;
const deliveryRow = (id: string) => api.prisma.deliveryAssignment.findUniqueOrThrow({ where: { id } });

describe('deliveries', () => {
  it('gives an order with an address a delivery when it is taken, and one without none', async () => {
    const k = await api.kitchen();
    const withAddress = await placeDelivery(k);
    const pickup = await placeDelivery(k, null);
    expect(withAddress.deliveryId).toBeDefined();
    expect(pickup.deliveryId).toBeUndefined();
    expect(await api.prisma.deliveryAssignment.findMany({ where: { tenantId: k.tenant.id } })).toEqual([
      expect.objectContaining({ id: withAddress.deliveryId, orderId: withAddress.orderId, status: 'pending', riderId: null }),
    ]);
  });

  it('a dispatcher sends a rider and the rider picks the READY order up and delivers it; the order workflow completes', async () => {
    const k = await api.kitchen();
    const { orderId, orderNumber, deliveryId } = await placeDelivery(k);
    const rider = k.tenant.users.DELIVERY;

    await etaOf(orderId);
    const before = await ok(k.token.operator, BOARD, { w: 60 });
    expect(before.deliveries.map((d: any) => d.id)).toEqual([deliveryId]);
    expect(before.riders).toEqual([expect.objectContaining({ id: rider.id, state: 'FREE', waiting: 0 })]);
    expect(before.suggestedRiderId).toBe(rider.id);
    expect(before.travel).toEqual({ minutes: 20, configuredMinutes: 20, learnedMinutes: null, trips: 0 });

    const assigned = await ok(k.token.operator, ACT.assign, { d: deliveryId, r: rider.id });
    expect(assigned).toMatchObject({ status: 'ASSIGNED', rider: { id: rider.id } });
    const mine = await ok(k.token.rider, `{ myDeliveries { ${DELIVERY} } }`);
    expect(mine).toEqual([
      expect.objectContaining({
        id: deliveryId,
        order: expect.objectContaining({ orderNumber, customerAddress: 'Via Roma 1, Milano', customerPhone: '+393475550101' }),
      }),
    ]);

    // Not ready yet: the pickup is refused and nothing changes.
    const early = await api.gql(k.token.rider, ACT.pickUp, { d: deliveryId });
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors?.[0].message).toMatch(new RegExp(`^Order #${orderNumber} is not ready yet`));
    expect((await deliveryRow(deliveryId!)).status).toBe('assigned');

    await cook(k, orderId);
    const out = await ok(k.token.rider, ACT.pickUp, { d: deliveryId });
    expect(out).toMatchObject({ status: 'PICKED_UP', order: { status: 'OUT_FOR_DELIVERY' } });
    expect(Date.parse(out.deliveredBy) - Date.parse(out.pickedUpAt)).toBe(20 * 60_000);
    const board = await ok(k.token.operator, BOARD);
    expect(board.riders).toEqual([expect.objectContaining({ id: rider.id, state: 'OUT', outSince: out.pickedUpAt })]);
    expect(Date.parse(board.riders[0].expectedBackAt) - Date.parse(out.pickedUpAt)).toBe(40 * 60_000);

    const done = await ok(k.token.rider, ACT.deliver, { d: deliveryId });
    expect(done).toMatchObject({ status: 'DELIVERED', order: { status: 'DELIVERED' } });
    expect(done.deliveredBy).toBe(done.deliveredAt);
    expect(await ok(k.token.rider, '{ myDeliveries { id } }')).toEqual([]);
    // The console, answering a call: the order with its delivery and when it was at the door.
    const seen = await ok(k.token.operator, 'query($id: ID!) { order(id: $id) { status deliveredBy delivery { status rider { name } } } }', { id: orderId });
    expect(seen).toEqual({ status: 'DELIVERED', deliveredBy: done.deliveredAt, delivery: { status: 'DELIVERED', rider: { name: rider.name } } });
    const run = await api.h.client.workflow.getHandle(orderWorkflowId(orderId)).describe();
    expect(run.status.name).toBe('COMPLETED');
    expect(await api.prisma.auditLog.count({ where: { tenantId: k.tenant.id, entityId: deliveryId, action: { startsWith: 'delivery.' } } })).toBe(3);
  });

  it('refuses riders who are not riders or are off shift, and a rider working another rider’s delivery; nothing changes', async () => {
    const k = await api.kitchen();
    const { orderId, deliveryId } = await placeDelivery(k);
    const bruno = await secondRider(k);
    const ada = k.tenant.users.DELIVERY;
    // The kitchen plans rider shifts: Ada is on now, Bruno only tomorrow.
    const hour = 3_600_000;
    await api.prisma.shift.createMany({
      data: [
        { tenantId: k.tenant.id, userId: ada.id, startsAt: new Date(Date.now() - hour), endsAt: new Date(Date.now() + hour) },
        { tenantId: k.tenant.id, userId: bruno.id, startsAt: new Date(Date.now() + 24 * hour), endsAt: new Date(Date.now() + 30 * hour) },
      ],
    });
    const board = await ok(k.token.manager, BOARD);
    expect(board.riders.map((r: any) => [r.id, r.state])).toEqual([
      [ada.id, 'FREE'],
      [bruno.id, 'OFF_SHIFT'],
    ]);

    const offShift = await api.gql(k.token.manager, ACT.assign, { d: deliveryId, r: bruno.id });
    expect(offShift.errors?.[0]).toMatchObject({ message: 'Bruno Rider is off shift: send a rider who is on shift', extensions: { code: 'CONFLICT' } });
    const cookAsRider = await api.gql(k.token.manager, ACT.assign, { d: deliveryId, r: k.tenant.users.STAFF.id });
    expect(codeOf(cookAsRider)).toBe('BAD_USER_INPUT');
    expect(cookAsRider.errors?.[0].message).toContain('is STAFF, not a rider');
    expect(await deliveryRow(deliveryId!)).toMatchObject({ status: 'pending', riderId: null, assignedAt: null });

    await ok(k.token.manager, ACT.assign, { d: deliveryId, r: ada.id });
    await cook(k, orderId);
    for (const act of [ACT.pickUp, ACT.deliver]) {
      const res = await api.gql(bruno.token, act, { d: deliveryId });
      expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining('is not one of your deliveries'), extensions: { code: 'FORBIDDEN' } });
    }
    expect(await ok(bruno.token, '{ myDeliveries { id } }')).toEqual([]);
    // Delivering what is not out yet.
    const notOut = await api.gql(k.token.rider, ACT.deliver, { d: deliveryId });
    expect(notOut.errors?.[0]).toMatchObject({
      message: expect.stringContaining('is not out for delivery: pick it up first'),
      extensions: { code: 'CONFLICT' },
    });
    expect(await deliveryRow(deliveryId!)).toMatchObject({ status: 'assigned', riderId: ada.id, pickedUpAt: null, deliveredAt: null });
    expect((await api.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('READY');
  });

  it('a failed delivery needs a reason and fails the order; an unassigned rider hears of it', async () => {
    const k = await api.kitchen();
    const { orderId, deliveryId } = await placeDelivery(k);
    const rider = k.tenant.users.DELIVERY;
    await ok(k.token.operator, ACT.assign, { d: deliveryId, r: rider.id });
    await cook(k, orderId);
    await ok(k.token.rider, ACT.pickUp, { d: deliveryId });
    // Out with the rider: a dispatcher can no longer take it back.
    expect(codeOf(await api.gql(k.token.operator, ACT.unassign, { d: deliveryId }))).toBe('CONFLICT');

    const blank = await api.gql(k.token.rider, ACT.fail, { d: deliveryId, reason: '  ' });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect((await deliveryRow(deliveryId!)).status).toBe('picked_up');
    const failed = await ok(k.token.rider, ACT.fail, { d: deliveryId, reason: 'Nobody at home, phone off' });
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: 'Nobody at home, phone off', order: { status: 'DELIVERY_FAILED' } });
    expect(codeOf(await api.gql(k.token.rider, ACT.deliver, { d: deliveryId }))).toBe('CONFLICT');
  });

  it('an order sent out at the pass takes its delivery along, and its rider delivers it', async () => {
    const k = await api.kitchen();
    const { orderId, deliveryId } = await placeDelivery(k);
    await ok(k.token.operator, ACT.assign, { d: deliveryId, r: k.tenant.users.DELIVERY.id });
    await cook(k, orderId);
    await ok(k.token.staff, 'mutation($id: ID!) { handOffOrder(id: $id, to: OUT_FOR_DELIVERY) { id } }', { id: orderId });
    expect(await deliveryRow(deliveryId!)).toMatchObject({ status: 'picked_up', pickedUpAt: expect.any(Date) });
    const [mine] = await ok(k.token.rider, `{ myDeliveries { ${DELIVERY} } }`);
    expect(mine).toMatchObject({ id: deliveryId, status: 'PICKED_UP', order: { status: 'OUT_FOR_DELIVERY' } });
    expect(await ok(k.token.rider, ACT.deliver, { d: deliveryId })).toMatchObject({ status: 'DELIVERED', order: { status: 'DELIVERED' } });
  });

  it('a cancelled order cannot be handed off or assigned, and leaves its rider’s list', async () => {
    const k = await api.kitchen();
    const { orderId, orderNumber, deliveryId } = await placeDelivery(k);
    await ok(k.token.operator, ACT.assign, { d: deliveryId, r: k.tenant.users.DELIVERY.id });
    await ok(k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "Customer called back") { id } }', { id: orderId });
    const pickUp = await api.gql(k.token.rider, ACT.pickUp, { d: deliveryId });
    expect(pickUp.errors?.[0]).toMatchObject({
      message: `Order #${orderNumber} was cancelled: there is nothing to hand off`,
      extensions: { code: 'CONFLICT' },
    });
    expect(codeOf(await api.gql(k.token.operator, ACT.assign, { d: deliveryId, r: k.tenant.users.DELIVERY.id }))).toBe('CONFLICT');
    expect(await deliveryRow(deliveryId!)).toMatchObject({ status: 'assigned', pickedUpAt: null });
    expect(await ok(k.token.rider, '{ myDeliveries { id } }')).toEqual([]);
    expect((await ok(k.token.operator, BOARD)).deliveries).toEqual([]);
  });

  it('keeps riders out of the order list and away from any order, and managers alone set the travel time', async () => {
    const k = await api.kitchen();
    const { orderId } = await placeDelivery(k);
    for (const query of ['{ orders { id customerPhone } }', `{ order(id: "${orderId}") { id } }`, '{ orderCount }']) {
      const res = await api.gql(k.token.rider, query);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', permission: 'orders:read' } });
      expect(res.data).toBeNull();
    }
    expect(codeOf(await api.gql(k.token.rider, BOARD))).toBe('FORBIDDEN');

    const set = 'mutation($m: Int!) { updateDeliverySettings(input: { travelMinutes: $m }) { minutes configuredMinutes learnedMinutes trips } }';
    expect(codeOf(await api.gql(k.token.operator, set, { m: 25 }))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(k.token.manager, set, { m: 0 }))).toBe('BAD_USER_INPUT');
    expect(await ok(k.token.manager, set, { m: 25 })).toEqual({ minutes: 25, configuredMinutes: 25, learnedMinutes: null, trips: 0 });
  });

  it('learns the travel time from five delivered trips: the median of how long they took', async () => {
    const k = await api.kitchen();
    const { orderId } = await placeDelivery(k);
    const trips = [11, 12, 12, 14, 60];
    for (const [i, minutes] of trips.entries()) {
      const past = await api.prisma.order.create({
        data: { tenantId: k.tenant.id, orderNumber: 1000 + i, channel: 'PHONE', status: 'DELIVERED', customerAddress: 'Via Po 3' },
      });
      const pickedUpAt = new Date(Date.now() - (i + 1) * 3_600_000);
      await api.prisma.deliveryAssignment.create({
        data: { tenantId: k.tenant.id, orderId: past.id, status: 'delivered', pickedUpAt, deliveredAt: new Date(pickedUpAt.getTime() + minutes * 60_000) },
      });
    }
    const board = await ok(k.token.manager, BOARD);
    expect(board.travel).toEqual({ minutes: 12, configuredMinutes: 20, learnedMinutes: 12, trips: 5 });
    await etaOf(orderId);
    const order = await ok(k.token.operator, 'query($id: ID!) { order(id: $id) { estimatedReadyAt deliveredBy } }', { id: orderId });
    const readyAt = Math.max(Date.parse(order.estimatedReadyAt), Date.now() - 5_000);
    expect(Date.parse(order.deliveredBy) - readyAt).toBeGreaterThanOrEqual(12 * 60_000 - 5_000);
    expect(Date.parse(order.deliveredBy) - readyAt).toBeLessThanOrEqual(12 * 60_000 + 5_000);
  });
});
