import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { EXTRA_UNIT_SHARE, type DurationSample } from '../../domain/eta';
import { tenantRows, type SqlTarget } from '../../db/sql';

/** How many recent durations the learning reads, per recipe task (at any station, and per station). */
export const LEARNED_WINDOW = 100;
/** How many recent durations of every dish a station's pace reads. */
export const PACE_WINDOW = 200;

/** The samples of one recipe task (stationId null: at any station) or, for a pace, of one station. */
export interface SampleRow {
  templateId: string;
  taskDefId: string;
  stationId: string | null;
  samples: DurationSample[];
}

export interface StationSampleRow {
  stationId: string;
  taskTypes: string[];
  samples: DurationSample[];
}

const Arrays = { seconds: z.array(z.number()), expected: z.array(z.number().nullable()), at: z.array(z.number()) };
const toSamples = (r: { seconds: number[]; expected: Array<number | null>; at: number[] }): DurationSample[] =>
  r.seconds.map((seconds, i) => ({ seconds, expectedSeconds: r.expected[i] ?? null, at: r.at[i] }));

const TaskRow = z.object({ templateId: z.string(), taskDefId: z.string(), stationId: z.string().nullable(), ...Arrays }).transform((r) => ({
  templateId: r.templateId,
  taskDefId: r.taskDefId,
  stationId: r.stationId,
  samples: toSamples(r),
}));
const StationRow = z.object({ stationId: z.string(), taskTypes: z.array(z.string()), ...Arrays }).transform((r) => ({
  stationId: r.stationId,
  taskTypes: r.taskTypes,
  samples: toSamples(r),
}));

/**
 * One unit's actual and expected seconds of each recorded duration, with perUnitSeconds' factor
 * (a batch of three is not a slow single). The expected time is the task instance's estimate,
 * stored already scaled by its quantity; NULL for durations without their task.
 */
const SAMPLE = (limit: number, where: Prisma.Sql) => Prisma.sql`
  SELECT array_agg(x.unit) AS seconds, array_agg(x.expected) AS expected, array_agg(x.at) AS at FROM (
    SELECT (d.duration_seconds - COALESCE(ti.added_minutes, 0)::float8 * 60) / (1 + (GREATEST(d.quantity, 1) - 1) * ${EXTRA_UNIT_SHARE}::float8) AS unit,
           (ti.estimated_minutes - ti.added_minutes)::float8 * 60 / (1 + (GREATEST(d.quantity, 1) - 1) * ${EXTRA_UNIT_SHARE}::float8) AS expected,
           (extract(epoch FROM d.recorded_at) * 1000)::float8 AS at
    FROM task_durations d LEFT JOIN task_instances ti ON ti.id = d.task_instance_id AND ti.tenant_id = d.tenant_id
    WHERE ${where}
    ORDER BY d.recorded_at DESC, d.id LIMIT ${limit}
  ) x`;

/**
 * The last LEARNED_WINDOW samples per (template, task) and per (template, task, station) of the
 * given templates, newest first down the idx_durations_recent* indexes: the recipe's tasks are
 * found by skipping from one task id to the next (a loose index scan), so the read does not grow
 * with the kitchen's age.
 */
export async function queryTaskSamples(db: SqlTarget, tenantId: string, ids: string[]): Promise<SampleRow[]> {
  if (ids.length === 0) return [];
  const own = Prisma.sql`d.tenant_id = ${tenantId}::uuid AND d.workflow_template_id = defs.t AND d.task_def_id = defs.def`;
  return tenantRows(
    db,
    tenantId,
    'queryTaskSamples',
    TaskRow,
    Prisma.sql`
    WITH RECURSIVE defs AS (
      SELECT t, (SELECT min(task_def_id) FROM task_durations WHERE tenant_id = ${tenantId}::uuid AND workflow_template_id = t) AS def
      FROM unnest(${ids}::uuid[]) AS t
      UNION ALL
      SELECT t, (SELECT min(task_def_id) FROM task_durations WHERE tenant_id = ${tenantId}::uuid AND workflow_template_id = t AND task_def_id > def)
      FROM defs WHERE def IS NOT NULL
    )
    SELECT defs.t::text AS "templateId", defs.def AS "taskDefId", NULL AS "stationId", w.*
    FROM defs CROSS JOIN LATERAL (${SAMPLE(LEARNED_WINDOW, own)}) w
    WHERE defs.def IS NOT NULL AND w.seconds IS NOT NULL
    UNION ALL
    SELECT defs.t::text, defs.def, s.id::text, w.*
    FROM defs JOIN stations s ON s.tenant_id = ${tenantId}::uuid
    CROSS JOIN LATERAL (${SAMPLE(LEARNED_WINDOW, Prisma.sql`${own} AND d.station_id = s.id`)}) w
    WHERE defs.def IS NOT NULL AND w.seconds IS NOT NULL`,
  );
}

/** The last PACE_WINDOW samples of every dish per station (or of one), down idx_durations_station_recent. */
export async function queryStationSamples(db: SqlTarget, tenantId: string, stationId: string | null = null): Promise<StationSampleRow[]> {
  return tenantRows(
    db,
    tenantId,
    'queryStationSamples',
    StationRow,
    Prisma.sql`
    SELECT s.id::text AS "stationId", s.task_types AS "taskTypes", w.*
    FROM stations s CROSS JOIN LATERAL (${SAMPLE(PACE_WINDOW, Prisma.sql`d.tenant_id = ${tenantId}::uuid AND d.station_id = s.id`)}) w
    WHERE s.tenant_id = ${tenantId}::uuid AND w.seconds IS NOT NULL AND (${stationId}::uuid IS NULL OR s.id = ${stationId}::uuid)`,
  );
}
