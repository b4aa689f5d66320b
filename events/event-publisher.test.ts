import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { Db } from '../db/client';
import { nextEvent, recordEvents, startRealtimeFixture, type BrigadeClient, type RealtimeFixture } from '../test/support/socket-clients';
import { createTestTenant, testPrisma, type TestTenant } from '../test/support/db';
import { createEventPublisher } from './event-publisher';

/**
 * The publisher against a real API socket server and real PostgreSQL. Faults are injected by
 * wrapping a real pool's `query` (PostgreSQL cannot be made to fail one NOTIFY on demand).
 */
let tenant: TestTenant;

const prisma: Db = testPrisma();
let rt: RealtimeFixture;
let realPool: Pool;
let client: BrigadeClient;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  rt = await startRealtimeFixture(prisma);
  client = await rt.clientOf(tenant);
  realPool = new Pool({ connectionString: rt.env.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  await rt?.close();
  await realPool?.end();
});

/** A real pool whose NOTIFYs fail (or wait for `release`) while other queries go through. */
function faultyPool(mode: 'fail' | 'hold') {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const calls = { notify: 0 };
  const query = async (sql: string, params?: unknown[]) => {
    if (!sql.includes('pg_notify')) return realPool.query(sql, params);
    calls.notify++;
    if (mode === 'fail') throw new Error('injected NOTIFY failure');
    await gate;
    return realPool.query(sql, params);
  };
  return { pool: { query } as unknown as Pool, calls, release };
}

async function sendControlEvent(): Promise<void> {
  const deliveryId = randomUUID();
  const arrived = nextEvent(client, 'delivery:updated', (p) => p.deliveryId === deliveryId);
  await rt.publisher.toTenant(tenant.id).emit('delivery:updated', { deliveryId, status: 'assigned' });
  await arrived;
}

it('reports a failed publish once, never retries it in a loop, and never sends the error to browsers', async () => {
  const { pool, calls } = faultyPool('fail');
  const errors: unknown[] = [];
  const publisher = createEventPublisher({ pool, onError: (err) => errors.push(err) });
  const seen = recordEvents(client);

  await publisher.toTenant(tenant.id).emit('order:updated', { orderId: randomUUID(), changes: { status: 'READY' } });
  await sendControlEvent();

  expect(errors).toHaveLength(1);
  expect((errors[0] as Error).message).toBe('injected NOTIFY failure');
  expect(calls.notify).toBe(1);
  expect(seen.map((e) => e.event)).toEqual(['delivery:updated']);
  await publisher.close();
});

it('close() delivers every event already queued, and later emits are reported, not sent', async () => {
  const errors: unknown[] = [];
  const publisher = createEventPublisher({ databaseUrl: rt.env.DATABASE_URL!, onError: (err) => errors.push(err) });
  const stationId = randomUUID();
  const seen: number[] = [];
  client.on('station:load', (p) => p.stationId === stationId && seen.push(p.queueLength));
  const last = nextEvent(client, 'station:load', (p) => p.stationId === stationId && p.queueLength === 19);
  for (let i = 0; i < 20; i++) {
    void publisher.toTenant(tenant.id).emit('station:load', { stationId, queueLength: i, inProgress: 0, capacity: 1, loadPercent: 0 });
  }
  await publisher.close();
  await last;
  expect(seen).toEqual([...Array(20).keys()]); // all of them, in the order they were published

  await publisher.toTenant(tenant.id).emit('station:load', { stationId, queueLength: 20, inProgress: 0, capacity: 1, loadPercent: 0 });
  expect(errors.map((e) => (e as Error).message)).toEqual(['event publisher is closed; dropped station:load']);
});

it('sends a burst of events in a few NOTIFY statements, not one each, and keeps their order', async () => {
  let statements = 0;
  const counting = { query: (sql: string, params?: unknown[]) => (sql.includes('pg_notify') && statements++, realPool.query(sql, params)) } as unknown as Pool;
  const publisher = createEventPublisher({ pool: counting });
  const stationId = randomUUID();
  const seen: number[] = [];
  client.on('station:load', (p) => p.stationId === stationId && seen.push(p.queueLength));
  const last = nextEvent(client, 'station:load', (p) => p.stationId === stationId && p.queueLength === 29);
  const sent = Array.from({ length: 30 }, (_, i) =>
    publisher.toTenant(tenant.id).emit('station:load', { stationId, queueLength: i, inProgress: 0, capacity: 1, loadPercent: 0 }),
  );
  await Promise.all(sent);
  await last;
  expect(seen).toEqual([...Array(30).keys()]);
  expect(statements).toBeGreaterThan(0);
  expect(statements).toBeLessThanOrEqual(3);
  await publisher.close();
});

it('drops events beyond maxQueued while PostgreSQL is stuck, instead of growing memory', async () => {
  const { pool, release } = faultyPool('hold');
  const errors: unknown[] = [];
  const publisher = createEventPublisher({ pool, maxQueued: 2, onError: (err) => errors.push(err) });
  const emit = () => publisher.toTenant(tenant.id).emit('delivery:updated', { deliveryId: randomUUID(), status: 'pending' });
  const pending = [emit(), emit(), emit()];
  expect(errors.map((e) => (e as Error).message)).toEqual(['2 real-time events waiting for PostgreSQL; dropped delivery:updated']);
  release();
  await Promise.all(pending);
  await publisher.close();
});

it('refuses a room without a tenant id rather than emitting into the void', () => {
  const publisher = createEventPublisher({ pool: realPool });
  expect(() => publisher.toTenant('')).toThrow('tenantId is required');
  expect(() => publisher.toStation(tenant.id, '')).toThrow('stationId is required');
});

it('delivers a task event once to a KDS socket that is in both the tenant room and the station room', async () => {
  const t = await createTestTenant(prisma, { stations: [{ name: 'Forno', taskTypes: ['forno'] }] });
  const station = t.stations[0];
  const kds = await rt.clientOf(t);
  const ack = await kds.emitWithAck('join_station', { stationId: station.id });
  expect(ack).toEqual({ ok: true });
  const seen = recordEvents(kds);
  const taskId = randomUUID();
  await rt.publisher
    .toTenantAndStation(t.id, station.id)
    .emit('task:updated', { taskId, status: 'QUEUED', orderId: randomUUID(), orderItemId: randomUUID(), stationId: station.id } as never);
  // Positive control: a later event arrives, so the first one had time to arrive twice if it would.
  const controlId = randomUUID();
  const control = nextEvent(kds, 'delivery:updated', (p) => p.deliveryId === controlId);
  await rt.publisher.toTenant(t.id).emit('delivery:updated', { deliveryId: controlId, status: 'assigned' });
  await control;
  expect(seen.filter((e) => e.event === 'task:updated' && (e.payload as { taskId: string }).taskId === taskId)).toHaveLength(1);
});
