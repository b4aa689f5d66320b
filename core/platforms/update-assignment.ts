import { Prisma } from '../../prisma/generated/client';
import type { KitchenHandle } from '../types';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { notifyAvailabilityChanged } from './notify-availability';
import { updateAssignmentSchema } from './platform-input';

/**
 * A dish's name, price, availability and hours on one platform. The assignment goes back to
 * PENDING and the platform's follower is woken, so the change is pushed within seconds.
 */
export async function updatePlatformAssignment({
  db,
  actor,
  input,
  kitchen,
}: ServiceOptions<{ id: string; changes: unknown }> & { kitchen?: KitchenHandle | null }) {
  const id = requireId(input.id, 'Platform assignment');
  const changes = parseInput(updateAssignmentSchema, input.changes);
  const data: Prisma.ProductPlatformAssignmentUpdateManyMutationInput = { syncStatus: 'PENDING', syncError: null };
  if (changes.platformName !== undefined) data.platformName = changes.platformName;
  if (changes.platformPrice !== undefined) data.platformPrice = changes.platformPrice === null ? null : new Prisma.Decimal(changes.platformPrice);
  if (changes.isAvailable !== undefined && changes.isAvailable !== null) data.isAvailable = changes.isAvailable;
  if (changes.availableFrom !== undefined) data.availableFrom = changes.availableFrom;
  if (changes.availableTo !== undefined) data.availableTo = changes.availableTo;
  if (changes.availableDays) data.availableDays = [...new Set(changes.availableDays)].sort();
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.productPlatformAssignment.updateMany({ where: { id }, data });
    if (count === 0) throw notFound('Platform assignment');
    const row = await tx.productPlatformAssignment.findFirstOrThrow({ where: { id }, include: { menuItem: { select: { id: true, name: true } } } });
    await recordAudit({
      db: tx,
      actor,
      action: 'platform.assignment.update',
      entityType: 'Platform',
      entityId: row.platformId,
      details: { assignmentId: id, changes },
    });
    return row;
  });
  await notifyAvailabilityChanged({ db, client: kitchen?.client, tenantId: actor.tenantId });
  return updated;
}
