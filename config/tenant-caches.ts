import { LRUCache } from 'lru-cache';
import { env, type Env } from './env';

/**
 * What a process keeps per tenant (the worker's kitchen mirror, learned durations, the scoped
 * database clients) is held for at most `max` tenants and released once a tenant has not used
 * it for `idleMs`: a host with many tenants, most of them closed at any hour, must not keep
 * every kitchen it ever served.
 */
export interface TenantCacheLimits {
  max: number;
  idleMs: number;
}

export function tenantCacheLimits(source: Pick<Env, 'TENANT_CACHE_MAX' | 'TENANT_CACHE_IDLE_SECONDS'> = env()): TenantCacheLimits {
  return { max: source.TENANT_CACHE_MAX, idleMs: source.TENANT_CACHE_IDLE_SECONDS * 1000 };
}

/** Stale entries are swept at least this often (and at the idle time, when that is shorter). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Least recently used beyond `max`, and released `idleMs` after its last read or write.
 * lru-cache only drops a stale entry when that entry is touched, and its ttlAutopurge arms a
 * timer per write (a busy tenant writes its mirror twice a second), so any use of the cache
 * sweeps every stale entry once a sweep period has passed. No timer: a timer outliving its
 * owner keeps the owner's whole module graph alive (each jest test file's, for one).
 */
class TenantCache<V extends object> extends LRUCache<string, V> {
  private nextSweep: number;

  constructor(
    limits: TenantCacheLimits,
    private readonly sweepEveryMs = Math.min(limits.idleMs, SWEEP_EVERY_MS),
  ) {
    super({ max: limits.max, ttl: limits.idleMs, updateAgeOnGet: true });
    this.nextSweep = Date.now() + sweepEveryMs;
  }

  private sweepIfDue(): void {
    const now = Date.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.sweepEveryMs;
    this.purgeStale();
  }

  override get(key: string, options?: LRUCache.GetOptions<string, V, unknown>): V | undefined {
    this.sweepIfDue();
    return super.get(key, options);
  }

  override set(key: string, value: V | undefined, options?: LRUCache.SetOptions<string, V, unknown>): this {
    this.sweepIfDue();
    return super.set(key, value, options);
  }

  /** What a count of cached tenants reads: stale entries are swept first when a sweep is due. */
  override get size(): number {
    this.sweepIfDue();
    return super.size;
  }
}

/** A per-tenant cache within `limits` (see TenantCache). */
export function createTenantCache<V extends object>(limits: TenantCacheLimits = tenantCacheLimits()): LRUCache<string, V> {
  return new TenantCache<V>(limits);
}
