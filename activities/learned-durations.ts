import { EXTRA_UNIT_SHARE, type LearnedDuration } from '../domain/eta';
import type { ActivityDeps } from './deps';

type Db = Pick<ActivityDeps['prisma'], '$queryRaw'>;

/** How many recent actual durations the moving average covers, per recipe task and station. */
export const LEARNED_WINDOW = 100;

export interface LearnedDurations {
  /** Per station first (cooks differ), then the recipe task at any station, else null (use the estimate). */
  lookup(templateId: string | null, taskDefId: string, stationId: string | null): LearnedDuration | null;
}

interface Row {
  templateId: string;
  taskDefId: string;
  stationId: string | null;
  avgSeconds: number;
  samples: number;
}

const key = (templateId: string, taskDefId: string, stationId: string | null) => `${templateId}|${taskDefId}|${stationId ?? '*'}`;

/**
 * One grouped query for every recipe task of the given templates: the moving average of the
 * last LEARNED_WINDOW durations per (template, task, station) and per (template, task). Each
 * sample is normalised to one unit with the same factor the ETA scales by (perUnitSeconds), so
 * a batch of three does not look like a slow single.
 */
export async function loadLearnedDurations(db: Db, tenantId: string, templateIds: string[]): Promise<LearnedDurations> {
  const ids = [...new Set(templateIds)];
  const rows = ids.length === 0 ? [] : await db.$queryRaw<Row[]>`
    WITH d AS (
      SELECT workflow_template_id AS t, task_def_id AS def, station_id AS s, recorded_at, id,
             duration_seconds / (1 + (GREATEST(quantity, 1) - 1) * ${EXTRA_UNIT_SHARE}::float8) AS unit
      FROM task_durations
      WHERE tenant_id = ${tenantId}::uuid AND workflow_template_id = ANY(${ids}::uuid[])
    ),
    by_station AS (
      SELECT t, def, s, unit, row_number() OVER (PARTITION BY t, def, s ORDER BY recorded_at DESC, id) AS rn
      FROM d WHERE s IS NOT NULL
    ),
    by_task AS (
      SELECT t, def, unit, row_number() OVER (PARTITION BY t, def ORDER BY recorded_at DESC, id) AS rn FROM d
    )
    SELECT t::text AS "templateId", def AS "taskDefId", s::text AS "stationId",
           avg(unit)::float8 AS "avgSeconds", count(*)::int AS samples
    FROM by_station WHERE rn <= ${LEARNED_WINDOW} GROUP BY t, def, s
    UNION ALL
    SELECT t::text, def, NULL, avg(unit)::float8, count(*)::int
    FROM by_task WHERE rn <= ${LEARNED_WINDOW} GROUP BY t, def`;
  const byKey = new Map(rows.map((r) => [key(r.templateId, r.taskDefId, r.stationId), r]));
  return {
    lookup(templateId, taskDefId, stationId) {
      if (!templateId) return null;
      const hit = (stationId && byKey.get(key(templateId, taskDefId, stationId))) || byKey.get(key(templateId, taskDefId, null));
      return hit ? { avgSeconds: hit.avgSeconds, samples: hit.samples } : null;
    },
  };
}
