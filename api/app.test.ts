import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../config/env';
import type { Db } from '../db/client';
import { connectTemporal } from '../temporal/connection';
import { createTestTenant, requireTestEnv, testPrisma } from '../test/support/db';
import { connectClient, userTokenFor } from '../test/support/socket-clients';
import { startApiServer, type RunningApiServer } from './server';

/** The composed API over real http: GraphQL, /healthz, the SPA, JSON 404s, Socket.io, clean shutdown. */
const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `app-test-${randomUUID()}` });
const namespace = requireTestEnv('TEMPORAL_NAMESPACE');

const prisma: Db = testPrisma();
let temporal: Awaited<ReturnType<typeof connectTemporal>>;
let webDist: string;
let api: RunningApiServer;

beforeAll(async () => {
  temporal = await connectTemporal({ address: requireTestEnv('TEMPORAL_ADDRESS'), namespace });
  webDist = mkdtempSync(path.join(os.tmpdir(), 'brigade-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Brigade</title><div id="root"></div>');
  writeFileSync(path.join(webDist, 'assets', 'app-3f9a.js'), 'console.log("brigade")');
  api = await startApiServer({ prisma, env, temporal: { client: temporal.client, namespace }, port: 0, host: '127.0.0.1', webDist });
});

afterAll(async () => {
  await api?.close();
  await temporal?.connection.close();
  rmSync(webDist, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(`${api.url}${p}`, init);

it('serves the built web app at / and falls back to index.html for client-side routes', async () => {
  for (const route of ['/', '/kds/grill', '/orders/42']) {
    const res = await get(route);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<div id="root">');
  }
});

it('serves hashed assets with a long cache and answers 404 for a missing asset', async () => {
  const asset = await get('/assets/app-3f9a.js');
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await get('/assets/app-0000.js')).status).toBe(404);
});

it('answers unknown API paths with a JSON 404, never the SPA shell', async () => {
  for (const [method, route] of [
    ['GET', '/api/nope'],
    ['GET', '/healthz/extra'],
    ['POST', '/orders'],
    ['DELETE', '/'],
  ]) {
    const res = await get(route, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: `No route for ${method} ${route}` } });
  }
});

it('mounts GraphQL at /graphql', async () => {
  const res = await get('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
});

it('answers /healthz with db and temporal ok, and degraded (503) while no worker polls its task queue', async () => {
  const res = await get('/healthz');
  expect(res.status).toBe(503);
  expect(await res.json()).toMatchObject({ status: 'degraded', db: 'ok', temporal: 'ok', worker: expect.stringMatching(/no worker polling/) });
});

it('explains how to build the web app when it is not built', async () => {
  const bare = await startApiServer({
    prisma,
    env,
    temporal: null,
    port: 0,
    host: '127.0.0.1',
    webDist: path.join(webDist, 'missing'),
  });
  try {
    const res = await fetch(`${bare.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('not built');
    expect(html).toContain('npm run build:web');
    expect(html).not.toContain(os.tmpdir()); // no absolute server path in the page
  } finally {
    await bare.close();
  }
});

it('close() disconnects sockets and stops listening', async () => {
  const server = await startApiServer({ prisma, env, temporal: null, port: 0, host: '127.0.0.1', webDist });
  const client = await connectClient(server.url, userTokenFor(await createTestTenant(prisma, { stations: [] }), env.JWT_SECRET));
  const disconnected = new Promise<string>((resolve) => client.once('disconnect', resolve));
  await server.close();
  // Not a server "disconnect": clients of a node that shuts down reconnect (to another node) by themselves.
  expect(await disconnected).toBe('transport close');
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
});
