import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ResumePayload, ServerToClientEvents } from '../../contracts/socket-events';
import { can, type Permission } from '../../domain/auth/permissions';
import { createPrisma, type Db } from '../../db/client';
import { ScaleClient, type CallRecord } from './client';
import { KitchenCrew, placeOrders } from './kitchen-crew';
import { SCALE_KITCHEN, type ScaleStack } from './stack';

type KdsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Outcomes a cook or an operator may see without anything being wrong (retry / it landed already). */
const BENIGN = new Set(['ok', 'UNAVAILABLE', 'CONFLICT']);
const TASKS_PER_ORDER = SCALE_KITCHEN.menu[0].recipe.phases.reduce((n, p) => n + p.tasks.length, 0);
const DEDUCTIONS_PER_ORDER = Object.keys(SCALE_KITCHEN.menu[0].ingredients).length;

export interface ScaleReport {
  crossNode: { eventViaOtherNodeMs: number; readyViaOtherNodeMs: number };
  apiKill: { orders: number; calls: number; retried: number; errors: number; outcomes: Record<string, number>; proxySocketReadyEvents: number };
  workerKill: { orders: number; tapsAfterKill: number; tapP95Ms: number; tapMaxMs: number; unavailable: number; errors: number };
  postgresKill: {
    orders: number;
    downMs: number;
    recoveryMs: number;
    drainMs: number;
    refusedWhileDown: number;
    proxySocketReadyEvents: number;
    /** The READY of the order placed once PostgreSQL was back reached the proxied KDS. */
    probeReadyHeard: boolean;
    /** Events of the phase in the tenant's log that the proxied KDS (MANAGER) may read. */
    loggedEvents: number;
    /** Of those, never heard by the proxied KDS and not excused by a `complete: false` resume. */
    missedEvents: number;
    /** Seqs the counter handed out in the phase with no row in the log (a truncated or lost write). */
    logHoles: number;
    /** Orders whose READY the proxied KDS heard under more than one seq (published twice). */
    doubledReady: number;
    incompleteResumes: number;
  };
  ledger: {
    orders: number;
    /** Orders whose createOrder answered an error (PostgreSQL going down under it) but were stored and cooked: a retry with the same idempotency key returns them. */
    unacknowledged: number;
    notReady: number;
    tasks: number;
    expectedTasks: number;
    duplicateTasks: number;
    tasksNotDone: number;
    durations: number;
    deductions: number;
    expectedDeductions: number;
  };
}

const pct = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const tally = (calls: CallRecord[]) => calls.reduce<Record<string, number>>((m, c) => ((m[c.outcome] = (m[c.outcome] ?? 0) + 1), m), {});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** Every seq a socket heard, and the resumes it was sent: what the ledger of events is checked against. */
interface HeardLog {
  seqs: Set<number>;
  resumes: ResumePayload[];
}
const heardLogs = new WeakMap<KdsSocket, HeardLog>();

/** A KDS screen's socket, resuming from the last seq it saw when it reconnects (as the web client does). */
async function kdsSocket(url: string, token: string, transports?: string[]): Promise<KdsSocket> {
  let lastSeq: number | undefined;
  const heard: HeardLog = { seqs: new Set(), resumes: [] };
  const socket: KdsSocket = io(url, {
    transports,
    reconnectionDelay: 200,
    auth: (cb) => cb(lastSeq === undefined ? { token } : { token, lastSeq }),
  });
  heardLogs.set(socket, heard);
  socket.onAny((_event, _payload, meta?: { seq?: number }) => {
    if (typeof meta?.seq !== 'number') return;
    lastSeq = meta.seq;
    heard.seqs.add(meta.seq);
  });
  socket.on('realtime:resume', (r) => {
    heard.resumes.push(r);
    // As the web client: a resume that could not replay everything moves it to the server's seq.
    if (!r.complete) lastSeq = r.seq;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('realtime:resume', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export async function runScaleChecks(stack: ScaleStack, opts: { ordersPerPhase: number; log?: (m: string) => void }): Promise<ScaleReport> {
  const log = opts.log ?? (() => undefined);
  const prisma: Db = createPrisma(stack.databaseUrl, { max: 2 });
  const sockets: KdsSocket[] = [];
  const crews: KitchenCrew[] = [];
  try {
    const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: SCALE_KITCHEN.slug } });
    const burger = await prisma.menuItem.findFirstOrThrow({ where: { tenantId: tenant.id, name: SCALE_KITCHEN.menu[0].name } });
    const stationIds = (await prisma.station.findMany({ where: { tenantId: tenant.id }, select: { id: true } })).map((s) => s.id);
    const password = SCALE_KITCHEN.users[0].password;
    const client = async (url: string, email: string) => {
      const c = new ScaleClient(url);
      await c.login(SCALE_KITCHEN.slug, email, password);
      return c;
    };
    const statuses = async (ids: string[]) =>
      (await prisma.order.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((o) => o.status as string);
    const allReady = (ids: string[], what: string, timeoutMs?: number) =>
      until(what, async () => ((await statuses(ids)).filter((s) => s === 'READY').length === ids.length ? true : undefined), timeoutMs).catch(
        async (err: Error) => {
          // Where the stuck ones stand, so a failure says what to look at.
          const stuck = await prisma.order.findMany({
            where: { id: { in: ids }, status: { not: 'READY' } },
            select: { id: true, status: true, items: { select: { status: true, tasks: { select: { taskDefId: true, status: true } } } } },
          });
          const taps = crews
            .flatMap((c) => c.client.calls)
            .filter((c) => c.outcome !== 'ok')
            .slice(-8);
          throw new Error(`${err.message}: ${JSON.stringify(stuck)}; last refused taps: ${JSON.stringify(taps)}`, { cause: err });
        },
      );
    const [api1, api2] = stack.apis.map((a) => a.url!);

    // 1 + 2. A KDS on API 1 hears an order placed through API 2; taps through API 1 cook it to READY.
    const manager1 = await client(api1, 'manager@scale.local');
    const kds1 = await kdsSocket(api1, manager1.accessToken, ['websocket']);
    sockets.push(kds1);
    const operator2 = await client(api2, 'operator@scale.local');
    const t0 = Date.now();
    const heard = new Promise<number>((resolve) => kds1.on('task:updated', () => resolve(Date.now() - t0)));
    const [first] = await placeOrders(operator2, { count: 1, menuItemId: burger.id, gapMs: 0 });
    if (!first) throw new Error(`createOrder through API 2 failed: ${JSON.stringify(operator2.calls.at(-1))}`);
    const eventViaOtherNodeMs = await Promise.race([heard, sleep(15_000).then(() => -1)]);
    if (eventViaOtherNodeMs < 0) throw new Error('the KDS socket on API 1 heard nothing of an order placed through API 2 within 15 s');
    const crew1 = new KitchenCrew(await client(api1, 'cook@scale.local'), stationIds);
    crews.push(crew1);
    crew1.start();
    await allReady([first], 'the order placed through API 2 to be READY by taps through API 1', 60_000);
    const readyViaOtherNodeMs = Date.now() - t0;
    await crew1.stop();
    log(`cross-node: event ${eventViaOtherNodeMs} ms, READY ${readyViaOtherNodeMs} ms`);

    // Everything from here goes through nginx, as a tablet or a till would.
    const proxy = stack.proxyUrl;
    const operator = await client(proxy, 'operator@scale.local');
    const cook = await client(proxy, 'cook@scale.local');
    const crew = new KitchenCrew(cook, stationIds);
    crews.push(crew);
    crew.start();
    const placed: string[] = [first];
    const managerP = await client(proxy, 'manager@scale.local');
    // The web client's transports (long-polling, then websocket): nginx must keep it on one node.
    const kdsProxy = await kdsSocket(proxy, managerP.accessToken);
    sockets.push(kdsProxy);
    const readyHeard = new Set<string>();
    const readySeqs = new Map<string, Set<number>>();
    kdsProxy.on('order:updated', (p, meta) => {
      if (p.changes.status !== 'READY') return;
      readyHeard.add(p.orderId);
      readySeqs.set(p.orderId, (readySeqs.get(p.orderId) ?? new Set()).add(meta.seq));
    });

    // 3. SIGKILL an API node mid-rush.
    const phaseA = Date.now();
    const n = opts.ordersPerPhase;
    const ordersA = await placeOrders(operator, {
      count: n,
      menuItemId: burger.id,
      gapMs: 150,
      onPlaced: async (count) => {
        if (count === Math.ceil(n / 3)) {
          await stack.apis[0].kill();
          log(`API 1 killed after ${count} orders`);
        }
      },
    });
    placed.push(...ordersA);
    await allReady(ordersA, 'the orders of the API kill phase to be READY');
    const callsA = [...operator.calls, ...cook.calls].filter((c) => c.at >= phaseA);
    const apiKill = {
      orders: ordersA.length,
      calls: callsA.length,
      retried: callsA.filter((c) => c.retried).length,
      errors: callsA.filter((c) => !BENIGN.has(c.outcome)).length + (n - ordersA.length),
      outcomes: tally(callsA),
      proxySocketReadyEvents: 0,
      probeReadyHeard: false,
    };
    await until('the proxied KDS socket to hear every READY', async () => (ordersA.every((id) => readyHeard.has(id)) ? true : undefined), 20_000).catch(
      () => undefined,
    );
    apiKill.proxySocketReadyEvents = ordersA.filter((id) => readyHeard.has(id)).length;
    log(`API kill: ${JSON.stringify(apiKill)}`);

    // 4. SIGKILL a worker mid-rush: the other one serves every tap.
    let killedAt = Infinity;
    const ordersB = await placeOrders(operator, {
      count: n,
      menuItemId: burger.id,
      gapMs: 150,
      onPlaced: async (count) => {
        if (count === Math.ceil(n / 2)) {
          await stack.workers[0].kill();
          killedAt = Date.now();
          log(`worker 1 killed after ${count} orders`);
        }
      },
    });
    placed.push(...ordersB);
    await allReady(ordersB, 'the orders of the worker kill phase to be READY');
    const taps = cook.calls.filter((c) => c.at >= killedAt && c.op !== 'stationQueue');
    const workerKill = {
      orders: ordersB.length,
      tapsAfterKill: taps.length,
      tapP95Ms: pct(
        taps.map((c) => c.ms),
        95,
      ),
      tapMaxMs: Math.max(0, ...taps.map((c) => c.ms)),
      unavailable: taps.filter((c) => c.outcome === 'UNAVAILABLE').length,
      errors: taps.filter((c) => !BENIGN.has(c.outcome)).length + (n - ordersB.length),
    };
    log(`worker kill: ${JSON.stringify(workerKill)}`);

    // 5. SIGKILL PostgreSQL mid-run, start it again: everyone reconnects, nothing is lost.
    const downMs = 3_000;
    let down: Promise<void> | undefined;
    const phaseC = Date.now();
    const seqBeforeC = await lastSeqOf(prisma, tenant.id);
    const ordersC = await placeOrders(operator, {
      count: n,
      menuItemId: burger.id,
      gapMs: 150,
      onPlaced: (count) => {
        if (count !== Math.ceil(n / 2)) return;
        down = (async () => {
          await stack.killPostgres();
          log('PostgreSQL killed');
          await sleep(downMs);
          await stack.restartPostgres();
          log('PostgreSQL restarted');
        })();
        return down;
      },
    });
    const upAt = Date.now();
    // Recovered: an order placed through the proxy is taken again.
    const [probe] = await until('an order to be taken after the restart', async () => {
      const ids = await placeOrders(operator, { count: 1, menuItemId: burger.id, gapMs: 0 });
      return ids.length ? ids : undefined;
    });
    const recoveryMs = Date.now() - upAt;
    const taken = [...ordersC, probe];
    placed.push(...taken);
    await allReady(taken, 'the orders of the PostgreSQL kill phase to be READY');
    const postgresKill = {
      orders: taken.length,
      downMs,
      recoveryMs,
      drainMs: Date.now() - upAt,
      refusedWhileDown: operator.calls.filter((c) => c.op === 'createOrder' && c.at >= phaseC && c.outcome !== 'ok').length,
      proxySocketReadyEvents: 0,
      probeReadyHeard: false,
      loggedEvents: 0,
      missedEvents: 0,
      logHoles: 0,
      doubledReady: 0,
      incompleteResumes: 0,
    };
    // The API nodes' Socket.io adapter listens on PostgreSQL too: events flow again after the restart.
    await until('the proxied KDS socket to hear every READY', async () => (taken.every((id) => readyHeard.has(id)) ? true : undefined), 20_000).catch(
      () => undefined,
    );
    postgresKill.proxySocketReadyEvents = taken.filter((id) => readyHeard.has(id)).length;
    postgresKill.probeReadyHeard = readyHeard.has(probe);
    postgresKill.doubledReady = taken.filter((id) => (readySeqs.get(id)?.size ?? 0) > 1).length;
    // Every event of the phase the proxied KDS may read reached it (or a complete: false told it to refetch).
    const events = await eventLedger(prisma, tenant.id, seqBeforeC, heardLogs.get(kdsProxy)!);
    Object.assign(postgresKill, events);
    log(`PostgreSQL kill: ${JSON.stringify(postgresKill)}`);
    // An order stored while its createOrder answered an error (PostgreSQL going down) is cooked too:
    // the crew stops once every stored order is READY, not only the acknowledged ones.
    const stored = (await prisma.order.findMany({ where: { tenantId: tenant.id }, select: { id: true } })).map((o) => o.id);
    await allReady(stored, 'every stored order, acknowledged or not, to be READY');
    await crew.stop();

    // The ledger: every order taken once, every task once and DONE, one duration and one
    // deduction per ingredient each — whatever died on the way.
    const orders = await prisma.order.findMany({ where: { tenantId: tenant.id }, select: { id: true, status: true } });
    const tasks = await prisma.taskInstance.findMany({
      where: { tenantId: tenant.id },
      select: { id: true, status: true, orderItemId: true, taskDefId: true },
    });
    const keys = new Set(tasks.map((t) => `${t.orderItemId}:${t.taskDefId}`));
    const ledger = {
      orders: orders.length,
      unacknowledged: orders.length - placed.length,
      notReady: orders.filter((o) => o.status !== 'READY').length,
      tasks: tasks.length,
      expectedTasks: orders.length * TASKS_PER_ORDER,
      duplicateTasks: tasks.length - keys.size,
      tasksNotDone: tasks.filter((t) => t.status !== 'DONE').length,
      durations: await prisma.taskDuration.count({ where: { tenantId: tenant.id } }),
      deductions: await prisma.inventoryMovement.count({ where: { tenantId: tenant.id, movementType: 'order_deduction' } }),
      expectedDeductions: orders.length * DEDUCTIONS_PER_ORDER,
    };
    log(`ledger: ${JSON.stringify(ledger)}`);
    return { crossNode: { eventViaOtherNodeMs, readyViaOtherNodeMs }, apiKill, workerKill, postgresKill, ledger };
  } finally {
    await Promise.all(crews.map((c) => c.stop()));
    for (const s of sockets) s.close();
    await prisma.$disconnect();
  }
}

/** The tenant's event counter (0 before its first event). */
async function lastSeqOf(prisma: Db, tenantId: string): Promise<number> {
  const rows = await prisma.$queryRaw<Array<{ last_seq: bigint }>>`SELECT last_seq FROM realtime_sequences WHERE tenant_id = ${tenantId}::uuid`;
  return Number(rows[0]?.last_seq ?? 0);
}

/** The phase's logged events against what the MANAGER socket heard; waits a little for the last ones to arrive. */
async function eventLedger(prisma: Db, tenantId: string, afterSeq: number, heard: HeardLog) {
  const lastSeq = await lastSeqOf(prisma, tenantId);
  const rows = await prisma.$queryRaw<Array<{ seq: bigint; permission: string }>>`
    SELECT seq, permission FROM realtime_events WHERE tenant_id = ${tenantId}::uuid AND seq > ${afterSeq} AND seq <= ${lastSeq} ORDER BY seq`;
  // Events to one user (permission `user:<id>`) are not the KDS's; every other it may read.
  const readable = rows.filter((r) => !r.permission.startsWith('user:') && can('MANAGER', r.permission as Permission)).map((r) => Number(r.seq));
  const excusedUpTo = Math.max(afterSeq, ...heard.resumes.filter((r) => !r.complete).map((r) => r.seq));
  const missed = () => readable.filter((seq) => seq > excusedUpTo && !heard.seqs.has(seq)).length;
  await until('the proxied KDS socket to hear every logged event', async () => (missed() === 0 ? true : undefined), 20_000).catch(() => undefined);
  return {
    loggedEvents: readable.length,
    missedEvents: missed(),
    logHoles: lastSeq - afterSeq - rows.length,
    incompleteResumes: heard.resumes.filter((r) => !r.complete).length,
  };
}

/** The checks' verdicts: an empty list passes. */
export function failedChecks(r: ScaleReport): string[] {
  const failed: string[] = [];
  if (r.apiKill.errors > 0) failed.push(`API kill: ${r.apiKill.errors} client-visible errors after one retry`);
  if (r.apiKill.proxySocketReadyEvents < r.apiKill.orders)
    failed.push(`API kill: the proxied KDS heard ${r.apiKill.proxySocketReadyEvents}/${r.apiKill.orders} READY`);
  if (!r.postgresKill.probeReadyHeard) failed.push('PostgreSQL kill: no event reached the proxied KDS after the restart');
  if (r.postgresKill.proxySocketReadyEvents < r.postgresKill.orders) {
    failed.push(`PostgreSQL kill: the proxied KDS heard ${r.postgresKill.proxySocketReadyEvents}/${r.postgresKill.orders} READY after the restart`);
  }
  const pk = r.postgresKill;
  if (pk.missedEvents > 0) failed.push(`PostgreSQL kill: the proxied KDS missed ${pk.missedEvents}/${pk.loggedEvents} logged events`);
  if (pk.logHoles > 0) failed.push(`PostgreSQL kill: ${pk.logHoles} seqs handed out with no event in the log`);
  if (pk.doubledReady > 0) failed.push(`PostgreSQL kill: ${pk.doubledReady} orders' READY published twice`);
  if (r.workerKill.errors > 0) failed.push(`worker kill: ${r.workerKill.errors} tap errors`);
  if (r.workerKill.tapMaxMs >= 3_000) failed.push(`worker kill: a tap took ${r.workerKill.tapMaxMs} ms (≥ 3 s)`);
  const l = r.ledger;
  if (l.notReady > 0) failed.push(`${l.notReady} orders not READY`);
  if (l.tasks !== l.expectedTasks || l.duplicateTasks > 0 || l.tasksNotDone > 0) failed.push(`tasks: ${JSON.stringify(l)}`);
  if (l.durations !== l.tasks) failed.push(`durations ${l.durations} for ${l.tasks} tasks`);
  if (l.deductions !== l.expectedDeductions) failed.push(`inventory deductions ${l.deductions}, expected ${l.expectedDeductions}`);
  return failed;
}
