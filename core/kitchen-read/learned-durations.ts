import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { EXTRA_UNIT_SHARE, type LearnedDuration } from '../../domain/eta';
import { tenantRows, type SqlTarget } from '../../db/sql';
import { createTenantCache, type TenantCacheLimits } from '../../config/tenant-caches';

type Db = SqlTarget;

/** How many recent actual durations the moving average covers, per recipe task and station. */
export const LEARNED_WINDOW = 100;
/** How long a worker reuses a tenant's averages before reading them again (its own completions clear them at once). */
export const LEARNED_CACHE_MS = 10_000;

export interface LearnedDurations {
  /** Per station first (cooks differ), then the recipe task at any station, else null (use the estimate). */
  lookup(templateId: string | null, taskDefId: string, stationId: string | null): LearnedDuration | null;
}

const Row = z.object({
  templateId: z.string(),
  taskDefId: z.string(),
  stationId: z.string().nullable(),
  avgSeconds: z.number(),
  samples: z.number().int(),
});
type Row = z.output<typeof Row>;

const key = (templateId: string, taskDefId: string, stationId: string | null) => `${templateId}|${taskDefId}|${stationId ?? '*'}`;

/**
 * One query for every recipe task of the given templates: the moving average of the last
 * LEARNED_WINDOW durations per (template, task) and per (template, task, station). Each sample
 * is normalised to one unit with the same factor the ETA scales by (perUnitSeconds), so a batch
 * of three does not look like a slow single.
 *
 * It reads at most LEARNED_WINDOW rows per average, newest first down the idx_durations_recent*
 * indexes: the recipe's tasks are found by skipping from one task id to the next (a loose index
 * scan), and each average takes the first rows of its index range. Reading and ranking the whole
 * history instead grew with the kitchen's age, and this runs on every ETA run after a completion.
 */
/** One sample's duration for one unit (perUnitSeconds' factor). */
const UNIT_SECONDS = Prisma.sql`duration_seconds / (1 + (GREATEST(quantity, 1) - 1) * ${EXTRA_UNIT_SHARE}::float8)`;

async function queryLearnedRows(db: Db, tenantId: string, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return tenantRows(
    db,
    tenantId,
    'queryLearnedRows',
    Row,
    Prisma.sql`
    WITH RECURSIVE defs AS (
      SELECT t, (SELECT min(task_def_id) FROM task_durations WHERE tenant_id = ${tenantId}::uuid AND workflow_template_id = t) AS def
      FROM unnest(${ids}::uuid[]) AS t
      UNION ALL
      SELECT t, (SELECT min(task_def_id) FROM task_durations WHERE tenant_id = ${tenantId}::uuid AND workflow_template_id = t AND task_def_id > def)
      FROM defs WHERE def IS NOT NULL
    )
    SELECT d.t::text AS "templateId", d.def AS "taskDefId", NULL AS "stationId", avg(w.unit)::float8 AS "avgSeconds", count(*)::int AS samples
    FROM defs d CROSS JOIN LATERAL (
      SELECT ${UNIT_SECONDS} AS unit
      FROM task_durations
      WHERE tenant_id = ${tenantId}::uuid AND workflow_template_id = d.t AND task_def_id = d.def
      ORDER BY recorded_at DESC, id LIMIT ${LEARNED_WINDOW}
    ) w
    WHERE d.def IS NOT NULL
    GROUP BY d.t, d.def
    UNION ALL
    SELECT d.t::text, d.def, s.id::text, avg(w.unit)::float8, count(*)::int
    FROM defs d JOIN stations s ON s.tenant_id = ${tenantId}::uuid
    CROSS JOIN LATERAL (
      SELECT ${UNIT_SECONDS} AS unit
      FROM task_durations
      WHERE tenant_id = ${tenantId}::uuid AND workflow_template_id = d.t AND task_def_id = d.def AND station_id = s.id
      ORDER BY recorded_at DESC, id LIMIT ${LEARNED_WINDOW}
    ) w
    WHERE d.def IS NOT NULL
    GROUP BY d.t, d.def, s.id`,
  );
}

function lookupOver(rows: Row[]): LearnedDurations {
  const byKey = new Map<string, LearnedDuration>(
    rows.map((r) => [key(r.templateId, r.taskDefId, r.stationId), { avgSeconds: r.avgSeconds, samples: r.samples }]),
  );
  return {
    lookup(templateId, taskDefId, stationId) {
      if (!templateId) return null;
      // The same object while the cache keeps this lookup (see `last`), so a caller can tell nothing changed.
      return (stationId && byKey.get(key(templateId, taskDefId, stationId))) || byKey.get(key(templateId, taskDefId, null)) || null;
    },
  };
}

/** Uncached: for reads outside the worker (the API's quote, the designer's learned column). */
export async function loadLearnedDurations(db: Db, tenantId: string, templateIds: string[]): Promise<LearnedDurations> {
  return lookupOver(await queryLearnedRows(db, tenantId, [...new Set(templateIds)]));
}

export interface LearnedDurationsCache {
  load(db: Db, tenantId: string, templateIds: string[]): Promise<LearnedDurations>;
  /**
   * A duration was just recorded: the next load reads the averages afresh, of that recipe
   * (template) when given, else of the whole tenant.
   */
  forget(tenantId: string, templateId?: string): void;
  /** Tenants whose averages are held (for the tests and the many-tenants bench). */
  cachedTenants(): number;
}

interface TenantCache {
  entries: Map<string, { at: number; rows: Row[] }>;
  /** Bumped by every forget(): a read that started before one may predate a new sample. */
  generation: number;
  /** The last answer built from the entries, reused while they and the templates asked for are the same. */
  last: { templates: string; lookup: LearnedDurations } | null;
}

/**
 * The worker's cache of learned averages, per tenant and template, for `ttlMs`. The ETA runs
 * on every transition, so even the bounded query above is worth not repeating. Durations recorded by this process clear
 * their recipe at once (only it is read again); those recorded by another worker are seen within
 * `ttlMs`. A tenant's entries go when it went quiet (`limits`, config/tenant-caches.ts).
 */
export function createLearnedDurationsCache(ttlMs = LEARNED_CACHE_MS, now: () => number = Date.now, limits?: TenantCacheLimits): LearnedDurationsCache {
  const tenants = createTenantCache<TenantCache>(limits);
  const tenantCache = (tenantId: string): TenantCache => {
    let cache = tenants.get(tenantId);
    if (!cache) tenants.set(tenantId, (cache = { entries: new Map(), generation: 0, last: null }));
    return cache;
  };
  return {
    async load(db, tenantId, templateIds) {
      const cache = tenantCache(tenantId);
      const at = now();
      const ids = [...new Set(templateIds)];
      const stale = ids.filter((id) => {
        const entry = cache.entries.get(id);
        return !entry || at - entry.at > ttlMs;
      });
      if (stale.length === 0) {
        // Every ETA run asks for the same templates while the cache holds: one lookup serves them all.
        const templates = ids.sort().join();
        if (cache.last?.templates !== templates) cache.last = { templates, lookup: lookupOver(ids.flatMap((id) => cache.entries.get(id)?.rows ?? [])) };
        return cache.last.lookup;
      }
      const generation = cache.generation;
      const rows = await queryLearnedRows(db, tenantId, stale);
      // A forget() while this read was in flight means it may predate a new sample: use it, don't keep it.
      if (cache.generation === generation) {
        for (const id of stale) cache.entries.set(id, { at, rows: rows.filter((r) => r.templateId === id) });
        cache.last = null;
      }
      const fresh = new Set(stale);
      return lookupOver([...rows, ...ids.filter((id) => !fresh.has(id)).flatMap((id) => cache.entries.get(id)?.rows ?? [])]);
    },
    forget(tenantId, templateId) {
      // A tenant not held has nothing to forget (a read in flight for it keeps its own entry and is dropped with it).
      const cache = tenants.get(tenantId);
      if (!cache) return;
      cache.generation++;
      cache.last = null;
      if (templateId) cache.entries.delete(templateId);
      else cache.entries.clear();
    },
    cachedTenants: () => tenants.size,
  };
}
