import { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import { tenantExecute, tenantRows } from '../../db/sql';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseKitchenSettingsChanges, readKitchenSettings, type KitchenSettings } from './kitchen-settings';

const SettingsRow = z.object({ settings: z.unknown() });

/**
 * Changes some kitchen settings and audits what changed. The new keys are merged into the stored
 * JSON in SQL (`||`), so the tenant's other settings stay as they are; the row lock makes two
 * managers' saves apply one after the other, each audited against what it replaced.
 */
export async function updateKitchenSettings({ db, actor, input }: ServiceOptions<Record<string, unknown>>): Promise<KitchenSettings> {
  const changes = parseKitchenSettingsChanges(input);
  const tenantId = actor.tenantId;
  return db.$transaction(async (tx) => {
    const [row] = await tenantRows(
      tx,
      tenantId,
      'lock tenant settings',
      SettingsRow,
      Prisma.sql`SELECT settings FROM tenants WHERE id = ${tenantId}::uuid FOR UPDATE`,
    );
    const before = readKitchenSettings(row?.settings);
    const changed = Object.fromEntries(Object.entries(changes).filter(([key, value]) => before[key as keyof KitchenSettings] !== value));
    if (Object.keys(changed).length === 0) return before;
    await tenantExecute(
      tx,
      tenantId,
      'merge tenant settings',
      Prisma.sql`UPDATE tenants SET settings = settings || ${JSON.stringify(changed)}::jsonb, updated_at = now() WHERE id = ${tenantId}::uuid`,
    );
    const previous = Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof KitchenSettings]]));
    await recordAudit({ db: tx, actor, action: 'kitchenSettings.update', entityType: 'Tenant', entityId: tenantId, details: { changes: changed, previous } });
    return { ...before, ...changed };
  });
}
