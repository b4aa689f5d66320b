import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { createEventPublisher, type EventPublisher } from '../../events/event-publisher';
import { roomsOf } from '../../test/support/emit-target';
import { createTestTenant, requireTestEnv, testPrisma, type TestTenant } from '../../test/support/db';
import { nextEvent, recordEvents, startApiProcess, type ApiProcess, type BrigadeClient } from '../../test/support/socket-clients';

/**
 * Pins the real-time path across processes as deployed: two API nodes, each a process of its own
 * with its own Socket.io server on the postgres adapter, and the worker's publisher (the same
 * createEventPublisher the worker runs) in this process. Clients sit on API 1; events come from
 * API 2's publisher and from the worker's. Nothing but PostgreSQL is shared.
 */
jest.setTimeout(120_000);

const prisma: Db = testPrisma();
let api1: ApiProcess;
let api2: ApiProcess;
let worker: EventPublisher;
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  [tenantA, tenantB] = [await createTestTenant(prisma), await createTestTenant(prisma)];
  const env = { DATABASE_URL: requireTestEnv('DATABASE_URL'), JWT_SECRET: `api-processes-${randomUUID()}` };
  [api1, api2] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  worker = createEventPublisher({ databaseUrl: env.DATABASE_URL });
});

afterAll(async () => {
  await worker?.close();
  await Promise.all([api1?.stop(), api2?.stop()]);
});

type Target = { to: 'tenant' | 'station' | 'tenantAndStation'; tenantId: string; stationId?: string };
type Source = { name: string; emit(target: Target, event: string, payload: unknown): Promise<void> };

const sources: Source[] = [
  { name: 'API 2', emit: (target, event, payload) => api2.emit({ ...target, event: event as never, payload }) },
  {
    name: 'the worker',
    emit: (target, event, payload) => roomsOf(worker, target).emit(event as never, payload as never),
  },
];

async function joined(client: BrigadeClient, stationId: string): Promise<BrigadeClient> {
  expect(await client.emitWithAck('join_station', { stationId })).toEqual({ ok: true });
  return client;
}

const taskEvent = (stationId: string) => ({
  taskId: randomUUID(),
  status: 'QUEUED' as const,
  orderId: randomUUID(),
  orderItemId: randomUUID(),
  stationId,
});

describe.each(sources.map((s) => [s.name, s] as const))('an event published by %s', (_name, source) => {
  it('reaches the clients on API 1 in its tenant and station rooms, and no one else', async () => {
    const [stationA1, stationA2] = [tenantA.stations[0].id, tenantA.stations[1].id];
    const stationB1 = tenantB.stations[0].id;
    const boardA = await api1.clientOf(tenantA);
    const kdsA1 = await joined(await api1.clientOf(tenantA), stationA1);
    const kdsA2 = await joined(await api1.clientOf(tenantA), stationA2);
    const kdsB1 = await joined(await api1.clientOf(tenantB), stationB1);
    const onApi2 = await api2.clientOf(tenantA); // the publishing node's own sockets get it too
    const clients = { boardA, kdsA1, kdsA2, kdsB1, onApi2 };
    const seen = Object.fromEntries(Object.entries(clients).map(([name, c]) => [name, recordEvents(c)]));

    const toStation = taskEvent(stationA1);
    const toTenant = { orderId: randomUUID(), changes: { status: 'READY' as const } };
    const toBoth = taskEvent(stationA2);
    // The same station id under another tenant is a room nobody is in.
    const foreignStation = taskEvent(stationB1);
    await source.emit({ to: 'station', tenantId: tenantA.id, stationId: stationA1 }, 'task:completed', { ...toStation, completedBy: null });
    await source.emit({ to: 'tenant', tenantId: tenantA.id }, 'order:updated', toTenant);
    await source.emit({ to: 'tenantAndStation', tenantId: tenantA.id, stationId: stationA2 }, 'task:updated', toBoth);
    await source.emit({ to: 'station', tenantId: tenantA.id, stationId: stationB1 }, 'task:updated', foreignStation);

    // Positive controls, published last: one source's events arrive in order, so once every
    // client has its control, anything it could have received has arrived.
    const [controlA, controlB] = [randomUUID(), randomUUID()];
    const controls = Promise.all([
      ...[boardA, kdsA1, kdsA2, onApi2].map((c) => nextEvent(c, 'delivery:updated', (p) => p.deliveryId === controlA)),
      nextEvent(kdsB1, 'delivery:updated', (p) => p.deliveryId === controlB),
    ]);
    await source.emit({ to: 'tenant', tenantId: tenantA.id }, 'delivery:updated', { deliveryId: controlA, status: 'assigned' });
    await source.emit({ to: 'tenant', tenantId: tenantB.id }, 'delivery:updated', { deliveryId: controlB, status: 'assigned' });
    await controls;

    const completed = { event: 'task:completed', payload: { ...toStation, completedBy: null } };
    const updated = { event: 'order:updated', payload: toTenant };
    const both = { event: 'task:updated', payload: toBoth };
    const control = (deliveryId: string) => ({ event: 'delivery:updated', payload: { deliveryId, status: 'assigned' } });
    expect(seen.boardA).toEqual([updated, both, control(controlA)]);
    expect(seen.kdsA1).toEqual([completed, updated, both, control(controlA)]);
    expect(seen.kdsA2).toEqual([updated, both, control(controlA)]); // once, though in both rooms
    expect(seen.onApi2).toEqual([updated, both, control(controlA)]);
    expect(seen.kdsB1).toEqual([control(controlB)]);
    for (const c of Object.values(clients)) c.close();
  });

  it('carries a payload over the NOTIFY size limit through the attachment table', async () => {
    const board = await api1.clientOf(tenantA);
    const orderId = randomUUID();
    const breakdown = { note: 'ä'.repeat(10_000), items: Array.from({ length: 300 }, (_, i) => ({ i, late: i % 2 === 0, eta: i / 3 })) };
    const received = nextEvent(board, 'eta:recalculated', (p) => p.orderId === orderId);
    await source.emit({ to: 'tenant', tenantId: tenantA.id }, 'eta:recalculated', { orderId, newEta: new Date(0).toISOString(), breakdown });
    expect(await received).toEqual({ orderId, newEta: new Date(0).toISOString(), breakdown });
    board.close();
  });
});
