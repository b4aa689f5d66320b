import { orderWorkflowId } from '../../workflows/order-workflow';
import { startKitchenApi, until, type KitchenApi, type TestKitchen } from '../../test/support/kitchen-api';

// handOffOrder over the real app, the real order workflow and PostgreSQL: the order's life after READY.
jest.setTimeout(90_000);

let api: KitchenApi;
beforeAll(async () => {
  api = await startKitchenApi('hand-off-test');
});
afterAll(() => api?.stop());

const ORDER = 'id orderNumber status fulfillment handOffChoices actualReadyAt handedOffAt closedAt failureReason';
const HAND_OFF = `mutation($id: ID!, $to: HandOffStatus!, $reason: String) { handOffOrder(id: $id, to: $to, reason: $reason) { ${ORDER} } }`;

async function place(k: TestKitchen, input: Record<string, unknown> = {}) {
  const res = await api.gql(k.token.operator, `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER} } }`, {
    input: { channel: 'PHONE', items: [{ menuItemId: k.menu.salad, quantity: 1 }], ...input },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createOrder;
}

/** Cooks a one-salad order through the KDS and waits for READY. */
async function cookToReady(k: TestKitchen, orderId: string) {
  const task = await until(async () => {
    const t = await api.prisma.taskInstance.findFirst({ where: { orderId, status: 'QUEUED' } });
    return t ?? undefined;
  }, 'salad queued');
  for (const op of ['startTask', 'completeTask']) {
    const res = await api.gql(k.token.staff, `mutation($id: ID!) { ${op}(id: $id) { id } }`, { id: task.id });
    expect(res.errors).toBeUndefined();
  }
  await until(async () => ((await api.prisma.order.findUnique({ where: { id: orderId } }))?.status === 'READY' ? true : undefined), 'READY');
}

const workflowStatus = async (orderId: string) => (await api.h.client.workflow.getHandle(orderWorkflowId(orderId)).describe()).status.name;

describe('hand-off after READY', () => {
  it('a takeaway is collected at the pass in one tap: PICKED_UP, timed, audited, and its workflow completes', async () => {
    const k = await api.kitchen();
    const order = await place(k);
    expect(order).toMatchObject({ fulfillment: 'TAKEAWAY', handOffChoices: [] });
    const early = await api.gql(k.token.staff, HAND_OFF, { id: order.id, to: 'PICKED_UP' });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(early.errors?.[0].message).toMatch(new RegExp(`^Order #${order.orderNumber} cannot become PICKED_UP: it is (NEW|PREPARING), not READY$`));

    await cookToReady(k, order.id);
    const ready = await api.gql(k.token.staff, `query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: order.id });
    expect(ready.data.order.handOffChoices).toEqual(['PICKED_UP', 'SERVED']);
    const notDelivery = await api.gql(k.token.staff, HAND_OFF, { id: order.id, to: 'OUT_FOR_DELIVERY' });
    expect(notDelivery.errors?.[0]).toMatchObject({
      message: `Order #${order.orderNumber} cannot become OUT_FOR_DELIVERY: it is not a delivery order`,
      extensions: { code: 'CONFLICT' },
    });

    const res = await api.gql(k.token.staff, HAND_OFF, { id: order.id, to: 'PICKED_UP' });
    expect(res.errors).toBeUndefined();
    const done = res.data.handOffOrder;
    expect(done).toMatchObject({ status: 'PICKED_UP', handOffChoices: [], failureReason: null });
    expect(Date.parse(done.handedOffAt)).toBeGreaterThanOrEqual(Date.parse(done.actualReadyAt));
    expect(done.closedAt).toBe(done.handedOffAt);
    await until(async () => ((await workflowStatus(order.id)) === 'COMPLETED' ? true : undefined), 'order workflow completed');
    expect(await api.prisma.auditLog.count({ where: { tenantId: k.tenant.id, action: 'order.handoff', entityId: order.id } })).toBe(1);

    const twice = await api.gql(k.token.operator, HAND_OFF, { id: order.id, to: 'SERVED' });
    expect(twice.errors?.[0]).toMatchObject({
      message: `Order #${order.orderNumber} cannot become SERVED: it is already PICKED_UP`,
      extensions: { code: 'CONFLICT' },
    });
  });

  it('a delivery goes out and fails with a reason; the reason is required and nothing changes without it', async () => {
    const k = await api.kitchen();
    const order = await place(k, { customerAddress: 'Via Roma 1, Milano' });
    expect(order.fulfillment).toBe('DELIVERY');
    await cookToReady(k, order.id);

    const out = await api.gql(k.token.operator, HAND_OFF, { id: order.id, to: 'OUT_FOR_DELIVERY' });
    expect(out.errors).toBeUndefined();
    expect(out.data.handOffOrder).toMatchObject({ status: 'OUT_FOR_DELIVERY', handOffChoices: ['DELIVERED', 'DELIVERY_FAILED'], closedAt: null });
    expect(await workflowStatus(order.id)).toBe('RUNNING');

    const noReason = await api.gql(k.token.operator, HAND_OFF, { id: order.id, to: 'DELIVERY_FAILED', reason: '  ' });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect((await api.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('OUT_FOR_DELIVERY');

    const failed = await api.gql(k.token.operator, HAND_OFF, { id: order.id, to: 'DELIVERY_FAILED', reason: 'Nobody at the door' });
    expect(failed.errors).toBeUndefined();
    expect(failed.data.handOffOrder).toMatchObject({ status: 'DELIVERY_FAILED', failureReason: 'Nobody at the door', closedAt: expect.any(String) });
    await until(async () => ((await workflowStatus(order.id)) === 'COMPLETED' ? true : undefined), 'order workflow completed');
  });

  it('refuses a delivery without an address, and a hand-off of a cancelled order', async () => {
    const k = await api.kitchen();
    const noAddress = await api.gql(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }', {
      input: { channel: 'PHONE', fulfillment: 'DELIVERY', items: [{ menuItemId: k.menu.salad, quantity: 1 }] },
    });
    expect(noAddress.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'customerAddress' } });

    const order = await place(k, { fulfillment: 'DINE_IN' });
    expect(order.fulfillment).toBe('DINE_IN');
    const cancel = await api.gql(k.token.manager, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "wrong table") { status } }', { id: order.id });
    expect(cancel.data.cancelOrder.status).toBe('CANCELLED');
    const res = await api.gql(k.token.staff, HAND_OFF, { id: order.id, to: 'SERVED' });
    expect(res.errors?.[0]).toMatchObject({
      message: `Order #${order.orderNumber} cannot become SERVED: it was cancelled`,
      extensions: { code: 'CONFLICT' },
    });
    expect((await api.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('CANCELLED');
  });
});
