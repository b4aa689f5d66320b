import { learnDuration, learnPace, learnPickupDelay, pickupSamples, weightedSummary, type Learned, type LearnedDuration } from '../../domain/eta';
import type { SqlTarget } from '../../db/sql';
import { createTenantCache, type TenantCacheLimits } from '../../config/tenant-caches';
import { queryStationSamples, queryTaskSamples, type SampleRow, type StationSampleRow } from './learned-samples-sql';
import { queryStationPickupRows, type StationPickupRows } from './pickup-rows-sql';

type Db = SqlTarget;

export { LEARNED_WINDOW, PACE_WINDOW } from './learned-samples-sql';
/** How long a worker reuses a tenant's learned values before reading them again (its own completions clear them at once). */
export const LEARNED_CACHE_MS = 10_000;

export interface LearnedDurations {
  /**
   * What was learned for a recipe task at a station (null: not assigned yet, then the pace of the
   * stations serving `stationType`), every level of domain/eta's hierarchy; null when nothing was.
   * The same object for the same question while this lookup lives, so a caller can tell nothing changed.
   */
  lookup(templateId: string | null, taskDefId: string, stationId: string | null, stationType: string): LearnedDuration | null;
  /** The station's pace over every dish it recorded (actual / estimate); null without plausible history. */
  stationPace(stationId: string): Learned | null;
  /**
   * How long a ticket with a free slot waits for a cook (ms, domain/eta/pickup-delay.ts) at the
   * station, or (null: not assigned yet) over the stations serving `stationType`; null when unknown.
   */
  pickup(stationId: string | null, stationType: string): Learned | null;
}

/** What one template's samples taught, per recipe task (and station): learned once per read, not per lookup. */
interface TemplateEntry {
  at: number;
  learned: Map<string, Learned>;
}

interface PaceEntry {
  at: number;
  byStation: Map<string, Learned>;
  byType: Map<string, Learned>;
  pickupByStation: Map<string, Learned>;
  pickupByType: Map<string, Learned>;
}

const key = (templateId: string, taskDefId: string, stationId: string | null) => `${templateId}|${taskDefId}|${stationId ?? '*'}`;

function learnTemplates(rows: SampleRow[]): Map<string, Map<string, Learned>> {
  const out = new Map<string, Map<string, Learned>>();
  for (const row of rows) {
    const learned = learnDuration(row.samples);
    if (!learned) continue;
    const entry = out.get(row.templateId) ?? new Map<string, Learned>();
    out.set(row.templateId, entry.set(key(row.templateId, row.taskDefId, row.stationId), learned));
  }
  return out;
}

/** Per station, and per station type over the samples of every station serving it (for work not assigned yet). */
function learnPaces(rows: StationSampleRow[], pickups: StationPickupRows[], at: number): PaceEntry {
  const byStation = new Map<string, Learned>();
  const typeSamples = new Map<string, StationSampleRow['samples']>();
  for (const row of rows) {
    const pace = learnPace(row.samples);
    if (pace) byStation.set(row.stationId, pace);
    for (const type of row.taskTypes) {
      const t = type.toLowerCase();
      typeSamples.set(t, [...(typeSamples.get(t) ?? []), ...row.samples]);
    }
  }
  const byType = new Map<string, Learned>();
  for (const [type, samples] of typeSamples) {
    const pace = learnPace(samples);
    if (pace) byType.set(type, pace);
  }
  return { at, byStation, byType, ...learnPickups(pickups) };
}

function learnPickups(stations: StationPickupRows[]): Pick<PaceEntry, 'pickupByStation' | 'pickupByType'> {
  const pickupByStation = new Map<string, Learned>();
  const typeSamples = new Map<string, Array<{ value: number; at: number }>>();
  for (const station of stations) {
    const learned = learnPickupDelay(station.rows, station.capacity);
    if (learned) pickupByStation.set(station.stationId, learned);
    const samples = pickupSamples(station.rows, station.capacity);
    for (const type of station.taskTypes) {
      const t = type.toLowerCase();
      typeSamples.set(t, [...(typeSamples.get(t) ?? []), ...samples]);
    }
  }
  const pickupByType = new Map<string, Learned>();
  for (const [type, samples] of typeSamples) {
    const learned = weightedSummary(samples);
    if (learned) pickupByType.set(type, learned);
  }
  return { pickupByStation, pickupByType };
}

function lookupOver(templates: Array<Map<string, Learned>>, paces: PaceEntry): LearnedDurations {
  const memo = new Map<string, LearnedDuration | null>();
  const find = (k: string) => {
    for (const t of templates) {
      const hit = t.get(k);
      if (hit) return hit;
    }
    return null;
  };
  return {
    lookup(templateId, taskDefId, stationId, stationType) {
      const memoKey = `${key(templateId ?? '', taskDefId, stationId)}|${stationType}`;
      const known = memo.get(memoKey);
      if (known !== undefined) return known;
      const atStation = templateId && stationId ? find(key(templateId, taskDefId, stationId)) : null;
      const anyStation = templateId ? find(key(templateId, taskDefId, null)) : null;
      const pace = (stationId ? paces.byStation.get(stationId) : paces.byType.get(stationType.toLowerCase())) ?? null;
      const answer = atStation || anyStation || pace ? { atStation, anyStation, pace } : null;
      memo.set(memoKey, answer);
      return answer;
    },
    stationPace: (stationId) => paces.byStation.get(stationId) ?? null,
    pickup: (stationId, stationType) => (stationId ? paces.pickupByStation.get(stationId) : paces.pickupByType.get(stationType.toLowerCase())) ?? null,
  };
}

/** Reads the samples of the templates (and, unless given, every station's) and learns from them. */
async function read(db: Db, tenantId: string, ids: string[], withPaces: boolean, at: number) {
  const [rows, stations, pickups] = await Promise.all([
    queryTaskSamples(db, tenantId, ids),
    withPaces ? queryStationSamples(db, tenantId) : null,
    withPaces ? queryStationPickupRows(db, tenantId) : null,
  ]);
  const learned = learnTemplates(rows);
  return {
    templates: new Map(ids.map((id) => [id, { at, learned: learned.get(id) ?? new Map<string, Learned>() }])),
    paces: stations && pickups && learnPaces(stations, pickups, at),
  };
}

/** Uncached: for reads outside the worker (the API's quote, the designer's learned column). */
export async function loadLearnedDurations(db: Db, tenantId: string, templateIds: string[]): Promise<LearnedDurations> {
  const { templates, paces } = await read(db, tenantId, [...new Set(templateIds)], true, 0);
  return lookupOver(
    [...templates.values()].map((t) => t.learned),
    paces!,
  );
}

export interface LearnedDurationsCache {
  load(db: Db, tenantId: string, templateIds: string[]): Promise<LearnedDurations>;
  /**
   * A duration was just recorded: the next load learns afresh that recipe (template) when given,
   * else the whole tenant. The stations' paces follow within the cache's ttl: each spans 200
   * durations of every dish, so one more barely moves them, and learning them all again on every
   * bump would cost each run after a completion a few milliseconds.
   */
  forget(tenantId: string, templateId?: string): void;
  /** Tenants whose averages are held (for the tests and the many-tenants bench). */
  cachedTenants(): number;
}

interface TenantCache {
  entries: Map<string, TemplateEntry>;
  paces: PaceEntry | null;
  /** Bumped by every forget(): a read that started before one may predate a new sample. */
  generation: number;
  /** The last answer built from the entries, reused while they and the templates asked for are the same. */
  last: { templates: string; lookup: LearnedDurations } | null;
}

/**
 * The worker's cache of learned values, per tenant and template, for `ttlMs`. The ETA runs on
 * every transition, so even the bounded queries above are worth not repeating. Durations recorded
 * by this process clear their recipe at once (only it is read again); those recorded by another
 * worker, and the stations' paces, are seen within `ttlMs`. A tenant's entries go when it went
 * quiet (`limits`, config/tenant-caches.ts).
 */
export function createLearnedDurationsCache(ttlMs = LEARNED_CACHE_MS, now: () => number = Date.now, limits?: TenantCacheLimits): LearnedDurationsCache {
  const tenants = createTenantCache<TenantCache>(limits);
  const tenantCache = (tenantId: string): TenantCache => {
    let cache = tenants.get(tenantId);
    if (!cache) tenants.set(tenantId, (cache = { entries: new Map(), paces: null, generation: 0, last: null }));
    return cache;
  };
  // A clock that went back (a test's, or a corrected host clock) makes an entry look fresh forever: read it again.
  const expired = (entry: { at: number } | null | undefined, at: number) => !entry || at - entry.at > ttlMs || at < entry.at;
  return {
    async load(db, tenantId, templateIds) {
      const cache = tenantCache(tenantId);
      const at = now();
      const ids = [...new Set(templateIds)].sort();
      const stale = ids.filter((id) => expired(cache.entries.get(id), at));
      const pacesStale = expired(cache.paces, at);
      if (stale.length === 0 && !pacesStale) {
        // Every ETA run asks for the same templates while the cache holds: one lookup serves them all.
        const templates = ids.join();
        if (cache.last?.templates !== templates)
          cache.last = {
            templates,
            lookup: lookupOver(
              ids.map((id) => cache.entries.get(id)!.learned),
              cache.paces!,
            ),
          };
        return cache.last.lookup;
      }
      const generation = cache.generation;
      // What was held before the read: a forget() meanwhile may drop it, yet it serves this one run.
      const held = new Map(ids.map((id) => [id, cache.entries.get(id)]));
      const heldPaces = cache.paces;
      const fresh = await read(db, tenantId, stale, pacesStale, at);
      const paces = fresh.paces ?? heldPaces!;
      // A forget() while this read was in flight means it may predate a new sample: use it, don't keep it.
      if (cache.generation === generation) {
        for (const [id, entry] of fresh.templates) cache.entries.set(id, entry);
        cache.paces = paces;
        cache.last = null;
      }
      return lookupOver(
        ids.map((id) => (fresh.templates.get(id) ?? held.get(id))!.learned),
        paces,
      );
    },
    forget(tenantId, templateId) {
      // A tenant not held has nothing to forget (a read in flight for it keeps its own entry and is dropped with it).
      const cache = tenants.get(tenantId);
      if (!cache) return;
      cache.generation++;
      cache.last = null;
      if (!templateId) cache.paces = null;
      if (templateId) cache.entries.delete(templateId);
      else cache.entries.clear();
    },
    cachedTenants: () => tenants.size,
  };
}
