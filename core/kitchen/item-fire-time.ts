import { z } from 'zod';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { tenantRows } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import type { ActivityDeps } from './deps';
import { emitTaskUpdated } from './task-events';

const MovedRow = z.object({ id: z.string(), orderId: z.string(), stationId: z.string().nullable(), plannedStartAt: z.date() });

/**
 * The order re-paced a waiting item (workflows/order/repace.ts): its tasks not yet sent to a
 * station get the new planned start, each keeping its offset from the item's first task (as
 * task-rows.ts planned them), so the KDS, the boards and the next ETA run see the new fire time.
 * Written as an absolute time, so a retried call changes nothing more.
 */
export function createItemFireTimeActivities(deps: ActivityDeps): Pick<KitchenActivities, 'moveItemFireTime'> {
  return {
    async moveItemFireTime({ tenantId, orderItemId, fireAt }) {
      const moved = await tenantRows(
        deps.prisma,
        tenantId,
        'moveItemFireTime',
        MovedRow,
        Prisma.sql`
        WITH base AS (
          SELECT min(planned_start_at) AS at FROM task_instances WHERE tenant_id = ${tenantId}::uuid AND order_item_id = ${orderItemId}::uuid
        )
        UPDATE task_instances t SET planned_start_at = ${new Date(fireAt)}::timestamptz + (t.planned_start_at - base.at), updated_at = now()
        FROM base
        WHERE t.tenant_id = ${tenantId}::uuid AND t.order_item_id = ${orderItemId}::uuid AND t.status = 'PENDING'
          AND base.at IS NOT NULL AND base.at <> ${new Date(fireAt)}::timestamptz
        RETURNING t.id::text AS id, t.order_id::text AS "orderId", t.station_id::text AS "stationId", t.planned_start_at AS "plannedStartAt"`,
      );
      if (moved.length === 0) return;
      // No version: a move is a new fact each time, even with the status unchanged.
      await Promise.all(moved.map((t) => emitTaskUpdated(deps, { ...t, tenantId, orderItemId, status: 'PENDING' }, null, t.plannedStartAt.toISOString())));
      deps.eta?.after(tenantId, 'item-repaced');
    },
  };
}
