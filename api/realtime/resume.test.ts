import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { io as connect } from 'socket.io-client';
import type { EventMeta } from '../../contracts/socket-events';
import type { Db } from '../../db/client';
import { EVENT_LOG_TABLE, EVENT_SEQUENCE_TABLE } from '../../events/event-log';
import type { Role } from '../../prisma/generated/client';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { startRealtimeFixture, userTokenFor, type BrigadeClient, type RealtimeFixture } from '../../test/support/socket-clients';

/**
 * A socket that reconnects with the seq of the last event it saw is sent what it missed, in
 * order, once, and only what its role may read: real API node, real publisher, real clients.
 */
const prisma: Db = testPrisma();
let rt: RealtimeFixture;
let pool: Pool;
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant(prisma, { stations: [] });
  rt = await startRealtimeFixture(prisma);
  pool = new Pool({ connectionString: rt.env.DATABASE_URL, max: 1 });
});

afterAll(async () => {
  await rt?.close();
  await pool?.end();
});

type Seen = { event: string; payload: { queueLength?: number }; seq: number };

/** Every sequenced event a client receives, with its seq. */
function recordSequenced(socket: BrigadeClient): Seen[] {
  const seen: Seen[] = [];
  socket.onAny((event: string, payload: Seen['payload'], meta?: EventMeta) => {
    if (meta) seen.push({ event, payload, seq: meta.seq });
  });
  return seen;
}

const load = (stationId: string, queueLength: number) => ({ stationId, queueLength, inProgress: 0, capacity: 1, loadPercent: 0 });

/** Waits until `seen` holds an event satisfying `done`. */
async function until(seen: Seen[], done: (e: Seen) => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!seen.some(done)) {
    if (Date.now() > deadline) throw new Error('event did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('sends a client cut off for a moment every event it missed, in order, once', async () => {
  const stationId = randomUUID();
  let lastSeq: number | undefined;
  const token = userTokenFor(tenant, rt.env.JWT_SECRET, 'MANAGER');
  // What the web client does: its handshake sends the last seq it saw, read at every (re)connect.
  const client: BrigadeClient = connect(rt.baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 1_000,
    auth: (cb) => cb(lastSeq === undefined ? { token } : { token, lastSeq }),
  });
  const seen = recordSequenced(client);
  client.onAny((_event: string, _payload: unknown, meta?: EventMeta) => {
    if (meta) lastSeq = meta.seq;
  });
  const resumes: Array<{ seq: number; complete: boolean }> = [];
  client.on('realtime:resume', (r) => resumes.push(r));
  try {
    await new Promise<void>((resolve) => client.once('realtime:resume', () => resolve()));
    await rt.publisher.toTenant(tenant.id).emit('station:load', load(stationId, 0));
    await until(seen, (e) => e.payload.queueLength === 0);

    // The server drops the transport (as a node restart or a network cut would); the client waits 1 s.
    const [server] = [...rt.io.of('/').sockets.values()].filter((s) => s.data.userId === tenant.users.MANAGER.id);
    server.conn.close();
    for (let i = 1; i <= 30; i++) await rt.publisher.toTenant(tenant.id).emit('station:load', load(stationId, i));
    // Back once resumed: an event committed while the socket was still joining its rooms may come
    // both live and from the gap read (resume.ts; the client drops the second by seq).
    const deadline = Date.now() + 10_000;
    while (resumes.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await rt.publisher.toTenant(tenant.id).emit('station:load', load(stationId, 31));
    await until(seen, (e) => e.payload.queueLength === 31);

    expect(seen.map((e) => e.payload.queueLength)).toEqual(Array.from({ length: 32 }, (_, i) => i));
    const seqs = seen.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 32 }, (_, i) => seqs[0] + i));
    expect(resumes.map((r) => r.complete)).toEqual([true, true]);
  } finally {
    client.close();
  }
}, 15_000);

it('replays only the events the resuming role may read', async () => {
  const from = await currentSeq();
  const itemId = randomUUID();
  const stationId = randomUUID();
  await rt.publisher.toTenant(tenant.id).emit('inventory:alert', { itemId, name: 'Flour', currentStock: 0, minStock: 2 });
  await rt.publisher.toTenant(tenant.id).emit('station:load', load(stationId, 7));

  for (const [role, expected] of [
    ['STAFF', ['station:load']],
    ['OWNER', ['inventory:alert', 'station:load']],
  ] as Array<[Role, string[]]>) {
    const { seen, resume, client } = await resumeFrom(role, from);
    expect(seen.map((e) => e.event)).toEqual(expected);
    expect(resume).toEqual({ seq: from + 2, complete: true });
    client.close();
  }
});

it("replays an event sent to one user's room to that user alone", async () => {
  const from = await currentSeq();
  await rt.publisher.toUser(tenant.id, tenant.users.DELIVERY.id).emit('delivery:updated', { deliveryId: 'the-riders-own', status: 'assigned' });
  await rt.publisher.toTenant(tenant.id).emit('delivery:updated', { deliveryId: 'for-dispatchers', status: 'assigned' });

  for (const [role, expected] of [
    ['DELIVERY', ['the-riders-own']],
    ['OPERATOR', ['for-dispatchers']],
    ['OWNER', ['for-dispatchers']],
    ['STAFF', []],
  ] as Array<[Role, string[]]>) {
    const { seen, resume, client } = await resumeFrom(role, from);
    expect([role, seen.map((e) => (e.payload as { deliveryId?: string }).deliveryId)]).toEqual([role, expected]);
    expect(resume).toEqual({ seq: from + 2, complete: true });
    client.close();
  }
});

it('tells a client whose missed events are no longer kept to refetch', async () => {
  const from = await currentSeq();
  const stationId = randomUUID();
  await rt.publisher.toTenant(tenant.id).emit('station:load', load(stationId, 1));
  await rt.publisher.toTenant(tenant.id).emit('station:load', load(stationId, 2));
  // The oldest of the two is pruned, as it would be after the replay window.
  await pool.query(`DELETE FROM ${EVENT_LOG_TABLE} WHERE tenant_id = $1 AND seq = $2`, [tenant.id, from + 1]);

  const { seen, resume, client } = await resumeFrom('OWNER', from);
  expect(resume).toEqual({ seq: from + 2, complete: false });
  expect(seen).toEqual([]); // a partial replay would hide the hole; the client refetches instead
  client.close();
});

/** The tenant's last seq: where a client connected now starts. */
async function currentSeq(): Promise<number> {
  const { rows } = await pool.query(`SELECT last_seq FROM ${EVENT_SEQUENCE_TABLE} WHERE tenant_id = $1`, [tenant.id]);
  return Number(rows[0]?.last_seq ?? 0);
}

async function resumeFrom(role: Role, lastSeq: number) {
  const seen: Seen[] = [];
  const client: BrigadeClient = connect(rt.baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token: userTokenFor(tenant, rt.env.JWT_SECRET, role), lastSeq },
  });
  client.onAny((event: string, payload: Seen['payload'], meta?: EventMeta) => {
    if (meta) seen.push({ event, payload, seq: meta.seq });
  });
  const resume = await new Promise<{ seq: number; complete: boolean }>((resolve) => client.once('realtime:resume', resolve));
  return { seen, resume, client };
}
