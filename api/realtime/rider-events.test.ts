import { randomUUID } from 'node:crypto';
import { createEventPublisher, type EventPublisher } from '../../events/event-publisher';
import { startKitchenApi, until, type KitchenApi } from '../../test/support/kitchen-api';
import { connectClient, nextEvent, recordEvents, type BrigadeClient } from '../../test/support/socket-clients';

/**
 * A rider's socket, on the real app with the real kitchen behind it: the rider hears their own
 * deliveries (delivery:updated in their own room) and nothing else: not another rider's delivery,
 * not the kitchen's tasks, orders, ETAs or stock. The dispatcher hears every delivery.
 */
jest.setTimeout(90_000);

let api: KitchenApi;
let publisher: EventPublisher;
const sockets: BrigadeClient[] = [];
beforeAll(async () => {
  api = await startKitchenApi('rider-events-test');
  publisher = createEventPublisher({ databaseUrl: api.h.databaseUrl });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await publisher?.close();
  await api?.stop();
});

async function socketOf(token: string) {
  const socket = await connectClient(api.url, token);
  sockets.push(socket);
  return socket;
}

async function ok(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await api.gql(token, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data!)[0] as any;
}

it('a rider hears only their own delivery:updated, and no order, kitchen or inventory events', async () => {
  const k = await api.kitchen();
  const ada = k.tenant.users.DELIVERY;
  const bruno = await api.prisma.user.create({
    data: { tenantId: k.tenant.id, email: `bruno@${k.tenant.slug}.test`, name: 'Bruno', role: 'DELIVERY', passwordHash: ada.passwordHash },
  });
  const [adaSocket, brunoSocket, dispatcher] = await Promise.all([
    socketOf(k.token.rider),
    api.login(k.tenant, bruno.email).then(socketOf),
    socketOf(k.token.operator),
  ]);
  const heard = { ada: recordEvents(adaSocket), bruno: recordEvents(brunoSocket), dispatcher: recordEvents(dispatcher) };

  const place = (address: string) =>
    ok(k.token.operator, 'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id delivery { id } } }', {
      input: { channel: 'PHONE', customerAddress: address, items: [{ menuItemId: k.menu.salad, quantity: 1 }] },
    });
  const order = await place('Via Roma 1');
  const deliveryId = order.delivery.id as string;
  await ok(k.token.operator, 'mutation($d: ID!, $r: ID!) { assignRider(deliveryId: $d, riderId: $r) { id } }', { d: deliveryId, r: ada.id });
  // The kitchen works it: task, order and ETA events go out (to the kitchen's and the board's rooms).
  const task = await until(
    () => api.prisma.taskInstance.findFirst({ where: { orderId: order.id, status: 'QUEUED' } }).then((t) => t ?? undefined),
    'task queued',
  );
  await ok(k.token.staff, 'mutation($id: ID!) { startTask(id: $id) { id } }', { id: task.id });
  await ok(k.token.staff, 'mutation($id: ID!) { completeTask(id: $id) { id } }', { id: task.id });
  await until(() => api.prisma.order.findUnique({ where: { id: order.id } }).then((o) => (o?.status === 'READY' ? o : undefined)), 'order READY');
  await publisher.toTenant(k.tenant.id).emit('inventory:alert', { itemId: randomUUID(), name: 'Flour', currentStock: 1, minStock: 5 });

  const pickedUp = nextEvent(adaSocket, 'delivery:updated', (p) => p.deliveryId === deliveryId && p.status === 'picked_up', 15_000);
  await ok(k.token.rider, 'mutation($d: ID!) { markDeliveryPickedUp(deliveryId: $d) { id } }', { d: deliveryId });
  await pickedUp;
  // Bruno's control, last: a delivery of his own. Events reach sockets in commit order, so
  // whatever he could have heard before it has arrived once he has it.
  const other = await place('Via Po 3');
  const brunosOwn = nextEvent(brunoSocket, 'delivery:updated', (p) => p.deliveryId === other.delivery.id, 15_000);
  await ok(k.token.operator, 'mutation($d: ID!, $r: ID!) { assignRider(deliveryId: $d, riderId: $r) { id } }', { d: other.delivery.id, r: bruno.id });
  await brunosOwn;
  await nextEvent(dispatcher, 'delivery:updated', (p) => p.deliveryId === other.delivery.id, 15_000).catch(() => undefined);

  // Assigned, then told it is ready at the pass (riders hear no order events), then picked up.
  expect(heard.ada).toEqual([
    { event: 'delivery:updated', payload: { deliveryId, status: 'assigned' } },
    { event: 'delivery:updated', payload: { deliveryId, status: 'assigned' } },
    { event: 'delivery:updated', payload: { deliveryId, status: 'picked_up' } },
  ]);
  expect(heard.bruno).toEqual([{ event: 'delivery:updated', payload: { deliveryId: other.delivery.id, status: 'assigned' } }]);
  // The dispatcher (an operator) hears both riders' deliveries and the orders, not the stock.
  const dispatcherEvents = new Set(heard.dispatcher.map((e) => e.event));
  expect([...dispatcherEvents]).toEqual(expect.arrayContaining(['delivery:updated', 'order:created', 'order:updated', 'task:updated']));
  expect(dispatcherEvents.has('inventory:alert')).toBe(false);
  expect(heard.dispatcher.filter((e) => e.event === 'delivery:updated').map((e) => (e.payload as { deliveryId: string }).deliveryId)).toEqual(
    expect.arrayContaining([deliveryId, other.delivery.id]),
  );
});
