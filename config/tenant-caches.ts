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

type AnyCache = LRUCache<string, object>;
/** The live caches per sweep period, one timer each: WeakRefs, so a cache its owner dropped (tests make many) is not kept. */
const sweeps = new Map<number, { caches: Set<WeakRef<AnyCache>>; timer: NodeJS.Timeout }>();

function sweep(periodMs: number): void {
  const group = sweeps.get(periodMs);
  if (!group) return;
  for (const ref of group.caches) {
    const cache = ref.deref();
    if (cache) cache.purgeStale();
    else group.caches.delete(ref);
  }
  if (group.caches.size === 0) {
    clearInterval(group.timer);
    sweeps.delete(periodMs);
  }
}

/**
 * A per-tenant cache: least recently used beyond `max`, and released `idleMs` after its last
 * read or write. lru-cache only drops a stale entry when it is touched, and its ttlAutopurge
 * arms a timer per write (a busy tenant writes its mirror twice a second), so a sweep per
 * period clears them instead.
 */
export function createTenantCache<V extends object>(limits: TenantCacheLimits = tenantCacheLimits()): LRUCache<string, V> {
  const cache = new LRUCache<string, V>({ max: limits.max, ttl: limits.idleMs, updateAgeOnGet: true });
  const periodMs = Math.min(limits.idleMs, SWEEP_EVERY_MS);
  let group = sweeps.get(periodMs);
  if (!group) {
    const timer = setInterval(() => sweep(periodMs), periodMs);
    timer.unref();
    sweeps.set(periodMs, (group = { caches: new Set(), timer }));
  }
  group.caches.add(new WeakRef(cache as unknown as AnyCache));
  return cache;
}
