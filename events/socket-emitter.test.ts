import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { Db } from '../db/client';
import { createTestTenant, testPrisma, type TestTenant } from '../test/support/db';
import { nextEvent, recordEvents, startRealtimeFixture, type RealtimeFixture } from '../test/support/socket-clients';
import { createSocketEmitter } from './socket-emitter';
import { SOCKET_ATTACHMENT_TABLE } from './socket-transport';

/**
 * Our emitter against the real @socket.io/postgres-adapter of an API node: what the adapter
 * decodes from each NOTIFY (and from the attachment table) is captured at its onMessage, and a
 * real socket.io-client shows it was delivered. If an adapter update changes the format it reads,
 * these fail instead of events silently going nowhere.
 */
const prisma: Db = testPrisma();
let rt: RealtimeFixture;
let pool: Pool;
let tenant: TestTenant;
/** Every message the API node's adapter received, decoded, in order. */
const received: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  tenant = await createTestTenant(prisma);
  rt = await startRealtimeFixture(prisma);
  pool = new Pool({ connectionString: rt.env.DATABASE_URL, max: 2 });
  // Test-only spy on the adapter's public entry point for cluster messages.
  const adapter = rt.io.of('/').adapter as unknown as { onMessage(message: Record<string, unknown>, offset?: string): unknown };
  const onMessage = adapter.onMessage.bind(adapter);
  adapter.onMessage = (message, offset) => {
    received.push(message);
    return onMessage(message, offset);
  };
});

afterAll(async () => {
  await rt?.close();
  await pool?.end();
});

/** A pool that counts the statements it runs, by kind. */
function counting() {
  const counts = { notify: 0, insert: 0 };
  const db = {
    query: (sql: string, params?: unknown[]) => {
      if (sql.includes('pg_notify')) counts.notify++;
      if (sql.startsWith(`INSERT INTO ${SOCKET_ATTACHMENT_TABLE}`)) counts.insert++;
      return pool.query(sql, params);
    },
  };
  return { db, counts };
}

const room = () => `tenant:${tenant.id}`;
const messagesWith = (marker: string) => received.filter((m) => JSON.stringify(m).includes(marker));

it('writes the message the adapter routes: a BROADCAST from "emitter" on namespace "/"', async () => {
  const errors: unknown[] = [];
  const emitter = createSocketEmitter(pool, { onError: (err) => errors.push(err) });
  const client = await rt.clientOf(tenant);
  const deliveryId = randomUUID();
  const arrived = nextEvent(client, 'delivery:updated', (p) => p.deliveryId === deliveryId);
  await emitter.broadcast([room()], 'delivery:updated', { deliveryId, status: 'assigned' });
  expect(await arrived).toEqual({ deliveryId, status: 'assigned' });
  expect(messagesWith(deliveryId)).toEqual([
    {
      uid: 'emitter',
      nsp: '/',
      type: 3,
      data: {
        packet: { type: 2, data: ['delivery:updated', { deliveryId, status: 'assigned' }], nsp: '/' },
        opts: { rooms: [room()], except: [], flags: {} },
      },
    },
  ]);
  expect(errors).toEqual([]);
});

it('stores a payload PostgreSQL would refuse in the attachment table, msgpack-encoded as the adapter decodes it', async () => {
  const { db, counts } = counting();
  const emitter = createSocketEmitter(db, {
    onError: (err) => {
      throw err;
    },
  });
  const client = await rt.clientOf(tenant);
  const orderId = randomUUID();
  // Every msgpack form the encoder writes: fix/8/16/32-bit string lengths, fix/16-bit arrays and
  // maps, negative, fractional, large and tiny numbers, booleans, null, non-ASCII text.
  const breakdown = {
    short: 'é',
    s31: 'x'.repeat(31),
    s32: 'y'.repeat(32),
    s255: 'z'.repeat(255),
    s256: 'w'.repeat(256),
    s65536: '€'.repeat(21_846),
    empty: '',
    nothing: null,
    yes: true,
    no: false,
    numbers: [0, 1, -1, -33, 127, 128, 255, 256, 65_535, 65_536, 2 ** 32, -(2 ** 40), 0.1, -2.5, 1e-300, Number.MAX_SAFE_INTEGER],
    array16: Array.from({ length: 16 }, (_, i) => i),
    array70k: Array.from({ length: 70_000 }, () => 1),
    map16: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, { nested: [i, { deeper: String(i) }] }])),
    emptyList: [],
    emptyMap: {},
  };
  const arrived = nextEvent(client, 'eta:recalculated', (p) => p.orderId === orderId);
  await emitter.broadcast([room()], 'eta:recalculated', { orderId, newEta: '2026-01-01T00:00:00.000Z', breakdown });
  expect((await arrived).breakdown).toEqual(breakdown);
  expect(counts).toEqual({ notify: 1, insert: 1 });
  const [message] = messagesWith(orderId);
  expect(message).toMatchObject({ uid: 'emitter', nsp: '/', type: 3, data: { opts: { rooms: [room()], except: [], flags: {} } } });
});

it('sends a payload of exactly 8000 bytes through the attachment table (PostgreSQL refuses it in a NOTIFY), 7999 directly', async () => {
  const { db, counts } = counting();
  const errors: unknown[] = [];
  const emitter = createSocketEmitter(db, { onError: (err) => errors.push(err) });
  const client = await rt.clientOf(tenant);
  const sized = (bytes: number) => {
    const deliveryId = randomUUID();
    const message = (note: string) => ({
      uid: 'emitter',
      nsp: '/',
      type: 3,
      data: {
        packet: { type: 2, data: ['delivery:updated', { deliveryId, status: 'assigned', note }], nsp: '/' },
        opts: { rooms: [room()], except: [], flags: {} },
      },
    });
    const note = 'n'.repeat(bytes - Buffer.byteLength(JSON.stringify(message(''))));
    expect(Buffer.byteLength(JSON.stringify(message(note)))).toBe(bytes);
    return { deliveryId, status: 'assigned', note };
  };
  for (const [bytes, inserts] of [
    [7999, 0],
    [8000, 1],
  ] as const) {
    const payload = sized(bytes);
    const arrived = nextEvent(client, 'delivery:updated', (p) => p.deliveryId === payload.deliveryId);
    await emitter.broadcast([room()], 'delivery:updated', payload);
    expect(await arrived).toEqual(payload);
    expect(counts.insert).toBe(inserts);
  }
  expect(errors).toEqual([]);
});

it('sends events emitted together in one statement, in order, and splits a batch rather than let PostgreSQL fold a repeated payload', async () => {
  const { db, counts } = counting();
  const emitter = createSocketEmitter(db, {
    onError: (err) => {
      throw err;
    },
  });
  const client = await rt.clientOf(tenant);
  const stationId = randomUUID();
  const load = (queueLength: number) => ({ stationId, queueLength, inProgress: 0, capacity: 1, loadPercent: 0 });
  const seen: number[] = [];
  client.on('station:load', (p) => p.stationId === stationId && seen.push(p.queueLength));

  // A station's load going 1 → 2 → 1: one transaction would deliver the identical first and
  // third notifications once, and the KDS would be left showing 2.
  const control = randomUUID();
  const last = nextEvent(client, 'delivery:updated', (p) => p.deliveryId === control);
  await Promise.all([
    emitter.broadcast([room()], 'station:load', load(1)),
    emitter.broadcast([room()], 'station:load', load(2)),
    emitter.broadcast([room()], 'station:load', load(1)),
    emitter.broadcast([room()], 'delivery:updated', { deliveryId: control, status: 'assigned' }),
  ]);
  await last;
  expect(seen).toEqual([1, 2, 1]);
  expect(counts.notify).toBe(2);

  // 2,500 at once: three statements (at most 1,000 each), every event in order.
  seen.length = 0;
  counts.notify = 0;
  const all = nextEvent(client, 'station:load', (p) => p.stationId === stationId && p.queueLength === 2_499);
  await Promise.all(Array.from({ length: 2_500 }, (_, i) => emitter.broadcast([room()], 'station:load', load(i))));
  await all;
  expect(seen).toEqual([...Array(2_500).keys()]);
  expect(counts.notify).toBe(3);
});

it('writes a SERVER_SIDE_EMIT the adapter hands to io.on (the startup probe)', async () => {
  const emitter = createSocketEmitter(pool, {
    onError: (err) => {
      throw err;
    },
  });
  const nonce = randomUUID();
  const heard = new Promise<string>((resolve) => rt.io.on('realtime:probe', (n) => n === nonce && resolve(n)));
  await emitter.serverSideEmit('realtime:probe', nonce);
  expect(await heard).toBe(nonce);
  expect(messagesWith(nonce)).toEqual([{ uid: 'emitter', nsp: '/', type: 9, data: { packet: ['realtime:probe', nonce] } }]);
});

it('never rejects: a failed statement is reported once for its whole batch, a failed attachment alone', async () => {
  const errors: unknown[] = [];
  const down = createSocketEmitter({ query: () => Promise.reject(new Error('database down')) }, { onError: (err) => errors.push(err) });
  await expect(Promise.all([1, 2, 3].map((i) => down.broadcast([room()], 'delivery:updated', { i })))).resolves.toHaveLength(3);
  expect(errors.map((e) => (e as Error).message)).toEqual(['database down']);

  // The attachment's INSERT fails; the small events of its batch still go out.
  errors.length = 0;
  const noInserts = {
    query: (sql: string, params?: unknown[]) => (sql.startsWith('INSERT') ? Promise.reject(new Error('insert refused')) : pool.query(sql, params)),
  };
  const emitter = createSocketEmitter(noInserts, { onError: (err) => errors.push(err) });
  const client = await rt.clientOf(tenant);
  const seen = recordEvents(client);
  const [before, after] = [randomUUID(), randomUUID()];
  const arrived = nextEvent(client, 'delivery:updated', (p) => p.deliveryId === after);
  await Promise.all([
    emitter.broadcast([room()], 'delivery:updated', { deliveryId: before, status: 'assigned' }),
    emitter.broadcast([room()], 'eta:recalculated', { orderId: randomUUID(), newEta: '', breakdown: 'b'.repeat(9_000) }),
    emitter.broadcast([room()], 'delivery:updated', { deliveryId: after, status: 'assigned' }),
  ]);
  await arrived;
  expect(seen.map((e) => e.event)).toEqual(['delivery:updated', 'delivery:updated']);
  expect(errors.map((e) => (e as Error).message)).toEqual(['insert refused']);
});

it('reports a payload that cannot be serialised instead of throwing', async () => {
  const errors: unknown[] = [];
  const emitter = createSocketEmitter(pool, { onError: (err) => errors.push(err) });
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  await expect(emitter.broadcast([room()], 'delivery:updated', circular)).resolves.toBeUndefined();
  expect(errors).toHaveLength(1);
});
