import { Coalescer } from './coalesce';
import { setTimeout as sleep } from 'node:timers/promises';

/** A run that records when it started and finishes when told to. */
function controlledRuns() {
  const runs: Array<{ key: string; startedAt: number; finish: (ok: boolean) => void }> = [];
  let clock = 0;
  const tick = () => ++clock;
  const run = (key: string) =>
    new Promise<number>((resolve, reject) => {
      const startedAt = tick();
      runs.push({ key, startedAt, finish: (ok) => (ok ? resolve(startedAt) : reject(new Error(`run ${startedAt} failed`))) });
    });
  return { runs, tick, coalescer: new Coalescer<string, number>(run) };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('Coalescer', () => {
  it('serves many concurrent requests with two runs, each answer computed after its request was made', async () => {
    const { runs, tick, coalescer } = controlledRuns();
    const first = { askedAt: tick(), answer: coalescer.request('t1') };
    await settle();
    const later = Array.from({ length: 10 }, () => ({ askedAt: tick(), answer: coalescer.request('t1') }));
    await settle();
    expect(runs).toHaveLength(1);
    runs[0].finish(true);
    await settle();
    expect(runs).toHaveLength(2);
    runs[1].finish(true);
    expect(await first.answer).toBe(runs[0].startedAt);
    for (const r of later) {
      const startedAt = await r.answer;
      expect(startedAt).toBe(runs[1].startedAt);
      expect(startedAt).toBeGreaterThan(r.askedAt);
    }
    expect(coalescer.busyKeys()).toEqual([]);
  });

  it('starts a fresh run for a request made after the previous run settled', async () => {
    const { runs, coalescer } = controlledRuns();
    const a = coalescer.request('t1');
    await settle();
    runs[0].finish(true);
    await a;
    const b = coalescer.request('t1');
    await settle();
    expect(runs).toHaveLength(2);
    runs[1].finish(true);
    expect(await b).toBe(runs[1].startedAt);
  });

  it('rejects the requests of a failed run and still runs the queued one', async () => {
    const { runs, coalescer } = controlledRuns();
    const a = coalescer.request('t1');
    await settle();
    const b = coalescer.request('t1');
    runs[0].finish(false);
    await expect(a).rejects.toThrow('failed');
    await settle();
    expect(runs).toHaveLength(2);
    runs[1].finish(true);
    expect(await b).toBe(runs[1].startedAt);
  });

  it('keeps keys independent: another tenant never waits on this one', async () => {
    const { runs, coalescer } = controlledRuns();
    void coalescer.request('t1');
    const other = coalescer.request('t2');
    await settle();
    expect(runs.map((r) => r.key)).toEqual(['t1', 't2']);
    runs[1].finish(true);
    expect(await other).toBe(runs[1].startedAt);
    expect(coalescer.busyKeys()).toEqual(['t1']);
  });

  it('turns a run that throws synchronously into a rejection', async () => {
    const coalescer = new Coalescer<string, number>(() => {
      throw new Error('boom');
    });
    await expect(coalescer.request('t1')).rejects.toThrow('boom');
    expect(coalescer.busyKeys()).toEqual([]);
  });
});

describe('Coalescer spacing', () => {
  it('starts runs of a key at least minSpacingMs apart, and at once after a quiet spell', async () => {
    const starts: number[] = [];
    const coalescer = new Coalescer<string, number>(async () => {
      starts.push(Date.now());
      return starts.length;
    }, 80);
    expect(await coalescer.request('t1')).toBe(1);
    const asked = Date.now();
    // Both arrive inside the window: they share the one run that starts when it ends.
    const [a, b] = await Promise.all([coalescer.request('t1'), coalescer.request('t1')]);
    expect([a, b]).toEqual([2, 2]);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(75);
    expect(starts[1]).toBeGreaterThanOrEqual(asked);
    await sleep(100);
    const quiet = Date.now();
    expect(await coalescer.request('t1')).toBe(3);
    expect(starts[2] - quiet).toBeLessThan(40);
  });
});
