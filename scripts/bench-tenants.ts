/**
 * `npm run bench:tenants`: many small kitchens on one Brigade (bench/README.md, "many tenants").
 * Its own stack (bench/stack.ts) plus an API and kitchen workers on a queue of their own, all
 * on loopback. Phases: every tenant at 60 orders/hour cooked by its crew (event latency, ETA
 * runs per second, tenants held); worker memory with them held and after they went quiet and
 * were released; throughput with 1, 2, 3 workers against the no-op baseline, side by side.
 * Options: --tenants 50 --seconds 60 --orders-per-hour 60 --cook-speed 30 --idle-seconds 20
 * --max-workers 3 --rounds 2 --step-seconds 6; --quick is --seconds 30 --rounds 1 --step-seconds 5.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createRand } from './sim/prng';
import { startBenchStack } from './bench/stack';
import { TenantCrew, type CrewLatencies } from './bench/tenant-crew';
import { openTenantKitchens, seedTenantKitchens } from './bench/tenant-kitchens';
import { startTenantsApi, TenantWorkers, type WorkerMemory } from './bench/tenants-processes';
import { runScaling } from './bench/tenants-scaling';
import { runSteadyPhase, summarize } from './bench/tenants-steady';
import { setTimeout as sleep } from 'node:timers/promises';

const HARD_LIMIT_MS = 20 * 60_000;
const log = (m: string) => console.log(`[bench:tenants] ${m}`);
const mb = (bytes: number) => bytes / 2 ** 20;

function options() {
  const { values } = parseArgs({
    options: {
      tenants: { type: 'string', default: '50' },
      seconds: { type: 'string' },
      'orders-per-hour': { type: 'string', default: '60' },
      'cook-speed': { type: 'string', default: '30' },
      'idle-seconds': { type: 'string', default: '20' },
      'max-workers': { type: 'string', default: '3' },
      rounds: { type: 'string' },
      'step-seconds': { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
  });
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  return {
    tenants: num(values.tenants, 50),
    seconds: num(values.seconds, values.quick ? 30 : 60),
    ordersPerHour: num(values['orders-per-hour'], 60),
    cookSpeed: num(values['cook-speed'], 30),
    idleSeconds: num(values['idle-seconds'], 20),
    maxWorkers: num(values['max-workers'], 3),
    rounds: num(values.rounds, values.quick ? 1 : 2),
    stepSeconds: num(values['step-seconds'], values.quick ? 5 : 6),
  };
}

async function main(): Promise<void> {
  const opts = options();
  const t0 = Date.now();
  const loadStart = os.loadavg().map((l) => l.toFixed(2));
  setTimeout(() => (console.error('[bench:tenants] hard time limit reached, exiting'), process.exit(2)), HARD_LIMIT_MS).unref();
  log(`options ${JSON.stringify(opts)}; load average ${loadStart.join(' ')} on ${os.cpus().length} cores`);
  const stack = await startBenchStack(log);
  const workers = new TenantWorkers(stack, opts.idleSeconds);
  let api: Awaited<ReturnType<typeof startTenantsApi>> | null = null;
  try {
    const seeded = Date.now();
    await seedTenantKitchens(stack.prisma, opts.tenants);
    log(`${opts.tenants} tenants seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    [api] = await Promise.all([startTenantsApi(stack), workers.scaleTo(1)]);
    const kitchens = await openTenantKitchens(api.url, opts.tenants);
    const latencies: CrewLatencies = { firstTask: [], dependent: [] };
    const crews = kitchens.map((k) => new TenantCrew(k, latencies));
    for (const crew of crews) crew.cookSpeed = opts.cookSpeed;
    const before = await workers.measure();

    log(`steady: every tenant at ${opts.ordersPerHour} orders/hour for ${opts.seconds} s, crews cooking ×${opts.cookSpeed}…`);
    const steady = await runSteadyPhase({
      crews,
      workers,
      rand: createRand(60),
      ordersPerHour: opts.ordersPerHour,
      durationMs: opts.seconds * 1000,
      drainMs: 30_000,
    });
    const idle = await workers.measure();
    log(
      `  ${steady.placed} orders, ${steady.ready} ready, ${steady.cancelledAtEnd} cancelled at the end, ${steady.failures.length} failures; ETA runs ${steady.etaRunsPerSecond.toFixed(1)}/s; tenants held while busy ${steady.cachedWhileBusy.min}–${steady.cachedWhileBusy.max}`,
    );
    const crewErrors = crews.flatMap((c) => c.errors);
    if (crewErrors.length) log(`  crews: ${crewErrors.length} KDS calls failed, e.g. ${crewErrors[0]}`);
    log(`  createOrder → first task:updated QUEUED ${JSON.stringify(summarize(latencies.firstTask))} ms`);
    log(`  completeTask → dependent task:updated QUEUED ${JSON.stringify(summarize(latencies.dependent))} ms`);

    log(`quiet: waiting for the worker to release the tenants (idle ${opts.idleSeconds} s)…`);
    const quietFrom = Date.now();
    let released: WorkerMemory | null = null;
    while (Date.now() - quietFrom < (opts.idleSeconds + 90) * 1000) {
      const [stats] = await workers.stats();
      if (stats.cached.mirrors === 0 && stats.cached.learned === 0) {
        released = await workers.measure();
        break;
      }
      await sleep(1_000);
    }
    reportMemory(before, steady.atArrivalsEnd, idle, released, quietFrom);

    log(`throughput with 1…${opts.maxWorkers} workers, ours vs no-op (K = 3 per worker, ${opts.rounds} round(s) of ${opts.stepSeconds} s)…`);
    const rows = await runScaling({
      stack,
      workers,
      kitchens,
      crews,
      maxWorkers: opts.maxWorkers,
      perWorker: 3,
      stepMs: opts.stepSeconds * 1000,
      rounds: opts.rounds,
      log,
    });
    const base = rows[0];
    for (const row of rows) {
      const ratio = row.oursMedian && row.noopMedian ? row.oursMedian / row.noopMedian : null;
      const growth = (v: number | null, b: number | null) => (v && b ? `${(v / b).toFixed(2)}×` : '–');
      log(
        `  ${row.workers} worker(s): ours ${row.oursMedian?.toFixed(2)} items/s (${growth(row.oursMedian, base.oursMedian)} of 1 worker, p95 ${row.oursP95Ms} ms), no-op ${row.noopMedian?.toFixed(2)} (${growth(row.noopMedian, base.noopMedian)}), ours/no-op ${ratio === null ? '–' : `${Math.round(ratio * 100)} %`}`,
      );
    }
    log(
      `done in ${Math.round((Date.now() - t0) / 1000)} s; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const k of kitchens) k.socket.close();
  } finally {
    await workers.stop();
    await api?.stop();
    await stack.stop();
  }
  process.exit(0);
}

/** Heap after two full GCs at each point; what a tenant's caches cost is what their release frees. */
function reportMemory(before: WorkerMemory, busy: WorkerMemory, idle: WorkerMemory, released: WorkerMemory | null, quietFrom: number): void {
  const line = (what: string, m: WorkerMemory) =>
    log(
      `  ${what}: heap ${mb(m.heapUsed).toFixed(1)} MB, RSS ${mb(m.rss).toFixed(1)} MB, tenants held ${m.cached.mirrors} (mirrors) / ${m.cached.learned} (learned durations)`,
    );
  line('worker before any order', before);
  line('when the last order arrived', busy);
  line('orders done, tenants quiet', idle);
  if (!released) return log('  the tenants were NOT released in time');
  line(`released after ${((Date.now() - quietFrom) / 1000).toFixed(0)} s quiet`, released);
  const per = (from: WorkerMemory) => (from.cached.mirrors > 0 ? `${((from.heapUsed - released.heapUsed) / from.cached.mirrors / 1024).toFixed(1)} KB` : '–');
  log(`  heap per tenant: ${per(busy)} with its open orders (their workflows included), ${per(idle)} for its caches alone once quiet`);
}

main().catch((err) => {
  console.error('[bench:tenants] failed:', err);
  process.exit(1);
});
