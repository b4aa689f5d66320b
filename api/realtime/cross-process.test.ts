import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Db } from '../../db/client';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { attachSocketServer } from './socket-server';
import {
  userTokenFor,
  connectClient,
  listenOnFreePort,
  nextEvent,
  recordEvents,
  startRealtimeFixture,
  type RealtimeFixture,
} from '../../test/support/socket-clients';

/**
 * Events published by createEventPublisher over its own pool (as the worker process does) reach
 * browsers through PostgreSQL NOTIFY and the API's postgres adapter; nothing else is shared.
 */
const prisma: Db = testPrisma();
let rt: RealtimeFixture;
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  tenantA = await createTestTenant(prisma);
  tenantB = await createTestTenant(prisma);
  rt = await startRealtimeFixture(prisma);
});

afterAll(async () => {
  await rt?.close();
});

it('reach the clients of the tenant and never those of another tenant', async () => {
  const cook = await rt.clientOf(tenantA);
  const otherCook = await rt.clientOf(tenantB);
  const seenByOther = recordEvents(otherCook);
  const orderId = randomUUID();

  const received = nextEvent(cook, 'order:updated', (p) => p.orderId === orderId);
  await rt.publisher.toTenant(tenantA.id).emit('order:updated', { orderId, changes: { status: 'READY' } });
  expect(await received).toEqual({ orderId, changes: { status: 'READY' } });

  // Positive control: the other client is listening and gets its own tenant's event, published
  // after A's; publishes are ordered, so A's event would have reached it first.
  const control = nextEvent(otherCook, 'delivery:updated');
  await rt.publisher.toTenant(tenantB.id).emit('delivery:updated', { deliveryId: randomUUID(), status: 'assigned' });
  await control;
  expect(seenByOther.map((e) => e.event)).toEqual(['delivery:updated']);
});

it('reach a client connected to a second API node', async () => {
  const secondServer = createServer();
  const second = await attachSocketServer({ httpServer: secondServer, prisma, env: rt.env });
  try {
    const secondUrl = await listenOnFreePort(secondServer);
    const token = userTokenFor(tenantA, rt.env.JWT_SECRET);
    const onSecond = await connectClient(secondUrl, token);
    const onFirst = await rt.clientOf(tenantA);
    const itemId = randomUUID();
    const both = Promise.all([
      nextEvent(onFirst, 'inventory:alert', (p) => p.itemId === itemId),
      nextEvent(onSecond, 'inventory:alert', (p) => p.itemId === itemId),
    ]);
    await rt.publisher.toTenant(tenantA.id).emit('inventory:alert', { itemId, name: 'Flour', currentStock: 1, minStock: 5 });
    await both;
    onSecond.close();
  } finally {
    await second.close();
  }
});

it('carry payloads above the 8000-byte NOTIFY limit through the attachment table', async () => {
  const cook = await rt.clientOf(tenantA);
  const orderId = randomUUID();
  const breakdown = { note: 'x'.repeat(20_000) };
  const received = nextEvent(cook, 'eta:recalculated', (p) => p.orderId === orderId);
  await rt.publisher.toTenant(tenantA.id).emit('eta:recalculated', { orderId, newEta: new Date().toISOString(), breakdown });
  expect((await received).breakdown).toEqual(breakdown);
});

it('arrive in the order they were emitted, even when emitted without waiting', async () => {
  const cook = await rt.clientOf(tenantA);
  const seen: number[] = [];
  const stationId = randomUUID();
  cook.on('station:load', (p) => p.stationId === stationId && seen.push(p.queueLength));
  const last = nextEvent(cook, 'station:load', (p) => p.stationId === stationId && p.queueLength === 99);
  for (let i = 0; i < 100; i++) {
    void rt.publisher.toTenant(tenantA.id).emit('station:load', { stationId, queueLength: i, inProgress: 0, capacity: 2, loadPercent: 0 });
  }
  await last;
  expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
});

it('take a few milliseconds from emitter to browser (median of 50)', async () => {
  const cook = await rt.clientOf(tenantA);
  const latencies: number[] = [];
  for (let i = 0; i < 50; i++) {
    const taskId = randomUUID();
    const received = nextEvent(cook, 'task:updated', (p) => p.taskId === taskId);
    const started = process.hrtime.bigint();
    void rt.publisher.toTenant(tenantA.id).emit('task:updated', {
      taskId,
      status: 'IN_PROGRESS',
      orderId: randomUUID(),
      orderItemId: randomUUID(),
      stationId: null,
    });
    await received;
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const median = latencies[25];
  console.log(`emitter → client latency over 50 events: median ${median.toFixed(2)} ms, p90 ${latencies[45].toFixed(2)} ms`);
  expect(median).toBeLessThan(250); // generous on a noisy shared machine; the log line is the measurement
});
