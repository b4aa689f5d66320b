import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connect } from 'socket.io-client';
import { loadEnv } from '../../config/env';
import type { EventMeta, ResumePayload } from '../../contracts/socket-events';
import type { Db } from '../../db/client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embedded-postgres';
import { crashPostgres } from '../../db/pg-crash';
import { createEventPublisher, type EventPublisher } from '../../events/event-publisher';
import { getFreePort } from '../../temporal/ports';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { listenOnFreePort, userTokenFor, type BrigadeClient } from '../../test/support/socket-clients';
import { attachSocketServer, type RealtimeServer } from './socket-server';

/**
 * PostgreSQL is SIGKILLed and started again while an API node keeps its sockets connected and a
 * publisher keeps publishing: the socket ends with every event once, none doubled, without
 * reconnecting. A PostgreSQL of its own carries the adapter and the event log (the shared one
 * stays up); users are read from the shared test database as usual.
 */
jest.setTimeout(120_000);

const prisma: Db = testPrisma();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-pg-restart-'));
let pgOptions: Parameters<typeof startEmbeddedPostgres>[0];
let pg: EmbeddedPostgres;
let tenant: TestTenant;
let realtime: RealtimeServer;
let publisher: EventPublisher;
let baseUrl: string;
const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `pg-restart-${randomUUID()}` });

beforeAll(async () => {
  fs.chmodSync(dir, 0o755); // postgres runs as its own user when we are root
  // crashSafe: as in production, a commit once acknowledged outlives the kill.
  pgOptions = { dataDir: path.join(dir, 'postgres'), port: await getFreePort(), persistent: false, crashSafe: true };
  [pg, tenant] = await Promise.all([startEmbeddedPostgres(pgOptions), createTestTenant(prisma, { stations: [] })]);
  const httpServer = createServer();
  realtime = await attachSocketServer({ httpServer, prisma, env: { JWT_SECRET: env.JWT_SECRET, DATABASE_URL: pg.url } });
  baseUrl = await listenOnFreePort(httpServer);
  publisher = createEventPublisher({ databaseUrl: pg.url, onError: () => undefined });
});

afterAll(async () => {
  await publisher?.close();
  await realtime?.close();
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const load = (stationId: string, queueLength: number) => ({ stationId, queueLength, inProgress: 0, capacity: 1, loadPercent: 0 });

async function until(what: string, done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

it('a socket that stays connected through a PostgreSQL crash and restart ends with every event published around it, once', async () => {
  const stationId = randomUUID();
  const token = userTokenFor(tenant, env.JWT_SECRET, 'MANAGER');
  let lastSeq: number | undefined;
  // What the web client does (web/src/realtime): resumes from its last seq, drops a seq it has seen.
  const client: BrigadeClient = connect(baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    auth: (cb) => cb(lastSeq === undefined ? { token } : { token, lastSeq }),
  });
  const seqsOf = new Map<number, Set<number>>();
  const applied = new Set<number>();
  const resumes: ResumePayload[] = [];
  let disconnects = 0;
  client.on('disconnect', () => disconnects++);
  client.on('realtime:resume', (r) => resumes.push(r));
  client.on('station:load', (p, meta: EventMeta) => {
    if (p.stationId !== stationId) return;
    lastSeq = Math.max(lastSeq ?? 0, meta.seq);
    seqsOf.set(p.queueLength, (seqsOf.get(p.queueLength) ?? new Set()).add(meta.seq));
    applied.add(p.queueLength);
  });
  try {
    await until('the first realtime:resume', () => resumes.length === 1, 10_000);
    const total = 60;
    for (let i = 0; i < total; i++) {
      if (i === 20) {
        await crashPostgres(pgOptions.dataDir);
        // Published while PostgreSQL is down: they wait in the publisher and go out once it is back.
        for (; i < 30; i++) await publisher.toTenant(tenant.id).emit('station:load', load(stationId, i));
        await sleep(500);
        pg = await startEmbeddedPostgres({ ...pgOptions, lockWaitMs: 20_000 });
      }
      await publisher.toTenant(tenant.id).emit('station:load', load(stationId, i));
      await sleep(20);
    }
    await until('every event to reach the socket', () => applied.size === total);
    await until('the resume that follows the listener coming back', () => resumes.length >= 2);

    expect([...applied].sort((a, b) => a - b)).toEqual([...Array(total).keys()]);
    // None doubled: each event was logged and sent under one seq (a replayed copy carries the same one).
    expect([...seqsOf.values()].filter((seqs) => seqs.size > 1)).toEqual([]);
    // It stayed connected: the node resent what its LISTEN missed, the log was whole.
    expect(disconnects).toBe(0);
    expect(resumes.slice(1).every((r) => r.complete)).toBe(true);
  } finally {
    client.close();
  }
});
