import { OUT_OF_STEPS } from './ladder';
import type { BenchReport } from './report';

/** The targets, shown (not asserted): each with what was measured and whether it was met. */
export const TARGETS = {
  eventP95Ms: 75,
  etaMsAt1000: 20,
  throughputRatio: 0.9,
  /** Worker RSS per item workflow held in the sticky cache (the memory phase's slope). */
  rssMbPerCachedWorkflow: 0.25,
} as const;

export function buildTargets(r: BenchReport): BenchReport['targets'] {
  const l = r.latency;
  const p95s = [l.firstTaskOverSocket.p95, l.dependentOverSocket.p95];
  const worst = p95s.some((p) => p === null) ? null : Math.max(...(p95s as number[]));
  const pure = r.eta.pure.find((p) => p.activeTasks === 1000);
  const e2e = r.eta.endToEnd.find((e) => e.targetActiveTasks === 1000);
  const ratio = r.throughput.ratio;
  const floor = r.throughput.lowLoadLatency.noop;
  const noopSaturated = !r.throughput.noop.stopReason.endsWith(OUT_OF_STEPS);
  const memory = 'error' in r.memory ? null : r.memory;
  const rssPerWorkflow = memory?.rssMbPer100 == null ? null : memory.rssMbPer100 / 100;
  return [
    {
      name: `Event latency p95 at ${l.ordersPerHour} orders/hour`,
      target: `< ${TARGETS.eventP95Ms} ms`,
      measured:
        `first task ${fmt(l.firstTaskOverSocket.p95)}, dependent ${fmt(l.dependentOverSocket.p95)} (Socket.io, from the mutation sent). ` +
        `Temporal floor (no-op activities, one order at a time): first task ${fmt(floor['first task queued'].p95)}, dependent ${fmt(floor['dependent queued'].p95)}`,
      met: worst === null ? null : worst < TARGETS.eventP95Ms,
    },
    {
      name: 'ETA recomputation, 1,000 active tasks — pure simulateKitchen (median)',
      target: `< ${TARGETS.etaMsAt1000} ms`,
      measured: pure ? `${pure.medianMs} ms (p95 ${pure.p95Ms} ms)` : '–',
      met: pure ? pure.medianMs < TARGETS.etaMsAt1000 : null,
    },
    {
      name: `ETA recomputation, ~1,000 active tasks — recalculateEta activity end to end (median)`,
      target: `< ${TARGETS.etaMsAt1000} ms`,
      measured: e2e ? `${fmt(e2e.activity.median)} at ${e2e.activeTasks} tasks (load ${fmt(e2e.loadState.median)}, simulate ${fmt(e2e.simulate.median)})` : '–',
      met: e2e?.activity.median == null ? null : e2e.activity.median < TARGETS.etaMsAt1000,
    },
    {
      name: 'Throughput ours / no-op activities',
      target: `≥ ${TARGETS.throughputRatio * 100} %`,
      measured:
        ratio === null
          ? '–'
          : `${Math.round(ratio * 100)} % (${r.throughput.ours.sustained?.itemsPerSecond.toFixed(2)} vs ${r.throughput.noop.sustained?.itemsPerSecond.toFixed(2)} items/s)` +
            (noopSaturated ? '' : '; the no-op side had not saturated when its ladder stopped, so this is an upper bound'),
      met: ratio === null ? null : ratio >= TARGETS.throughputRatio,
    },
    {
      name: 'Worker RSS per cached item workflow (slope over +0…+400)',
      target: `≤ ${TARGETS.rssMbPerCachedWorkflow} MB`,
      measured:
        rssPerWorkflow === null
          ? `– (${memory ? 'no slope' : (r.memory as { error: string }).error})`
          : `${rssPerWorkflow.toFixed(3)} MB (V8 heap of the main thread ${((memory?.heapMbPer100 ?? 0) / 100).toFixed(3)} MB)`,
      met: rssPerWorkflow === null ? null : rssPerWorkflow <= TARGETS.rssMbPerCachedWorkflow,
    },
  ];
}

function fmt(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`;
}
