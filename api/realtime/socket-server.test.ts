import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import {
  accessTokenFor,
  connectClient,
  connectError,
  nextEvent,
  recordEvents,
  startRealtimeFixture,
  userTokenFor,
  type RealtimeFixture,
} from '../../test/support/socket-clients';

/** Handshake auth and station rooms: real PostgreSQL, real http on port 0, real socket.io-client. */
const prisma: Db = testPrisma();
let rt: RealtimeFixture;
let tenantA: TestTenant;
let tenantB: TestTenant;
let stationA: string;
let stationB: string;

beforeAll(async () => {
  const [a, b] = [await createTestTenant(prisma), await createTestTenant(prisma)];
  [tenantA, tenantB] = [a, b];
  [stationA, stationB] = [a.stations[0].id, b.stations[0].id];
  rt = await startRealtimeFixture(prisma);
});

afterAll(async () => {
  await rt?.close();
});

const tokenOf = (tenant: TestTenant, ttl?: string | number) => userTokenFor(tenant, rt.env.JWT_SECRET, 'OWNER', ttl);

describe('socket handshake', () => {
  it('refuses a connection without a token, telling the client why', async () => {
    const err = await connectError(rt.baseUrl, {});
    expect(err.message).toMatch(/^UNAUTHENTICATED: missing access token/);
    expect(err.data).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an expired token', async () => {
    const err = await connectError(rt.baseUrl, { token: tokenOf(tenantA, -60) });
    expect(err.message).toBe('UNAUTHENTICATED: Token expired');
  });

  it('refuses a token signed with another secret', async () => {
    const forged = accessTokenFor({ tenantId: tenantA.id, tenantSlug: tenantA.slug }, `other-${rt.env.JWT_SECRET}`);
    const err = await connectError(rt.baseUrl, { token: forged });
    expect(err.message).toBe('UNAUTHENTICATED: Invalid token');
  });

  it('closes a socket when its access token expires, and the same token cannot reconnect', async () => {
    const shortLived = tokenOf(tenantA, 2); // jwt exp has 1 s granularity: 2 s leaves ≥ 1 s to connect
    const client = await connectClient(rt.baseUrl, shortLived);
    try {
      const reason = await new Promise<string>((resolve) => client.once('disconnect', resolve));
      expect(reason).toBe('transport close'); // a transport close, so a real client reconnects on its own
      expect((await connectError(rt.baseUrl, { token: shortLived })).message).toBe('UNAUTHENTICATED: Token expired');
    } finally {
      client.close();
    }
  });
});

describe('station rooms', () => {
  it('a client that joins its own station receives that station’s events', async () => {
    const kds = await rt.clientOf(tenantA);
    expect(await kds.emitWithAck('join_station', { stationId: stationA })).toEqual({ ok: true });
    const taskId = randomUUID();
    const received = nextEvent(kds, 'task:completed', (p) => p.taskId === taskId);
    await rt.publisher.toStation(tenantA.id, stationA).emit('task:completed', {
      taskId,
      orderId: randomUUID(),
      stationId: stationA,
      completedBy: null,
    });
    await received;
  });

  it('joining another tenant’s station is NOT_FOUND and its events never arrive', async () => {
    const intruder = await rt.clientOf(tenantA);
    const owner = await rt.clientOf(tenantB);
    const seenByIntruder = recordEvents(intruder);
    expect(await intruder.emitWithAck('join_station', { stationId: stationB })).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(await owner.emitWithAck('join_station', { stationId: stationB })).toEqual({ ok: true });

    // Positive control: the owner, in the room, does receive the station event.
    const taskId = randomUUID();
    const ownerGotIt = nextEvent(owner, 'task:completed', (p) => p.taskId === taskId);
    await rt.publisher.toStation(tenantB.id, stationB).emit('task:completed', {
      taskId,
      orderId: randomUUID(),
      stationId: stationB,
      completedBy: null,
    });
    await ownerGotIt;
    // The same station id under the intruder's own tenant is a different room nobody joined.
    await rt.publisher.toStation(tenantA.id, stationB).emit('task:completed', {
      taskId,
      orderId: randomUUID(),
      stationId: stationB,
      completedBy: null,
    });
    // Publishes are ordered, so anything the intruder could receive arrives before this one.
    const intruderControl = nextEvent(intruder, 'delivery:updated');
    await rt.publisher.toTenant(tenantA.id).emit('delivery:updated', { deliveryId: randomUUID(), status: 'failed' });
    await intruderControl;
    expect(seenByIntruder.map((e) => e.event)).toEqual(['delivery:updated']);
  });

  it('rejects a malformed station id as BAD_USER_INPUT', async () => {
    const kds = await rt.clientOf(tenantA);
    expect(await kds.emitWithAck('join_station', { stationId: 'grill; DROP TABLE stations' })).toEqual({
      ok: false,
      error: 'BAD_USER_INPUT',
    });
  });

  it('after leave_station the station’s events stop arriving', async () => {
    const kds = await rt.clientOf(tenantA);
    const seen = recordEvents(kds);
    expect(await kds.emitWithAck('join_station', { stationId: stationA })).toEqual({ ok: true });
    expect(await kds.emitWithAck('leave_station', { stationId: stationA })).toEqual({ ok: true });
    await rt.publisher.toStation(tenantA.id, stationA).emit('station:load', {
      stationId: stationA,
      queueLength: 1,
      inProgress: 1,
      capacity: 1,
      loadPercent: 100,
    });
    const control = nextEvent(kds, 'delivery:updated');
    await rt.publisher.toTenant(tenantA.id).emit('delivery:updated', { deliveryId: randomUUID(), status: 'delivered' });
    await control;
    expect(seen.map((e) => e.event)).toEqual(['delivery:updated']);
  });
});
