import { z } from 'zod';
import { tenantRows } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import { Coalescer } from '../kitchen-read/coalesce';
import { emitToTenantAndStation, type ActivityDeps, type KitchenEvents } from './deps';
import { componentLogger } from '../../config/logger';

const log = componentLogger('events');

export function handlesType(station: { taskTypes: string[] }, stationType: string): boolean {
  const wanted = stationType.toLowerCase();
  return station.taskTypes.some((t) => t.toLowerCase() === wanted);
}

const LoadRow = z.object({
  id: z.string(),
  capacity: z.number().int(),
  queued: z.number().int(),
  in_progress: z.number().int(),
});

/**
 * A busy station's load is announced at most this often: twice a second is plenty for a load bar,
 * and each announcement is a query and an event every board receives (the KDS and the analytics
 * page refetch on it; the KDS also follows the task events themselves).
 */
export const STATION_LOAD_SPACING_MS = 500;

const announcers = new WeakMap<KitchenEvents, Coalescer<string, void>>();

/**
 * Announces `station:load` for the touched stations without holding up the transition that
 * touched them: per station, one computation at a time and at most one every
 * STATION_LOAD_SPACING_MS, shared by every transition meanwhile (each announcement is computed
 * after the transitions that asked for it, so the last one tells the truth). A quiet station
 * announces at once. One announcer per publisher, i.e. per process; the publisher's close()
 * waits for the announcements still due.
 */
export function announceStationLoad(deps: ActivityDeps, tenantId: string, stationIds: Array<string | null>): void {
  let announcer = announcers.get(deps.events);
  if (!announcer) {
    announcer = new Coalescer((key: string) => {
      const [tenant, station] = key.split('|');
      return emitStationLoad(deps, tenant, [station]);
    }, STATION_LOAD_SPACING_MS);
    announcers.set(deps.events, announcer);
  }
  for (const id of new Set(stationIds)) {
    if (!id) continue;
    deps.events.track(
      announcer.request(`${tenantId}|${id}`).catch((err: unknown) => {
        log.error({ err, tenantId, stationId: id }, 'station:load failed');
      }),
    );
  }
}

/** `station:load` for each touched station, computed from the rows (so a retry emits the truth). */
async function emitStationLoad(deps: ActivityDeps, tenantId: string, stationIds: Array<string | null>): Promise<void> {
  const ids = [...new Set(stationIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const rows = await tenantRows(
    deps.prisma,
    tenantId,
    'emitStationLoad',
    LoadRow,
    Prisma.sql`
    SELECT s.id::text AS id, s.capacity,
      count(t.id) FILTER (WHERE t.status = 'QUEUED')::int AS queued,
      count(t.id) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS in_progress
    FROM stations s
    LEFT JOIN task_instances t
      ON t.station_id = s.id AND t.tenant_id = s.tenant_id AND t.status IN ('QUEUED', 'IN_PROGRESS')
    WHERE s.tenant_id = ${tenantId}::uuid AND s.id = ANY(${ids}::uuid[])
    GROUP BY s.id`,
  );
  for (const row of rows) {
    // Load counts the waiting queue too, so it can exceed 100%: it is what "least loaded" compares.
    const loadPercent = Math.round(((row.queued + row.in_progress) / Math.max(row.capacity, 1)) * 100);
    await emitToTenantAndStation(deps.events, tenantId, row.id, 'station:load', {
      stationId: row.id,
      queueLength: row.queued,
      inProgress: row.in_progress,
      capacity: row.capacity,
      loadPercent,
    });
  }
}
