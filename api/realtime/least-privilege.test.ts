import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Role } from '../../prisma/generated/client';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { nextEvent, recordEvents, startRealtimeFixture, type BrigadeClient, type RealtimeFixture } from '../../test/support/socket-clients';

/**
 * Each event reaches only the roles whose permissions read the same data (EVENT_PERMISSIONS), and
 * station rooms only kitchen roles: real API node, real publisher through PostgreSQL, real clients.
 */
const prisma: Db = testPrisma();
let rt: RealtimeFixture;
let tenant: TestTenant;
const ROLES: Role[] = ['OWNER', 'ADMIN', 'MANAGER', 'STAFF', 'OPERATOR', 'DELIVERY'];
const clients = {} as Record<Role, BrigadeClient>;
const seen = {} as Record<Role, Array<{ event: string; payload: unknown }>>;

beforeAll(async () => {
  tenant = await createTestTenant(prisma);
  rt = await startRealtimeFixture(prisma);
  for (const role of ROLES) {
    clients[role] = await rt.clientOf(tenant, role);
    seen[role] = recordEvents(clients[role]);
  }
});

afterAll(async () => {
  await rt?.close();
});

/**
 * Emits `marker`'s events, then a control event every role reads (riders read no order event:
 * theirs is a delivery event in their own room), and waits for it everywhere.
 */
async function whoReceived(emit: () => Promise<void>, marker: string): Promise<Role[]> {
  await emit();
  const orderId = randomUUID();
  const control = Promise.all(
    ROLES.map((role) =>
      role === 'DELIVERY'
        ? nextEvent(clients[role], 'delivery:updated', (p) => p.deliveryId === orderId)
        : nextEvent(clients[role], 'order:updated', (p) => p.orderId === orderId),
    ),
  );
  await rt.publisher.toTenant(tenant.id).emit('order:updated', { orderId, changes: { status: 'READY' } });
  await rt.publisher.toUser(tenant.id, tenant.users.DELIVERY.id).emit('delivery:updated', { deliveryId: orderId, status: 'assigned' });
  await control;
  return ROLES.filter((role) => seen[role].some((e) => JSON.stringify(e.payload).includes(marker)));
}

it('sends inventory:alert only to roles with inventory:read (not STAFF, OPERATOR or DELIVERY)', async () => {
  const itemId = randomUUID();
  const got = await whoReceived(
    () => rt.publisher.toTenant(tenant.id).emit('inventory:alert', { itemId, name: 'Flour', currentStock: 1, minStock: 5 }),
    itemId,
  );
  expect(got).toEqual(['OWNER', 'ADMIN', 'MANAGER']);
});

it('sends platform:sync and platform:order only to roles with platforms:manage (OWNER, ADMIN)', async () => {
  const runId = randomUUID();
  const platformOrderId = randomUUID();
  const platformId = randomUUID();
  const got = await whoReceived(async () => {
    await rt.publisher.toTenant(tenant.id).emit('platform:sync', { platformId, runId, phase: 'items', total: 3, done: 1, failed: 0, status: 'PENDING' });
    await rt.publisher.toTenant(tenant.id).emit('platform:order', { platformId, platformOrderId, status: 'needs_review' });
  }, platformId);
  expect(got).toEqual(['OWNER', 'ADMIN']);
  expect(seen.OWNER.filter((e) => JSON.stringify(e.payload).includes(platformId)).map((e) => e.event)).toEqual(['platform:sync', 'platform:order']);
});

it('keeps order events from DELIVERY: a rider sees no order list, live or not', async () => {
  const orderId = randomUUID();
  const got = await whoReceived(async () => {
    await rt.publisher.toTenant(tenant.id).emit('order:created', {
      order: {
        id: orderId,
        orderNumber: 1,
        channel: 'PHONE',
        status: 'NEW',
        customerName: null,
        priority: 0,
        estimatedReadyAt: null,
        createdAt: new Date(0).toISOString(),
        items: [],
      },
    });
    await rt.publisher.toTenant(tenant.id).emit('eta:recalculated', { orderId, newEta: new Date(0).toISOString(), breakdown: null });
  }, orderId);
  expect(got).toEqual(['OWNER', 'ADMIN', 'MANAGER', 'STAFF', 'OPERATOR']);
});

it('keeps task and station events from DELIVERY, and sends deliveries to dispatchers and the rider alone', async () => {
  const taskId = randomUUID();
  const stationId = tenant.stations[0].id;
  const tasks = await whoReceived(
    () => rt.publisher.toTenantAndStation(tenant.id, stationId).emit('task:completed', { taskId, orderId: randomUUID(), stationId, completedBy: null }),
    taskId,
  );
  expect(tasks).toEqual(['OWNER', 'ADMIN', 'MANAGER', 'STAFF', 'OPERATOR']);
  const deliveryId = randomUUID();
  const deliveries = await whoReceived(() => rt.publisher.toTenant(tenant.id).emit('delivery:updated', { deliveryId, status: 'assigned' }), deliveryId);
  expect(deliveries).toEqual(['OWNER', 'ADMIN', 'MANAGER', 'OPERATOR']);
  const ridersOwn = randomUUID();
  const toRider = await whoReceived(
    () => rt.publisher.toUser(tenant.id, tenant.users.DELIVERY.id).emit('delivery:updated', { deliveryId: ridersOwn, status: 'assigned' }),
    ridersOwn,
  );
  expect(toRider).toEqual(['DELIVERY']);
});

it('refuses join_station to roles that do not work kitchen tasks, and lets a cook in', async () => {
  const stationId = tenant.stations[0].id;
  expect(await clients.DELIVERY.timeout(5_000).emitWithAck('join_station', { stationId })).toEqual({ ok: false, error: 'FORBIDDEN' });
  expect(await clients.OPERATOR.timeout(5_000).emitWithAck('join_station', { stationId })).toEqual({ ok: false, error: 'FORBIDDEN' });
  expect(await clients.STAFF.timeout(5_000).emitWithAck('join_station', { stationId })).toEqual({ ok: true });

  // A station-only event (a task that left this station) reaches the cook in the room, not the rider.
  const taskId = randomUUID();
  const got = await whoReceived(
    () =>
      rt.publisher
        .toStation(tenant.id, stationId)
        .emit('task:updated', { taskId, status: 'QUEUED', orderId: randomUUID(), orderItemId: randomUUID(), stationId: null }),
    taskId,
  );
  expect(got).toEqual(['STAFF']);
});
