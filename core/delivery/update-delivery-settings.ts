import { Prisma } from '../../prisma/generated/client';
import type { TravelTime } from '../../domain/delivery/travel-time';
import { tenantExecute } from '../../db/sql';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { deliverySettingsSchema } from './delivery-input';
import { readTravelTime } from './travel-time';

/**
 * A manager sets the tenant's travel time. It is what the kitchen plans with until enough trips
 * were delivered to learn it (domain/delivery/travel-time.ts). Merged into `settings.delivery`
 * in one statement, so a concurrent change of another setting is kept.
 */
export async function updateDeliverySettings({ db, actor, input }: ServiceOptions<unknown>): Promise<TravelTime> {
  const { travelMinutes } = parseInput(deliverySettingsSchema, input);
  await tenantExecute(
    db,
    actor.tenantId,
    'updateDeliverySettings',
    Prisma.sql`UPDATE tenants
       SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{delivery}',
                                coalesce(settings->'delivery', '{}'::jsonb) || jsonb_build_object('travelMinutes', ${travelMinutes}::int)),
           updated_at = now()
     WHERE id = ${actor.tenantId}::uuid`,
  );
  await recordAudit({ db, actor, action: 'tenant.delivery_settings', entityType: 'Tenant', entityId: actor.tenantId, details: { travelMinutes } });
  return readTravelTime(db);
}
