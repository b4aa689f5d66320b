import { runLadders, type RunOne } from './ladder';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A side whose item takes `latencyMs(items in flight)`. It reports that nominal latency, not the
 * timer's real wait: on a loaded machine a 15 ms sleep can last 60, and the ladder's rules are under
 * test here, not the machine's timers.
 */
function side(latencyMs: (inFlight: number) => number): RunOne {
  let inFlight = 0;
  return async () => {
    inFlight++;
    const latency = latencyMs(inFlight);
    await sleep(latency);
    inFlight--;
    return latency;
  };
}

const timing = { stepMs: 200, warmupMs: 60, settleMs: 5 };

describe('runLadders', () => {
  it('steps both sides in turn, each judged against its own first step', async () => {
    const lines: string[] = [];
    const { flat, congested } = await runLadders(
      {
        // Latency independent of load: never degrades, and one more in flight always adds throughput.
        flat: side(() => 15),
        // Latency growing with the square of the load: at K = 2 the p95 is 4× the K = 1 median.
        congested: side((n) => 15 * n * n),
      },
      { maxSteps: 4, log: (m) => lines.push(m.trim().replace(/:.*/, '')), timing },
    );

    // K = 1 flat first, K = 2 congested first; a stopped side takes no more turns.
    expect(lines).toEqual(['flat K=1', 'congested K=1', 'congested K=2', 'flat K=2', 'flat K=3', 'flat K=4']);

    expect(congested.steps.map((s) => s.degraded)).toEqual([false, true]);
    expect(congested.stopReason).toMatch(/p95 above 3× the first step's median/);
    expect(congested.sustained?.concurrency).toBe(1);

    expect(flat.steps.map((s) => s.concurrency)).toEqual([1, 2, 3, 4]);
    expect(flat.steps.every((s) => !s.degraded)).toBe(true);
    expect(flat.stopReason).toBe('4 steps, the most a side gets');
    expect(flat.sustained?.concurrency).toBe(4);
    // Little's law: K / mean latency, so four in flight at ~15 ms is well above one.
    expect(flat.steps[3].itemsPerSecond).toBeGreaterThan(2.5 * flat.steps[0].itemsPerSecond);
  });

  it('stops a side once one more in flight no longer adds throughput', async () => {
    // Two in flight get in each other's way: 50 ms each instead of 20, so K = 2 finishes fewer items a
    // second than K = 1, while its p95 stays under 3× the K = 1 median.
    const { crowded } = await runLadders({ crowded: side((n) => (n === 1 ? 20 : 50)) }, { maxSteps: 4, log: () => undefined, timing });
    expect(crowded.steps).toHaveLength(2);
    expect(crowded.steps[1].degraded).toBe(false);
    expect(crowded.stopReason).toMatch(/saturated/);
    expect(crowded.sustained?.concurrency).toBe(1);
  });
});
