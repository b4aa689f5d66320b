/**
 * `npm run bench`: measures Brigade on this machine and writes bench/report.md + report.json.
 * Starts its own stack in-process (bench/stack.ts), so it needs no `npm start`. Phases, in order:
 * ETA (pure, then end to end at 100/500 active tasks), event latency at 300 orders/hour on the
 * 500-task backlog, ETA end to end at 1,000, throughput ladder ours vs no-op, worker memory.
 * What each number means and the targets: bench/README.md.
 */
import os from 'node:os';
import path from 'node:path';
import { createRand } from './sim/prng';
import { CANCEL_ORDER } from './sim/queries';
import { connectSocket } from './sim/socket';
import { oursRunOne, startNoopKitchen } from './bench/drivers';
import { growBacklog, measureEtaEndToEnd, runPureEtaBench, type E2eEtaResult } from './bench/eta-phase';
import { InstantKitchen } from './bench/instant-kitchen';
import { prepareBenchKitchen } from './bench/kitchen-setup';
import { runLadders } from './bench/ladder';
import { runLatencyPhase } from './bench/latency-phase';
import { measureWorkerMemory } from './bench/memory';
import { machineInfo, writeReport, type BenchReport } from './bench/report';
import { startBenchStack } from './bench/stack';
import { buildTargets } from './bench/targets';
import { lowLoadLatencies } from './bench/low-load';
import { Recorder } from './sim/recorder';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(__dirname, '..');
const LATENCY_ORDERS_PER_HOUR = 300;
const LATENCY_PHASE_MS = 120_000;
const LATENCY_BACKLOG = 500;
/** Each side's ladder: up to six 12 s steps (K = 1…6); both saturate before on two cores. */
const LADDER_STEPS = 6;
const HARD_LIMIT_MS = 9 * 60_000;
const log = (m: string) => console.log(`[bench] ${m}`);

async function main(): Promise<void> {
  const t0 = Date.now();
  const loadStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  setTimeout(() => {
    console.error('[bench] hard time limit reached, exiting');
    process.exit(2);
  }, HARD_LIMIT_MS).unref();

  const phaseSeconds: Record<string, number> = {};
  let phaseStart = t0;
  const phase = (name: string) => {
    phaseSeconds[name] = Math.round((Date.now() - phaseStart) / 1000);
    phaseStart = Date.now();
  };
  log('starting PostgreSQL, Temporal, and the worker and the API in processes of their own…');
  const stack = await startBenchStack(log);
  phase('stack');
  try {
    log(
      `stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s (${Object.entries(stack.timings)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}); API ${stack.apiUrl}`,
    );
    const kitchen = await prepareBenchKitchen(stack.apiUrl);
    const board = await connectSocket(kitchen.operator);
    const instant = new InstantKitchen(kitchen.cook, await connectSocket(kitchen.cook));

    log('ETA: pure simulation (scripts/bench-eta.ts)…');
    const pure = await runPureEtaBench(ROOT);
    const backlog: string[] = [];
    const apiFailures: string[] = [];
    const endToEnd: E2eEtaResult[] = [];
    const rand = createRand(2026);
    const etaAt = async (target: number) => {
      const active = await growBacklog(kitchen, stack.prisma, rand, target, backlog, apiFailures);
      await sleep(2_000); // let the recalculations the new orders triggered finish
      const result = await measureEtaEndToEnd({ prisma: stack.prisma, databaseUrl: stack.databaseUrl, tenantId: kitchen.tenantId, target });
      endToEnd.push(result);
      log(
        `ETA end to end at ${active} active tasks: activity median ${result.activity.median?.toFixed(1)} ms (load ${result.loadState.median?.toFixed(1)}, simulate ${result.simulate.median?.toFixed(1)})`,
      );
    };
    await etaAt(100);
    await etaAt(LATENCY_BACKLOG);

    log(`event latency at ${LATENCY_ORDERS_PER_HOUR} orders/hour for ${LATENCY_PHASE_MS / 1000} s…`);
    const backlogActiveTasks = endToEnd[endToEnd.length - 1].activeTasks;
    const latency = await runLatencyPhase({
      kitchen,
      instant,
      board,
      rand: createRand(300),
      ordersPerHour: LATENCY_ORDERS_PER_HOUR,
      durationMs: LATENCY_PHASE_MS,
    });
    log(`  first task over Socket.io p95 ${latency.firstTaskOverSocket.p95} ms, dependent p95 ${latency.dependentOverSocket.p95} ms`);

    await etaAt(1_000);
    log(`cancelling the ${backlog.length} backlog orders…`);
    for (let i = 0; i < backlog.length; i += 4) {
      await Promise.all(backlog.slice(i, i + 4).map((id) => kitchen.operator.request(CANCEL_ORDER, { id, reason: 'bench backlog' }).catch(() => undefined)));
    }

    phase('latency and ETA');
    log('throughput, ours (API + real activities) and no-op activities on the same Temporal server, step by step in turn…');
    const ladderRecorder = new Recorder();
    const detach = ladderRecorder.attach(board);
    instant.recorder = ladderRecorder;
    const noopKitchen = await startNoopKitchen(stack, kitchen, createRand(42));
    const { ours, noop } = await runLadders(
      { ours: oursRunOne(kitchen, instant, createRand(42), ladderRecorder), noop: noopKitchen.runOne },
      { maxSteps: LADDER_STEPS, log },
    ).finally(() => noopKitchen.stop());
    detach();
    instant.recorder = null;
    log(`  no-op driver: ${JSON.stringify(noopKitchen.stats())}`);
    const ratio = ours.sustained && noop.sustained ? ours.sustained.itemsPerSecond / noop.sustained.itemsPerSecond : null;
    const floor = lowLoadLatencies(ours, ladderRecorder, noop, noopKitchen.samples);
    phase('throughput');

    log('worker memory (child process)…');
    const memory = await measureWorkerMemory(stack, ROOT).catch((err: Error) => ({ error: err.message }));
    phase('memory');

    board.close();
    const report: BenchReport = {
      generatedAt: new Date().toISOString(),
      machine: machineInfo(loadStart),
      seconds: Math.round((Date.now() - t0) / 1000),
      stackStartMs: stack.timings,
      latency: { ...latency, backlogActiveTasks },
      apiFailures: [...apiFailures, ...latency.failures],
      eta: { pure, endToEnd },
      throughput: { ours, noop, ratio, lowLoadLatency: floor },
      phaseSeconds,
      memory,
      targets: [],
    };
    report.targets = buildTargets(report);
    const files = writeReport(ROOT, report);
    for (const t of report.targets) log(`${t.met === null ? 'n/a' : t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.target} — ${t.measured}`);
    log(`wrote ${path.relative(ROOT, files.md)} and ${path.relative(ROOT, files.json)} in ${report.seconds} s`);
    if (report.apiFailures.length) log(`${report.apiFailures.length} API calls failed (see report.json apiFailures)`);
    log(
      `instant kitchen: ${JSON.stringify(instant.stats)}${instant.lastError ? ` last error: ${instant.lastError}` : ''}${instant.lastConflict ? ` last conflict: ${instant.lastConflict}` : ''}`,
    );
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

main().catch((err) => {
  console.error('[bench] failed:', err);
  process.exit(1);
});
