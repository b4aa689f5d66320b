import { z } from 'zod';
import { multilineText, safeText, TEXT_LIMITS } from '../../domain/input/text';
import { sendReviewDecision } from '../../temporal/platform-client';
import type { KitchenHandle } from '../types';
import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import { requireKitchen } from '../orders/kitchen-deps';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { platformOrderRow, type PlatformOrderRow } from './platform-order-view';
import { saveReviewMappings } from './review-mappings';

export const resolvePlatformOrderSchema = z.object({
  platformOrderId: safeText(TEXT_LIMITS.label),
  action: z.enum(['ACCEPT', 'DENY']),
  itemMappings: z
    .array(z.object({ platformItemId: safeText(255).min(1), menuItemId: safeText(TEXT_LIMITS.label) }))
    .max(100)
    .nullish(),
  reason: multilineText(500).nullish(),
});

/**
 * A person's decision on an order flagged for review. ACCEPT first saves the missing mappings
 * (so the next order with those items maps on its own), then hands the decision to the order's
 * platform workflow, which creates our order and accepts on the platform exactly like an order
 * that mapped on arrival; DENY denies there with the reason. The workflow takes one decision
 * per order, so a double click or a retry is a CONFLICT, never a second order or a second call.
 */
export async function resolvePlatformOrder({
  db,
  actor,
  input,
  kitchen,
}: ServiceOptions<unknown> & { kitchen: KitchenHandle | null }): Promise<PlatformOrderRow> {
  const data = parseInput(resolvePlatformOrderSchema, input);
  const handle = requireKitchen(kitchen);
  const row = await platformOrderRow(db, data.platformOrderId);
  assertOpen(row);
  if (data.action === 'ACCEPT') await saveReviewMappings(db, actor, row, data.itemMappings ?? []);

  const ref = { tenantId: actor.tenantId, platformId: row.platformId, platformOrderId: row.platformOrderId };
  const { refused } = await sendReviewDecision(handle, ref, { action: data.action, reason: data.reason ?? null });
  if (refused) throw new AppError('CONFLICT', refused.message, { reason: refused.type });
  await recordAudit({
    db,
    actor,
    action: 'platform_order.resolve',
    entityType: 'PlatformOrder',
    entityId: row.id,
    details: { platformOrderId: row.platformOrderId, action: data.action, reason: data.reason ?? null, itemMappings: data.itemMappings ?? [] },
  });
  return platformOrderRow(db, row.id);
}

function assertOpen(row: PlatformOrderRow): void {
  if (row.status !== 'needs_review') throw new AppError('CONFLICT', `Platform order ${row.platformOrderId} is already ${row.status}`);
}
