import { setTimeout as sleep } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
/**
 * Shares one run of an expensive, idempotent computation among everyone who asks for it while
 * it is busy, per key. A request never gets an answer computed from data older than itself:
 * while a run is in flight, new requests wait for the NEXT run (which starts once the current
 * one settles), and every request arriving meanwhile joins that same next run. So N concurrent
 * requests cost at most two runs instead of N, and at most one run per key is in flight.
 *
 * Used for ETA recalculation: every task transition asks for one, a busy kitchen has dozens a
 * second, and each run simulates the whole kitchen anyway.
 */
export class Coalescer<K extends object | string, R> {
  private readonly running = new Map<K, Promise<R>>();
  private readonly queued = new Map<K, Promise<R>>();
  /**
   * A start older than the spacing no longer matters, so it is forgotten after it (and the
   * least recent beyond LAST_STARTS_MAX): the keys are tenants and stations, and a host's quiet ones must not accumulate.
   */
  private readonly lastStart: LRUCache<K, number> | null;

  /**
   * `minSpacingMs`: a run starts at least this long after the previous one of its key started,
   * so a steady stream of requests is served by a few runs a second, not one after another.
   * A request after a quiet spell starts at once.
   */
  constructor(
    private readonly run: (key: K) => Promise<R>,
    private readonly minSpacingMs = 0,
  ) {
    this.lastStart = minSpacingMs > 0 ? new LRUCache<K, number>({ max: LAST_STARTS_MAX, ttl: minSpacingMs }) : null;
  }

  request(key: K): Promise<R> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const current = this.running.get(key);
    if (!current && this.waitMs(key) === 0) return this.start(key);
    const after = current ? current.then(noop, noop) : Promise.resolve();
    const next = after.then(() => delay(this.waitMs(key))).then(() => this.start(key));
    this.queued.set(key, next);
    return next;
  }

  /** Keys with a run in flight (for tests and diagnostics). */
  busyKeys(): K[] {
    return [...this.running.keys()];
  }

  private waitMs(key: K): number {
    const last = this.lastStart?.get(key);
    return last === undefined ? 0 : Math.max(0, last + this.minSpacingMs - Date.now());
  }

  private start(key: K): Promise<R> {
    this.queued.delete(key);
    this.lastStart?.set(key, Date.now());
    const run = Promise.resolve()
      .then(() => this.run(key))
      .finally(() => {
        if (this.running.get(key) === run) this.running.delete(key);
      });
    this.running.set(key, run);
    return run;
  }
}

const LAST_STARTS_MAX = 10_000;
const noop = () => undefined;
const delay = (ms: number) => (ms > 0 ? sleep(ms) : Promise.resolve());
