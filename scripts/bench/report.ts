import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ETA_MIN_SPACING_MS } from '../../core/eta/eta-runs';
import { FULL_READ_EVERY_MS } from '../../core/kitchen-read/kitchen-mirror';
import type { E2eEtaResult, PureEtaResult } from './eta-phase';
import type { LadderResult } from './ladder';
import type { LatencyResult } from './latency-phase';
import type { LowLoadLatency } from './low-load';
import type { MemoryResult } from './memory';

/** bench/report.json (everything measured) and bench/report.md (the same, for people). */
export interface BenchReport {
  generatedAt: string;
  machine: { cpus: number; loadAverageStart: number[]; loadAverageEnd: number[]; node: string; platform: string };
  seconds: number;
  stackStartMs: Record<string, number>;
  latency: LatencyResult & { backlogActiveTasks: number };
  eta: { pure: PureEtaResult[]; endToEnd: E2eEtaResult[] };
  throughput: { ours: LadderResult; noop: LadderResult; ratio: number | null; lowLoadLatency: LowLoadLatency };
  phaseSeconds: Record<string, number>;
  memory: MemoryResult | { error: string };
  /** API calls that failed while placing orders (messages), e.g. timeouts under load. */
  apiFailures: string[];
  targets: Array<{ name: string; target: string; measured: string; met: boolean | null }>;
}

const n = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '–' : v.toFixed(digits));
const msCell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);

/** Ours / no-op items per second at each K both ladders reached: how the ratio moves with load. */
export function equalK(ours: LadderResult, noop: LadderResult): string {
  const pairs = ours.steps.flatMap((o) => {
    const x = noop.steps.find((s) => s.concurrency === o.concurrency);
    return x && x.itemsPerSecond > 0 ? [`K=${o.concurrency} ${Math.round((o.itemsPerSecond / x.itemsPerSecond) * 100)} %`] : [];
  });
  return pairs.length ? pairs.join(', ') : '–';
}

export function machineInfo(loadAverageStart: number[]) {
  return {
    cpus: os.cpus().length,
    loadAverageStart,
    loadAverageEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

export function writeReport(root: string, report: BenchReport): { json: string; md: string } {
  const dir = path.join(root, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'report.json');
  const md = path.join(dir, 'report.md');
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(md, markdown(report));
  return { json, md };
}

function markdown(r: BenchReport): string {
  const l = r.latency;
  const ladder = (name: string, x: LadderResult) => [
    `**${name}** — sustained ${x.sustained ? `${x.sustained.itemsPerSecond.toFixed(2)} items/s at K=${x.sustained.concurrency}` : '–'}; stopped: ${x.stopReason}`,
    '',
    '| K (items in flight) | items/s | order → READY median | p95 | timeouts |',
    '|---:|---:|---:|---:|---:|',
    ...x.steps.map(
      (s) =>
        `| ${s.concurrency} | ${s.itemsPerSecond.toFixed(2)} | ${msCell(s.medianMs)} | ${msCell(s.p95Ms)}${s.degraded ? ' (degraded)' : ''} | ${s.failures} |`,
    ),
    '',
  ];
  const mem =
    'error' in r.memory
      ? [`Not measured: ${r.memory.error}`]
      : [
          `RSS **${n(r.memory.rssMbPer100, 1)} MB** and V8 heap **${n(r.memory.heapMbPer100, 1)} MB** per 100 running item workflows (least-squares slope).`,
          '',
          '| extra item workflows | RSS (MB) | heap used (MB) |',
          '|---:|---:|---:|',
          ...r.memory.points.map((p) => `| ${p.workflows} | ${p.rssMb.toFixed(1)} | ${p.heapUsedMb.toFixed(1)} |`),
        ];
  return [
    '# Brigade bench report',
    '',
    `Generated ${r.generatedAt} by \`npm run bench\` in ${r.seconds} s (${Object.entries(r.phaseSeconds)
      .map(([k, v]) => `${k} ${v} s`)
      .join(
        ', ',
      )}) on ${r.machine.cpus} CPUs (${r.machine.platform}, Node ${r.machine.node}); load average ${r.machine.loadAverageStart.join(' / ')} at the start, ${r.machine.loadAverageEnd.join(' / ')} at the end. The machine is shared and noisy: read medians, and ratios measured in this same run. How each number is measured: bench/README.md.`,
    '',
    ...(r.apiFailures.length ? [`**${r.apiFailures.length} API calls failed** while placing orders (first: ${r.apiFailures[0]}); see report.json.`, ''] : []),
    '## Targets',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...r.targets.map((t) => `| ${t.name}: ${t.target} | ${t.measured} | ${t.met === null ? 'not measured' : t.met ? 'met' : '**not met**'} |`),
    '',
    `## Event latency at ${l.ordersPerHour} orders/hour`,
    '',
    `${l.orders} mixed orders over ${l.seconds} s, at random times, on top of a backlog of ${l.backlogActiveTasks} active tasks (uncooked orders); tasks cooked instantly over the API. ${l.missingEvents} expected events never arrived.`,
    '',
    '| from → to | n | median | p95 | max |',
    '|---|---:|---:|---:|---:|',
    ...(
      [
        ['createOrder sent → its response', l.createOrderResponse],
        ['createOrder sent → first task visible in `stationQueue`', l.firstTaskInStationQueue],
        ['createOrder sent → first `task:updated QUEUED` over Socket.io', l.firstTaskOverSocket],
        ['`completeTask` sent → dependent `task:updated QUEUED` over Socket.io', l.dependentOverSocket],
      ] as const
    ).map(([what, s]) => `| ${what} | ${s.n} | ${msCell(s.median)} | ${msCell(s.p95)} | ${msCell(s.max)} |`),
    '',
    '## ETA recomputation',
    '',
    'Pure simulation (`simulateKitchen`, `scripts/bench-eta.ts`, generated kitchens from `domain/eta/test-kitchen.ts`):',
    '',
    '| active tasks | capacity | median | p95 | CPU median |',
    '|---:|---|---:|---:|---:|',
    ...r.eta.pure.map((p) => `| ${p.activeTasks} | ${p.capacity ?? 'constant'} | ${p.medianMs} ms | ${p.p95Ms} ms | ${p.cpuMedianMs} ms |`),
    '',
    `End to end: the \`recalculateEta\` activity (advisory lock, load from PostgreSQL with the worker's mirror of the open kitchen warm — the stations and the task, item and order rows written since the previous run, learned averages cached —, simulate, store moved ETAs, emit), called in-process with that many active task rows from real orders, each call once the ${ETA_MIN_SPACING_MS} ms minimum spacing between a tenant's runs has passed and after one open task's row and its item's were rewritten (a transition's writes); the load and simulate steps timed on their own on the same data. "Whole read": the load with no mirror yet (a worker's first run, and the API's ETA quote): every open task with its fixed part, item and order. Every ${FULL_READ_EVERY_MS / 1000} s a worker also rereads the open rows whole, keeping the fixed parts it has. "Burst": that many calls at once, as a busy kitchen's transitions arrive: the first starts a run at once and all the others share the next one, which starts ${ETA_MIN_SPACING_MS} ms later, so a burst takes about ${ETA_MIN_SPACING_MS} ms plus one run however many calls it has.`,
    '',
    '| active tasks (open orders) | activity median | activity p95 | load state median | whole read median | simulate median | burst |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...r.eta.endToEnd.map(
      (e) =>
        `| ${e.activeTasks} (${e.openOrders}) | ${msCell(e.activity.median)} | ${msCell(e.activity.p95)} | ${msCell(e.loadState.median)} | ${e.loadWhole ? msCell(e.loadWhole.median) : '–'} | ${n(e.simulate.median, 1)} ms | ${e.burst ? `${e.burst.calls} calls in ${e.burst.totalMs} ms` : ''} |`,
    ),
    '',
    '## Sustained throughput',
    '',
    `Closed loop of K one-dish urgent orders in flight, cooked instantly, one more in flight every step, the two sides step by step in turn. Ratio ours / no-op (each side's sustained rate): **${r.throughput.ratio === null ? '–' : `${Math.round(r.throughput.ratio * 100)} %`}**.`,
    '',
    `At equal K (both sides measured, degraded or not): ${equalK(r.throughput.ours, r.throughput.noop)}.`,
    '',
    ...ladder('Ours (API + real activities)', r.throughput.ours),
    ...ladder('No-op activities (Temporal client → same workflows, canned activities)', r.throughput.noop),
    '### Latency at K = 1 (one order at a time, no backlog): ours vs the Temporal floor',
    '',
    'The same two latencies as above, measured during the first step of each ladder. Ours: over Socket.io from the API mutation sent. No-op: at the enqueue hook from the Temporal call sent, i.e. what the workflows cost with activities that do nothing.',
    '',
    '| from → to | ours median | ours p95 | no-op median | no-op p95 |',
    '|---|---:|---:|---:|---:|',
    ...(['first task queued', 'dependent queued'] as const).map((k) => {
      const f = r.throughput.lowLoadLatency;
      return `| ${k === 'first task queued' ? 'order sent → first task queued' : '`completeTask` sent → dependent queued'} | ${msCell(f.ours[k].median)} | ${msCell(f.ours[k].p95)} | ${msCell(f.noop[k].median)} | ${msCell(f.noop[k].p95)} |`;
    }),
    '',
    '## Worker memory',
    '',
    ...mem,
    '',
  ].join('\n');
}
