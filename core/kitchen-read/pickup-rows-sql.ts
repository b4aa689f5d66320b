import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { isPlausible, type StationTaskRow } from '../../domain/eta';
import { tenantRows, type SqlTarget } from '../../db/sql';

/** How many of a station's recently started, finished tasks its pickup delay learns from. */
export const PICKUP_WINDOW = 200;

export interface StationPickupRows {
  stationId: string;
  taskTypes: string[];
  capacity: number;
  rows: StationTaskRow[];
}

const Row = z
  .object({
    stationId: z.string(),
    taskTypes: z.array(z.string()),
    capacity: z.number(),
    queued: z.array(z.number()),
    started: z.array(z.number()),
    completed: z.array(z.number()),
    expected: z.array(z.number()),
  })
  .transform((r): StationPickupRows => ({
    stationId: r.stationId,
    taskTypes: r.taskTypes,
    capacity: r.capacity,
    rows: r.started.map((startedAt, i) => ({
      queuedAt: r.queued[i],
      startedAt,
      completedAt: r.completed[i],
      // An instant bump's start is not when the cook began: it holds its slot but teaches no pickup.
      plausible: isPlausible({ seconds: (r.completed[i] - startedAt) / 1000, expectedSeconds: r.expected[i] }),
    })),
  }));

/**
 * Per station (or one), the queued, started and completed times of its last PICKUP_WINDOW
 * finished tasks, newest first down idx_tasks_station_started.
 */
export async function queryStationPickupRows(db: SqlTarget, tenantId: string, stationId: string | null = null): Promise<StationPickupRows[]> {
  return tenantRows(
    db,
    tenantId,
    'queryStationPickupRows',
    Row,
    Prisma.sql`
    SELECT s.id::text AS "stationId", s.task_types AS "taskTypes", s.capacity, w.*
    FROM stations s CROSS JOIN LATERAL (
      SELECT array_agg(x.queued) AS queued, array_agg(x.started) AS started, array_agg(x.completed) AS completed, array_agg(x.expected) AS expected FROM (
        SELECT (extract(epoch FROM t.queued_at) * 1000)::float8 AS queued, (extract(epoch FROM t.started_at) * 1000)::float8 AS started,
               (extract(epoch FROM t.completed_at) * 1000)::float8 AS completed, t.estimated_minutes::float8 * 60 AS expected
        FROM task_instances t
        WHERE t.tenant_id = ${tenantId}::uuid AND t.station_id = s.id AND t.status = 'DONE'
          AND t.started_at IS NOT NULL AND t.queued_at IS NOT NULL AND t.completed_at IS NOT NULL
        ORDER BY t.started_at DESC LIMIT ${PICKUP_WINDOW}
      ) x
    ) w
    WHERE s.tenant_id = ${tenantId}::uuid AND w.started IS NOT NULL AND (${stationId}::uuid IS NULL OR s.id = ${stationId}::uuid)`,
  );
}
