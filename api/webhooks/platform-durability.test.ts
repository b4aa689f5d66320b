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
import { testPrisma, requireTestEnv } from '../../test/support/db';
import { createKitchen, deleteKitchens, type Kitchen } from '../../test/support/kitchen-fixture';
import { kitchenDriver } from '../../test/support/kitchen-driver';
import { eventually } from '../../test/support/kitchen-harness';
import { deletePlatformRows } from '../../test/support/test-platform';

// Marketplace orders while processes die: the API (real app, its own process) is SIGKILLed while
// webhooks are arriving and the worker (its own process) while the orders are being taken. The
// sandbox marketplace redelivers like a real one; its ledger must show one accept and one
// "ready" per order, and the kitchen one order per platform order. Recovery waits for Temporal's
// timeouts (a platform call's start-to-close is 30 s), so this test takes a while by design.
jest.setTimeout(240_000);

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

it('keeps one accept and one ready per platform order while the API and the worker are killed mid-webhook', async () => {
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
      config: { baseUrl: sandbox.url, timeoutMs: 1_000 },
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

  const applied = (id: string, path: string, status?: string) =>
    control.calls(new RegExp(`^POST /v1/orders/${id}/${path}$`)).filter((c) => !status || (c.body as { status?: string }).status === status).length;
  expect(ids.map((id) => [id, applied(id, 'accept'), applied(id, 'status', 'ready'), applied(id, 'deny')])).toEqual(ids.map((id) => [id, 1, 1, 0]));
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
