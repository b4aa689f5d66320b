import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectTemporal } from '../../temporal/connection';
import { bundleWorkflows } from '../../temporal/worker';
import { encryptCredentials } from '../../platforms/credentials';
import { startSandboxPlatform, type SandboxPlatform } from '../../sandbox-platform/server';
import { makeEvent } from '../../sandbox-platform/webhooks';
import bcrypt from 'bcryptjs';
import { testPrisma, requireTestEnv, TEST_PASSWORD } from '../../test/support/db';
import { createKitchen, deleteKitchens, type Kitchen } from '../../test/support/kitchen-fixture';
import { kitchenDriver } from '../../test/support/kitchen-driver';
import { eventually } from '../../test/support/kitchen-harness';
import { deletePlatformRows } from '../../test/support/test-platform';

// Marketplace orders while processes die: the API (real app, its own process) is SIGKILLed while
// webhooks are arriving, the worker (its own process) while the orders are being taken, the API
// again between READY and the hand-off, and the worker while orders are out with our riders. The
// sandbox marketplace redelivers like a real one; its ledger must show one accept, one "ready",
// one "picked up" and (for delivered orders) one "delivered" per order, and the kitchen one order
// per platform order. Recovery waits for Temporal's timeouts (a platform call's start-to-close is
// 30 s), so this test takes a while by design.
jest.setTimeout(420_000);

const ORDERS = 6;
const prisma = testPrisma();
const kitchens: Kitchen[] = [];
const children: ChildProcess[] = [];
let sandbox: SandboxPlatform | undefined;
let dir: string;
let bundlePath: string;
let temporal: Awaited<ReturnType<typeof connectTemporal>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-platform-durability-'));
  bundlePath = path.join(dir, 'workflow-bundle.js');
  await bundleWorkflows({ outFile: bundlePath });
  temporal = await connectTemporal({ address: requireTestEnv('TEMPORAL_ADDRESS'), namespace: requireTestEnv('TEMPORAL_NAMESPACE') });
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sandbox?.stop();
  await deletePlatformRows(
    prisma,
    kitchens.map((k) => k.tenantId),
  );
  await deleteKitchens(prisma, kitchens);
  await temporal?.connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `node --import tsx <script>`, resolved with its first stdout line containing `ready` (the rest of that line). */
function startProcess(script: string, ready: string, taskQueue: string): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../test/support', script)], {
    env: { ...process.env, KITCHEN_TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE: bundlePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const line = chunk
        .toString()
        .split('\n')
        .find((l) => l.startsWith(ready));
      if (line) resolve({ child, said: line.slice(ready.length).trim() });
    });
    child.on('exit', (code, signal) => reject(new Error(`${script} exited (${signal ?? code}) before it was ready:\n${stderr}`)));
  });
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

it('keeps one accept, ready, picked up and delivered per platform order while the API and the worker are killed', async () => {
  const kitchen = await createKitchen(prisma);
  kitchens.push(kitchen);
  const taskQueue = `platform-durability-${randomUUID()}`;
  const k = kitchenDriver({ client: temporal.client, prisma, taskQueue }, kitchen);
  let worker = (await startProcess('worker-process.ts', 'worker-ready', taskQueue)).child;
  let api = await startProcess('platform-api-process.ts', 'api-ready', taskQueue);

  const apiKey = `key-${randomUUID()}`;
  const secret = `whsec-${randomUUID()}`;
  sandbox = await startSandboxPlatform({ apiKey });
  const platform = await prisma.platform.create({
    data: {
      tenantId: kitchen.tenantId,
      name: `Sandbox ${randomUUID().slice(0, 6)}`,
      type: 'DELIVERY',
      connector: 'generic-rest',
      // Our riders take its orders out: picked up when they leave, delivered at the door.
      config: { baseUrl: sandbox.url, timeoutMs: 1_000, deliveredBy: 'restaurant' },
      credentialsEncrypted: encryptCredentials({ apiKey, webhookSecrets: [secret] }),
    },
  });
  const salad = `sb-salad-${randomUUID().slice(0, 6)}`;
  await prisma.productPlatformAssignment.create({
    data: { tenantId: kitchen.tenantId, platformId: platform.id, menuItemId: kitchen.menu.salad.menuItemId, platformProductId: salad },
  });
  const control = sandbox.control;
  const target = (url: string) => ({ url: `${url}/webhooks/platforms/${platform.id}`, secret });
  control.setWebhookTarget(target(api.said));

  // Webhooks arrive; the API dies under them.
  const ids = Array.from({ length: ORDERS }, (_, i) => `ord-${i}-${randomUUID().slice(0, 6)}`);
  // The last two orders' accepts fail twice (retried after 1 s, then 2 s), so the worker kill at
  // the first accept finds them still being taken, however fast the others went.
  control.injectFault({ match: new RegExp(`/orders/(${ids[4]}|${ids[5]})/accept$`), kind: '500', times: 4 });
  // A few milliseconds apart, as orders come in: the kill below finds some stored, some in flight, some not yet sent.
  const injected = (async () => {
    const placing = [];
    for (const id of ids) {
      placing.push(control.injectOrder({ id, items: [{ productId: salad, quantity: 1 }] }));
      await sleep(60);
    }
    await Promise.all(placing);
  })();
  // Killed as soon as it has stored a first event: the other deliveries are in flight or not yet made.
  await eventually(
    async () => ((await prisma.platformWebhookEvent.count({ where: { platformId: platform.id } })) > 0 ? true : undefined),
    'a first event stored',
    30_000,
  );
  await kill(api.child);
  const storedAtKill = await prisma.platformWebhookEvent.count({ where: { platformId: platform.id } });
  api = await startProcess('platform-api-process.ts', 'api-ready', taskQueue);
  control.setWebhookTarget(target(api.said));
  await injected;
  await control.idle();
  // The marketplace redelivers what it could not deliver (and a little more): every order again.
  for (const id of ids) await control.sendEvent(makeEvent('order.placed', control.order(id)));
  await control.idle();

  // The worker dies while orders are being taken (intake, our order, the accept).
  await eventually(async () => (control.orders().some((o) => o.status === 'accepted') ? true : undefined), 'a first accept', 60_000);
  await kill(worker);
  const acceptedAtKill = control.orders().filter((o) => o.status === 'accepted').length;
  worker = (await startProcess('worker-process.ts', 'worker-ready', taskQueue)).child;

  // Every platform order becomes exactly one kitchen order; the line cooks it.
  const rows = await eventually(
    async () => {
      const r = await prisma.platformOrder.findMany({ where: { platformId: platform.id } });
      return r.length === ORDERS && r.every((x) => x.orderId) ? r : undefined;
    },
    'every platform order linked to a kitchen order',
    120_000,
  );
  for (const row of rows) {
    const item = await prisma.orderItem.findFirstOrThrow({ where: { orderId: row.orderId! } });
    const task = await k.task(item.id, 'toss');
    if (task.status === 'QUEUED') await k.ok(item.id, 'startTask', { taskId: task.id });
    await k.ok(item.id, 'completeTask', { taskId: task.id });
  }
  await eventually(async () => (ids.every((id) => control.order(id)?.status === 'ready') ? true : undefined), 'every order ready on the platform', 120_000);
  await sleep(3_500); // one more status poll of each workflow: nothing more to say

  // The API dies between READY and the hand-off; the pass hands off through the new one. Half
  // the orders are collected, half go out with a rider, and the worker dies while they are out.
  await kill(api.child);
  api = await startProcess('platform-api-process.ts', 'api-ready', taskQueue);
  const staff = await staffToken(api.said, kitchen.tenantId);
  const [collected, delivered] = [rows.slice(0, ORDERS / 2), rows.slice(ORDERS / 2)];
  for (const row of collected) await handOff(api.said, staff, row.orderId!, 'PICKED_UP');
  for (const row of delivered) await handOff(api.said, staff, row.orderId!, 'OUT_FOR_DELIVERY');
  await kill(worker);
  worker = (await startProcess('worker-process.ts', 'worker-ready', taskQueue)).child;
  for (const row of delivered) await handOff(api.said, staff, row.orderId!, 'DELIVERED');
  const platformIds = (list: typeof rows) => list.map((r) => r.platformOrderId);
  await eventually(
    async () =>
      platformIds(collected).every((id) => control.order(id)?.status === 'picked_up') &&
      platformIds(delivered).every((id) => control.order(id)?.status === 'delivered')
        ? true
        : undefined,
    'every order picked up or delivered on the platform',
    120_000,
  );
  await sleep(3_500); // one more status poll of each workflow: nothing more to say

  // Applied: answered 2xx (not the injected 500s) and not an idempotent replay.
  const applied = (id: string, path: string, status?: string) =>
    control.calls(new RegExp(`^POST /v1/orders/${id}/${path}$`)).filter((c) => c.status < 300 && (!status || (c.body as { status?: string }).status === status))
      .length;
  const calls = (id: string) => [
    id,
    applied(id, 'accept'),
    applied(id, 'status', 'ready'),
    applied(id, 'status', 'picked_up'),
    applied(id, 'status', 'delivered'),
    applied(id, 'deny'),
  ];
  expect(platformIds(collected).map(calls)).toEqual(platformIds(collected).map((id) => [id, 1, 1, 1, 0, 0]));
  expect(platformIds(delivered).map(calls)).toEqual(platformIds(delivered).map((id) => [id, 1, 1, 1, 1, 0]));
  const finals = await prisma.order.findMany({ where: { tenantId: kitchen.tenantId }, select: { id: true, status: true } });
  expect(finals.filter((o) => o.status === 'PICKED_UP')).toHaveLength(ORDERS / 2);
  expect(finals.filter((o) => o.status === 'DELIVERED')).toHaveLength(ORDERS / 2);
  const orders = await prisma.order.findMany({ where: { tenantId: kitchen.tenantId } });
  expect(orders).toHaveLength(ORDERS);
  expect(new Set(rows.map((r) => r.orderId)).size).toBe(ORDERS);
  const deliveries = control.deliveries();
  console.log(
    `platform durability: API killed with ${storedAtKill}/${ORDERS} events stored, worker killed with ${acceptedAtKill}/${ORDERS} accepted; ` +
      `${deliveries.length} deliveries (${deliveries.filter((d) => d.status === null).length} to a dead API), ${control.ledger().filter((e) => e.replayed).length} replayed calls`,
  );
  // Both kills landed mid-way: not every event was stored, not every order accepted.
  expect(storedAtKill).toBeLessThan(ORDERS);
  expect(acceptedAtKill).toBeLessThan(ORDERS);
  await kill(api.child);
  await kill(worker);
});

/** A STAFF user of the kitchen (the pass), signed in through the API under test. */
async function staffToken(apiUrl: string, tenantId: string): Promise<string> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const email = `pass-${randomUUID().slice(0, 6)}@${tenant.slug}.test`;
  await prisma.user.create({ data: { tenantId, email, name: 'Pass', role: 'STAFF', passwordHash: await bcrypt.hash(TEST_PASSWORD, 4) } });
  const res = await gql(apiUrl, '', 'mutation($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }', {
    t: tenant.slug,
    e: email,
    p: TEST_PASSWORD,
  });
  return (res.data as { login: { accessToken: string } }).login.accessToken;
}

/** The one-tap hand-off; UNAVAILABLE (no worker yet) is retried as a person would tap again. */
async function handOff(apiUrl: string, token: string, orderId: string, to: string): Promise<void> {
  const query = 'mutation($id: ID!, $to: HandOffStatus!) { handOffOrder(id: $id, to: $to) { status } }';
  await eventually(
    async () => {
      const res = await gql(apiUrl, token, query, { id: orderId, to });
      const code = res.errors?.[0]?.extensions?.code;
      if (code === 'UNAVAILABLE') return undefined;
      // An earlier try the worker took up late has made the change already.
      if (code === 'CONFLICT' && (await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status === to) return true;
      if (res.errors) throw new Error(`${to} refused: ${JSON.stringify(res.errors)}`);
      return true;
    },
    `${to} for ${orderId}`,
    60_000,
  );
}

async function gql(apiUrl: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}
