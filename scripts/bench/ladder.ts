import { median, percentile } from '../sim/stats';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Sustained throughput by stepping up the load: a closed loop of K workers, each placing a
 * one-dish urgent order and waiting until it is READY before placing the next, for STEP_MS per
 * step, with K = 1, 2, 3, 4… In a closed loop the rate follows from Little's law, K / mean time
 * in the system, which uses every item of the step (a count of items finished inside a short
 * window would move in steps of one item). The ladder stops
 * when latency degrades (p95 above DEGRADE_FACTOR × the first step's median), when one more
 * order in flight no longer adds SATURATION_GAIN throughput, on a failure, or after maxSteps.
 * A short unmeasured warm-up (WARMUP_MS at K = 2) comes first.
 * "Sustained" is the best throughput among the steps that did not degrade.
 *
 * K grows by one, not by doubling: a two-core machine saturates at K = 3–4, and with K = 1, 2,
 * 4 the answer could only be the K = 2 or the K = 4 rate (about 30 % apart), whichever side of
 * the knee a noisy p95 fell on; one order more per step finds the knee to within one order.
 */
export const STEP_MS = 12_000;
export const DEGRADE_FACTOR = 3;
export const SATURATION_GAIN = 1.05;
/** Both sides run this long at K = 2, unmeasured, before the first step. */
export const WARMUP_MS = 4_000;
/** Between two steps, for the background work the previous one left (ETA runs, load announcements). */
export const SETTLE_MS = 1_000;
/** The stop reason of a side that used all its steps without degrading or saturating (after the count). */
export const OUT_OF_STEPS = 'steps, the most a side gets';
const WARMUP_CONCURRENCY = 2;
const ITEM_TIMEOUT_MS = 30_000;

export interface LadderStep {
  concurrency: number;
  /** Wall-clock window of the step (ms), to pick other samples taken during it. */
  startedAt: number;
  endedAt: number;
  items: number;
  seconds: number;
  itemsPerSecond: number;
  medianMs: number | null;
  p95Ms: number | null;
  failures: number;
  degraded: boolean;
}

export interface LadderResult {
  steps: LadderStep[];
  sustained: LadderStep | null;
  stopReason: string;
}

/** `runOne` places one item and resolves with its order → READY time in ms, or null on timeout. */
export type RunOne = (timeoutMs: number) => Promise<number | null>;

export interface LadderOptions {
  /** Steps per side at most (K = 1 … maxSteps). */
  maxSteps: number;
  log: (m: string) => void;
  /** Defaults STEP_MS, WARMUP_MS and SETTLE_MS (shorter in the ladder's own test). */
  timing?: { stepMs: number; warmupMs: number; settleMs: number };
}

interface Side {
  name: string;
  runOne: RunOne;
  steps: LadderStep[];
  stopReason: string | null;
}

/**
 * The sides' ladders run interleaved, one step of each at every K (which side goes first
 * alternates), so both see the machine in the same minute: on a shared machine the load of the
 * neighbours drifts, and two ladders run one after the other compared two different machines.
 * Each side still stops by its own rules and is judged against its own first step. A side's
 * step starts once the other's has drained (every order in flight finished) and its background
 * work (ETA runs, load announcements) has had SETTLE_MS to finish.
 */
export async function runLadders<S extends string>(sides: Record<S, RunOne>, opts: LadderOptions): Promise<Record<S, LadderResult>> {
  const all: Side[] = Object.entries<RunOne>(sides).map(([name, runOne]) => ({ name, runOne, steps: [], stopReason: null }));
  const { stepMs, warmupMs, settleMs } = opts.timing ?? { stepMs: STEP_MS, warmupMs: WARMUP_MS, settleMs: SETTLE_MS };
  // Unmeasured: a side's processes may not have run this path yet (JIT, pools, workflow caches),
  // and the first step's median is what every later step is judged against.
  for (const side of all) await runStep(side.runOne, WARMUP_CONCURRENCY, warmupMs);
  for (let k = 1; k <= opts.maxSteps; k++) {
    const going = all.filter((side) => side.stopReason === null);
    for (const side of k % 2 === 1 ? going : [...going].reverse()) {
      await sleep(settleMs);
      const step = await runStep(side.runOne, k, stepMs);
      judge(side, step);
      opts.log(
        `  ${side.name} K=${k}: ${step.itemsPerSecond.toFixed(2)} items/s, median ${Math.round(step.medianMs ?? 0)} ms, p95 ${Math.round(step.p95Ms ?? 0)} ms${step.failures ? `, ${step.failures} timed out` : ''}${step.degraded ? ' (degraded)' : ''}`,
      );
    }
  }
  const results = {} as Record<S, LadderResult>;
  for (const side of all) {
    const healthy = side.steps.filter((s) => !s.degraded);
    const sustained = healthy.reduce<LadderStep | null>((best, s) => (!best || s.itemsPerSecond > best.itemsPerSecond ? s : best), null);
    results[side.name as S] = { steps: side.steps, sustained, stopReason: side.stopReason ?? `${opts.maxSteps} ${OUT_OF_STEPS}` };
  }
  return results;
}

/** Adds the step to its side and stops the side when it degraded or no longer gained. */
function judge(side: Side, step: LadderStep): void {
  const base = side.steps[0]?.medianMs ?? step.medianMs;
  step.degraded = step.failures > 0 || (base !== null && step.p95Ms !== null && step.p95Ms > DEGRADE_FACTOR * base);
  const best = Math.max(...side.steps.map((s) => s.itemsPerSecond), 0);
  side.steps.push(step);
  if (step.degraded) side.stopReason = step.failures > 0 ? 'items timed out' : `p95 above ${DEGRADE_FACTOR}× the first step's median`;
  else if (side.steps.length > 1 && step.itemsPerSecond < best * SATURATION_GAIN) {
    side.stopReason = `saturated (one more in flight added < ${Math.round((SATURATION_GAIN - 1) * 100)} %)`;
  }
}

/** One closed-loop step of K orders in flight for `ms` (also the many-tenants bench's measurement). */
export async function runStep(runOne: RunOne, k: number, ms: number): Promise<LadderStep> {
  const t0 = Date.now();
  const end = t0 + ms;
  const latencies: number[] = [];
  let failures = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const latency = await runOne(ITEM_TIMEOUT_MS).catch(() => null);
      if (latency === null) failures++;
      else latencies.push(latency);
    }
  };
  await Promise.all(Array.from({ length: k }, worker));
  const meanMs = latencies.length ? latencies.reduce((s, v) => s + v, 0) / latencies.length : null;
  return {
    concurrency: k,
    startedAt: t0,
    endedAt: Date.now(),
    items: latencies.length,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    itemsPerSecond: meanMs ? (k * 1000) / meanMs : 0,
    medianMs: median(latencies),
    p95Ms: percentile(latencies, 0.95),
    failures,
    degraded: false,
  };
}
