import type { TenantDb } from '../../db/tenant-scope';
import { mapOrderLines, type AssignmentRef } from '../../platforms/mapping';
import { AppError, type FieldError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import { resolveOrderLines } from '../orders/resolve-order-lines';
import type { Actor } from '../types';
import type { PlatformOrderRow } from './platform-order-view';
import { payloadLines } from './platform-order-view';

export interface ItemMapping {
  platformItemId: string;
  menuItemId: string;
}

/**
 * Saves "platform item X is our dish Y" as that dish's platformProductId on the platform (one per
 * dish, so a dish mapped anew changes its id there), after checking that the order then maps
 * completely and the kitchen can cook every line; every problem names its item, and nothing is
 * saved unless all is well.
 */
export async function saveReviewMappings(db: TenantDb, actor: Actor, row: PlatformOrderRow, mappings: ItemMapping[]): Promise<void> {
  const lines = payloadLines(row);
  const unknown = new Map(row.unknownItems.map((u) => [u.platformItemId, u]));
  const label = (id: string) => `"${unknown.get(id)?.name ?? id}"`;
  const problems: FieldError[] = [];
  const seenDish = new Map<string, string>();
  mappings.forEach((m, i) => {
    if (!unknown.has(m.platformItemId))
      problems.push({ path: `itemMappings.${i}.platformItemId`, message: `${m.platformItemId} is not an unknown item of this order` });
    const other = seenDish.get(m.menuItemId);
    if (other && other !== m.platformItemId)
      problems.push({ path: `itemMappings.${i}.menuItemId`, message: `${label(other)} and ${label(m.platformItemId)} cannot both be the same dish` });
    seenDish.set(m.menuItemId, m.platformItemId);
  });
  const dishes = await db.menuItem.findMany({
    where: { id: { in: [...seenDish.keys()].filter(isUuid) } },
    select: { id: true, name: true, isAvailable: true, isActive: true },
  });
  const dishById = new Map(dishes.map((d) => [d.id, d]));
  mappings.forEach((m, i) => {
    if (!dishById.has(m.menuItemId))
      problems.push({ path: `itemMappings.${i}.menuItemId`, message: `${label(m.platformItemId)}: menu item ${m.menuItemId} does not exist` });
  });
  fail(problems);

  const current = await db.productPlatformAssignment.findMany({
    where: { platformId: row.platformId },
    include: { menuItem: { select: { name: true, isAvailable: true, isActive: true } } },
  });
  const refs: AssignmentRef[] = current
    .filter((a) => a.platformProductId && !seenDish.has(a.menuItemId))
    .map((a) => ({
      platformProductId: a.platformProductId!,
      menuItemId: a.menuItemId,
      menuItemName: a.menuItem.name,
      available: a.isAvailable && a.menuItem.isAvailable && a.menuItem.isActive,
    }));
  for (const m of mappings) {
    const dish = dishById.get(m.menuItemId)!;
    refs.push({ platformProductId: m.platformItemId, menuItemId: dish.id, menuItemName: dish.name, available: dish.isAvailable && dish.isActive });
  }
  const mapped = mapOrderLines(lines, refs);
  if (mapped.kind === 'unknown') {
    fail(
      (mapped.unknownProductIds.length ? mapped.unknownProductIds : ['(none)']).map((id) => ({
        path: 'itemMappings',
        message: `No menu item for ${label(id)}`,
      })),
    );
  }
  if (mapped.kind === 'unavailable')
    fail(mapped.names.map((n) => ({ path: 'itemMappings', message: `"${n}" is unavailable: deny the order or switch it on first` })));
  if (mapped.kind !== 'ok') return;
  // The kitchen's own checks (recipe published, quantities): an order it would refuse is refused now.
  await resolveOrderLines(
    db,
    mapped.lines.map((l) => ({ menuItemId: l.menuItemId, quantity: l.quantity, notes: l.notes, modifications: null, modifiers: [] })),
  );

  await db.$transaction(async (tx) => {
    for (const m of mappings) {
      await tx.productPlatformAssignment.upsert({
        where: { menuItemId_platformId: { menuItemId: m.menuItemId, platformId: row.platformId } },
        create: { tenantId: actor.tenantId, platformId: row.platformId, menuItemId: m.menuItemId, platformProductId: m.platformItemId },
        update: { platformProductId: m.platformItemId, syncStatus: 'PENDING', syncError: null },
      });
    }
    if (mappings.length) {
      await recordAudit({
        db: tx,
        actor,
        action: 'platform.map',
        entityType: 'Platform',
        entityId: row.platformId,
        details: { platformOrderId: row.platformOrderId, itemMappings: mappings },
      });
    }
  });
}

function fail(problems: FieldError[]): void {
  if (!problems.length) return;
  throw new AppError('BAD_USER_INPUT', `Cannot accept: ${problems.map((p) => p.message).join('; ')}`, { fieldErrors: problems });
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
