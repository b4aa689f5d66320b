import type { Db } from './client';

/**
 * Tenant isolation in one place. Every model below carries tenantId; the scoped client adds
 * `tenantId` to every read/update/delete filter and to every create, so a row of another
 * tenant behaves exactly like a missing row. Resolvers and services only ever receive the
 * scoped client (see api/context.ts); only auth/bootstrap code touches the raw client.
 */
export const TENANT_MODELS = new Set([
  'User', 'UserSession', 'Station', 'WorkflowTemplate', 'WorkflowTemplateVersion', 'MenuItem',
  'RecipeIngredient', 'InventoryItem', 'InventoryMovement', 'Order', 'OrderItem', 'TaskInstance',
  'SubtaskInstance', 'DeliveryAssignment', 'Shift', 'TaskDuration', 'AuditLog', 'Platform',
  'ProductPlatformAssignment', 'PlatformOrder', 'PlatformWebhookEvent', 'SyncLog',
]);

const WHERE_OPS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count',
  'aggregate', 'groupBy', 'update', 'updateMany', 'updateManyAndReturn', 'delete', 'deleteMany',
]);
const CREATE_OPS = new Set(['create', 'createMany', 'createManyAndReturn']);

type AnyArgs = Record<string, any>;

function withTenantData(data: unknown, tenantId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => withTenantData(d, tenantId));
  const row = data as AnyArgs;
  if (row.tenantId !== undefined && row.tenantId !== tenantId) {
    throw new Error('Refusing to write a row for another tenant');
  }
  // Relation-style creates (`tenant: { connect }`) are rewritten to the scalar form.
  const { tenant: _ignored, ...rest } = row;
  return { ...rest, tenantId };
}

export function scopeArgs(operation: string, args: AnyArgs | undefined, tenantId: string): AnyArgs {
  const a: AnyArgs = { ...(args ?? {}) };
  if (WHERE_OPS.has(operation)) a.where = { ...(a.where ?? {}), tenantId };
  if (CREATE_OPS.has(operation)) a.data = withTenantData(a.data, tenantId);
  if (operation === 'upsert') {
    a.where = { ...(a.where ?? {}), tenantId };
    a.create = withTenantData(a.create, tenantId);
  }
  return a;
}

export function forTenant(prisma: Db, tenantId: string) {
  if (!tenantId) throw new Error('forTenant needs a tenantId');
  return prisma.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          return query(scopeArgs(operation, args as AnyArgs, tenantId) as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof forTenant>;
