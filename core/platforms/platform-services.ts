import { AppError } from '../../contracts/errors';
import { isUniqueViolation } from '../errors';
import { encryptCredentials } from '../../platforms/credentials';
import { defaultProductId } from '../../platforms/mapping';
import type { TenantDb } from '../../db/tenant-scope';
import type { KitchenHandle } from '../types';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { assignmentSchema, createPlatformSchema, resyncSchema, storeStatusSchema } from './platform-input';
import { withUnknownItems } from './platform-order-view';
import { ensureAvailabilitySync, ensureOrderReconciliation, startMenuSync, startStoreStatusPush } from '../../temporal/platform-client';

/** Every column but the credentials: they are written, never read back through the API. */
export const platformSelect = {
  id: true,
  tenantId: true,
  name: true,
  type: true,
  connector: true,
  config: true,
  isActive: true,
  storeStatus: true,
  busyExtraMinutes: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function listPlatforms({ db }: ServiceOptions<unknown>) {
  return db.platform.findMany({ select: platformSelect, orderBy: { name: 'asc' } });
}

async function requirePlatform(db: TenantDb, id: string) {
  const platform = await db.platform.findFirst({ where: { id: requireId(id, 'Platform') }, select: platformSelect });
  if (!platform) throw notFound('Platform');
  return platform;
}

export async function createPlatform({ db, actor, input, kitchen }: ServiceOptions<unknown> & { kitchen: KitchenHandle | null }) {
  const data = parseInput(createPlatformSchema, input);
  let platform;
  try {
    platform = await db.platform.create({
      data: {
        tenantId: actor.tenantId,
        name: data.name,
        type: data.type,
        connector: data.connector,
        config: {
          baseUrl: data.baseUrl,
          ...(data.timeoutMs ? { timeoutMs: data.timeoutMs } : {}),
          ...(data.tokenUrl ? { tokenUrl: data.tokenUrl } : {}),
          ...(data.invalidOrders ? { invalidOrders: data.invalidOrders } : {}),
          ...(data.deliveredBy ? { deliveredBy: data.deliveredBy } : {}),
        },
        credentialsEncrypted: encryptCredentials({
          apiKey: data.apiKey ?? undefined,
          clientId: data.clientId ?? undefined,
          clientSecret: data.clientSecret ?? undefined,
          webhookSecrets: data.webhookSecrets,
        }),
      },
      select: platformSelect,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A platform named "${data.name}" already exists`);
    throw err;
  }
  await recordAudit({
    db,
    actor,
    action: 'platform.create',
    entityType: 'Platform',
    entityId: platform.id,
    details: { name: data.name, type: data.type, connector: data.connector },
  });
  if (kitchen) {
    await ensureAvailabilitySync(kitchen, { tenantId: actor.tenantId, platformId: platform.id });
    await ensureOrderReconciliation(kitchen, { tenantId: actor.tenantId, platformId: platform.id });
  }
  return platform;
}

export function listAssignments({ db, input }: ServiceOptions<{ platformId: string }>) {
  return db.productPlatformAssignment.findMany({
    where: { platformId: requireId(input.platformId, 'Platform') },
    include: { menuItem: { select: { id: true, name: true } } },
    orderBy: { menuItem: { name: 'asc' } },
  });
}

/** Bulk assign: dishes already on the platform are left as they are. */
export async function assignProducts({ db, actor, input }: ServiceOptions<unknown>) {
  const data = parseInput(assignmentSchema, input);
  await requirePlatform(db, data.platformId);
  const found = await db.menuItem.findMany({ where: { id: { in: data.menuItemIds } }, select: { id: true } });
  if (found.length !== new Set(data.menuItemIds).size) throw notFound('Menu item');
  const { count } = await db.productPlatformAssignment.createMany({
    data: found.map((m) => ({ tenantId: actor.tenantId, platformId: data.platformId, menuItemId: m.id, platformProductId: defaultProductId(m.id) })),
    skipDuplicates: true,
  });
  await recordAudit({ db, actor, action: 'platform.assign', entityType: 'Platform', entityId: data.platformId, details: { menuItemIds: data.menuItemIds } });
  return count;
}

export async function unassignProducts({ db, actor, input }: ServiceOptions<unknown>) {
  const data = parseInput(assignmentSchema, input);
  await requirePlatform(db, data.platformId);
  const { count } = await db.productPlatformAssignment.deleteMany({ where: { platformId: data.platformId, menuItemId: { in: data.menuItemIds } } });
  await recordAudit({ db, actor, action: 'platform.unassign', entityType: 'Platform', entityId: data.platformId, details: { menuItemIds: data.menuItemIds } });
  return count;
}

export async function resyncPlatform({
  db,
  actor,
  input,
  kitchen,
}: ServiceOptions<{ platformId: string; menuItemIds?: string[] | null }> & { kitchen: KitchenHandle | null }) {
  const { menuItemIds } = parseInput(resyncSchema, { menuItemIds: input.menuItemIds });
  if (!kitchen) throw new Error('The kitchen (Temporal) is not configured for this API: platform sync is unavailable');
  const platform = await requirePlatform(db, input.platformId);
  const ref = { tenantId: actor.tenantId, platformId: platform.id };
  await ensureAvailabilitySync(kitchen, ref);
  await ensureOrderReconciliation(kitchen, ref);
  const workflowId = await startMenuSync(kitchen, ref, menuItemIds ?? undefined);
  await recordAudit({ db, actor, action: 'platform.resync', entityType: 'Platform', entityId: platform.id, details: { workflowId } });
  return workflowId;
}

export async function listSyncLogs({ db, input }: ServiceOptions<{ platformId: string; limit?: number | null }>) {
  await requirePlatform(db, input.platformId);
  return db.syncLog.findMany({ where: { platformId: input.platformId }, orderBy: { createdAt: 'desc' }, take: Math.min(Math.max(input.limit ?? 50, 1), 200) });
}

export async function listPlatformOrders({ db, input }: ServiceOptions<{ platformId: string; needsReview?: boolean | null }>) {
  await requirePlatform(db, input.platformId);
  const rows = await db.platformOrder.findMany({
    where: { platformId: input.platformId, ...(input.needsReview != null ? { needsReview: input.needsReview } : {}) },
    include: { platform: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  return withUnknownItems(db, rows);
}

/** Pause / busy (+ extra minutes) / online: stored, then pushed to the platform by a workflow. */
export async function setStoreStatus({ db, actor, input, kitchen }: ServiceOptions<unknown> & { kitchen: KitchenHandle | null }) {
  if (!kitchen) throw new Error('The kitchen (Temporal) is not configured for this API: platform sync is unavailable');
  const data = parseInput(storeStatusSchema, input);
  const platform = await requirePlatform(db, data.platformId);
  const extra = data.status === 'busy' ? (data.extraMinutes ?? 15) : 0;
  await db.platform.updateMany({ where: { id: platform.id }, data: { storeStatus: data.status, busyExtraMinutes: extra } });
  await recordAudit({
    db,
    actor,
    action: 'platform.storeStatus',
    entityType: 'Platform',
    entityId: platform.id,
    details: { status: data.status, extraMinutes: extra },
  });
  const workflowId = await startStoreStatusPush(kitchen, { tenantId: actor.tenantId, platformId: platform.id });
  return { platform: await requirePlatform(db, platform.id), workflowId };
}
