import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import express from 'express';
import { createPrisma, type Db } from '../db/client';
import { connectTemporal } from '../temporal/connection';
import { getFreePort } from '../temporal/ports';
import { requireTestEnv, testPrisma } from '../test/support/db';
import { version } from '../package.json';
import { healthRouter, type HealthOptions } from './health';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { workerProcesses, type WorkerProcesses } from '../test/support/worker-processes';

/** Real PostgreSQL and the real Temporal dev server from test/global-setup.ts, real http on port 0. */
const namespace = requireTestEnv('TEMPORAL_NAMESPACE');

const prisma: Db = testPrisma();
let temporal: Awaited<ReturnType<typeof connectTemporal>>;
const servers: Server[] = [];
const toClose: Array<() => Promise<unknown>> = [];
/**
 * The SDK's gRPC retry interceptor keeps a backoff timer for the unreachable call running past its
 * deadline (UNAVAILABLE is retried: ~170, 290, 490, 835 ms… with ±20% jitter), and closing the
 * channel under that timer throws an uncaught "Channel has been shut down". There is no event to
 * await, so teardown waits until the retry window of a 1 s deadline has certainly passed.
 */
let unreachableCheckEndsAt = 0;
const RETRY_WINDOW_AFTER_1S_DEADLINE_MS = 2_500;

beforeAll(async () => {
  temporal = await connectTemporal({ address: requireTestEnv('TEMPORAL_ADDRESS'), namespace });
});

let workers: WorkerProcesses | undefined;

afterAll(async () => {
  await workers?.stopAll();
  const wait = unreachableCheckEndsAt - Date.now();
  if (wait > 0) await sleep(wait);
  for (const server of servers) server.close();
  await Promise.all(toClose.map((close) => close()));
  await temporal?.connection.close();
});

async function getHealth(options: HealthOptions): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const app = express().use(healthRouter(options));
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
}

it('answers 200 with db and temporal ok when both answer', async () => {
  const { status, body } = await getHealth({ prisma, temporal: { client: temporal.client, namespace } });
  expect(status).toBe(200);
  expect(body).toEqual({ status: 'ok', db: 'ok', temporal: 'ok', version, uptimeSeconds: expect.any(Number) });
});

it('answers 503 naming temporal, within the timeout, when the Temporal server is unreachable', async () => {
  const closedPort = await getFreePort();
  const connection = Connection.lazy({ address: `127.0.0.1:${closedPort}` });
  toClose.push(() => connection.close());
  const client = new Client({ connection, namespace });
  unreachableCheckEndsAt = Date.now() + RETRY_WINDOW_AFTER_1S_DEADLINE_MS;

  const { status, body, ms } = await getHealth({ prisma, temporal: { client, namespace }, timeoutMs: 1_000 });
  expect(status).toBe(503);
  expect(body.status).toBe('degraded');
  expect(body.db).toBe('ok');
  expect(body.temporal).not.toBe('ok');
  expect(body.temporal).toMatch(/temporal/i);
  expect(ms).toBeLessThan(3_000);
});

it('answers 503 naming the database when PostgreSQL is unreachable', async () => {
  const closedPort = await getFreePort();
  const deadDb = createPrisma(`postgresql://nobody:nothing@127.0.0.1:${closedPort}/none`);
  toClose.push(() => deadDb.$disconnect());

  const { status, body, ms } = await getHealth({ prisma: deadDb, temporal: { client: temporal.client, namespace }, timeoutMs: 1_000 });
  expect(status).toBe(503);
  expect(body).toMatchObject({ status: 'degraded', temporal: 'ok' });
  expect(body.db).not.toBe('ok');
  expect(typeof body.db).toBe('string');
  expect(ms).toBeLessThan(3_000);
});

it('reports temporal as not configured (503) when the API runs without a Temporal client', async () => {
  const { status, body } = await getHealth({ prisma, temporal: null });
  expect(status).toBe(503);
  expect(body).toMatchObject({ status: 'degraded', db: 'ok', temporal: 'not configured' });
});

/** Polls /healthz until `done` holds; the worker's pollers and backlog show up within seconds. */
async function healthUntil(options: HealthOptions, done: (r: { status: number; body: Record<string, unknown> }) => boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await getHealth(options);
    if (done(r)) return r;
    if (Date.now() > deadline) throw new Error(`/healthz never showed ${what} within ${timeoutMs} ms; last: ${JSON.stringify(r.body)}`);
    await sleep(250);
  }
}

it('reports degraded (503) naming the queue when no worker has ever polled it', async () => {
  const taskQueue = `health-none-${randomUUID()}`;
  const { status, body } = await getHealth({ prisma, temporal: { client: temporal.client, namespace }, taskQueue });
  expect(status).toBe(503);
  expect(body).toMatchObject({ status: 'degraded', db: 'ok', temporal: 'ok' });
  expect(body.worker).toBe(`no worker polling workflow tasks on ${taskQueue} (none seen)`);
});

it('reports the worker: ok while one polls, degraded soon after a SIGKILL once work waits, ok again after a restart', async () => {
  workers = await workerProcesses();
  const taskQueue = `health-${randomUUID()}`;
  const options: HealthOptions = { prisma, temporal: { client: temporal.client, namespace }, taskQueue };
  const first = await workers.start(taskQueue);
  const ok = await healthUntil(options, (r) => r.status === 200, 'the new worker', 15_000);
  expect(ok.body).toMatchObject({ status: 'ok', db: 'ok', temporal: 'ok', worker: 'ok' });

  await workers.kill(first);
  const killedAt = Date.now();
  // Work for the dead worker: its first workflow task waits on the queue. The type is unknown to
  // the worker on purpose (nothing runs); the test terminates it.
  const probe = await temporal.client.workflow.start('healthProbe', { taskQueue, workflowId: `health-probe-${randomUUID()}` });
  try {
    const degraded = await healthUntil(options, (r) => r.status === 503, 'the dead worker', 30_000);
    const detectedMs = Date.now() - killedAt;
    console.log(`/healthz degraded ${detectedMs} ms after the worker's SIGKILL: ${String(degraded.body.worker)}`);
    expect(degraded.body).toMatchObject({ status: 'degraded', db: 'ok', temporal: 'ok' });
    expect(degraded.body.worker).toMatch(new RegExp(`workflow tasks on ${taskQueue} waiting \\d+ s for a worker`));
    expect(detectedMs).toBeLessThan(20_000);

    await workers.start(taskQueue);
    const back = await healthUntil(options, (r) => r.status === 200, 'the restarted worker', 30_000);
    expect(back.body).toMatchObject({ status: 'ok', worker: 'ok' });
  } finally {
    await probe.terminate('health test done');
  }
}, 120_000);
