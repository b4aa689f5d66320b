import type { LRUCache } from 'lru-cache';
import { createTenantCache } from '../config/tenant-caches';
import { sharePool, type Db } from './client';

/**
 * Tenant isolation in one place. Every model below carries tenantId; the scoped client adds
 * `tenantId` to every read/update/delete filter and to every create, so a row of another
 * tenant behaves exactly like a missing row; updates cannot move a row to another tenant, and
 * the Tenant model itself shows only the own tenant. Resolvers and services only ever receive
 * the scoped client (see api/context.ts); only auth/bootstrap code touches the raw client.
 * Not covered, so avoid them in app code: nested writes (rows in `items: { create: [...] }`
 * get no tenantId injected) and raw SQL. Raw SQL goes through db/sql.ts instead: tenantRows and
 * tenantExecute refuse a statement that does not bind the tenant id, and parse its rows.
 */
export const TENANT_MODELS = new Set([
  'User',
  'UserSession',
  'Station',
  'WorkflowTemplate',
  'WorkflowTemplateVersion',
  'MenuItem',
  'RecipeIngredient',
  'ModifierGroup',
  'ModifierOption',
  'InventoryItem',
  'InventoryMovement',
  'Order',
  'OrderItem',
  'TaskInstance',
  'SubtaskInstance',
  'DeliveryAssignment',
  'Shift',
  'TaskDuration',
  'AuditLog',
  'Platform',
  'ProductPlatformAssignment',
  'PlatformOrder',
  'PlatformWebhookEvent',
  'SyncLog',
  'BoardScreen',
  'AccessLink',
  'OrderEtaChange',
]);

const WHERE_OPS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
]);
const CREATE_OPS = new Set(['create', 'createMany', 'createManyAndReturn']);
const UPDATE_OPS = new Set(['update', 'updateMany', 'updateManyAndReturn']);
/** What a scoped client may do to the Tenant row itself: read and update its own, nothing else. */
const OWN_TENANT_OPS = new Set([...WHERE_OPS].filter((op) => op !== 'delete' && op !== 'deleteMany'));

// Prisma hands extensions each model's own args type; one map of them needs `any` values.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
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

/** An update may not move a row out of the tenant, neither via `tenantId` nor via the relation. */
function assertStaysInTenant(data: unknown, tenantId: string): void {
  const row = (data ?? {}) as AnyArgs;
  const value = row.tenantId !== null && typeof row.tenantId === 'object' ? row.tenantId.set : row.tenantId;
  if ((value !== undefined && value !== tenantId) || row.tenant !== undefined) {
    throw new Error('Refusing to move a row to another tenant');
  }
}

export function scopeArgs(operation: string, args: AnyArgs | undefined, tenantId: string): AnyArgs {
  const a: AnyArgs = { ...(args ?? {}) };
  if (WHERE_OPS.has(operation)) a.where = { ...(a.where ?? {}), tenantId };
  if (CREATE_OPS.has(operation)) a.data = withTenantData(a.data, tenantId);
  if (UPDATE_OPS.has(operation)) assertStaysInTenant(a.data, tenantId);
  if (operation === 'upsert') {
    a.where = { ...(a.where ?? {}), tenantId };
    a.create = withTenantData(a.create, tenantId);
    assertStaysInTenant(a.update, tenantId);
  }
  if (!WHERE_OPS.has(operation) && !CREATE_OPS.has(operation) && operation !== 'upsert') {
    // A Prisma operation we do not know how to scope must not run unscoped.
    throw new Error(`Operation ${operation} is not supported on a tenant-scoped client`);
  }
  return a;
}

/** The Tenant model has no tenantId: a scoped client sees exactly one tenant, its own. */
export function scopeOwnTenantArgs(operation: string, args: AnyArgs | undefined, tenantId: string): AnyArgs {
  if (!OWN_TENANT_OPS.has(operation)) {
    throw new Error(`tenant.${operation} is not allowed on a tenant-scoped client`);
  }
  // AND, not `id: tenantId`, which would replace the caller's own `id` filter and answer a
  // lookup of another tenant with this one.
  const where: AnyArgs = args?.where ?? {};
  const and = where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
  const a: AnyArgs = { ...(args ?? {}), where: { ...where, AND: [...and, { id: tenantId }] } };
  if (UPDATE_OPS.has(operation) && a.data && 'id' in a.data) throw new Error('Refusing to change a tenant id');
  return a;
}

function scopedClient(prisma: Db, tenantId: string) {
  return prisma.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (model === 'Tenant') return query(scopeOwnTenantArgs(operation, args as AnyArgs, tenantId) as typeof args);
          if (!TENANT_MODELS.has(model)) return query(args);
          return query(scopeArgs(operation, args as AnyArgs, tenantId) as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof scopedClient>;

/** Scoped clients kept per raw client, within the tenant cache limits (config/tenant-caches.ts): a quiet tenant's goes. */
const scopedClients = new WeakMap<Db, LRUCache<string, TenantDb>>();

/**
 * The tenant-scoped client of `tenantId`. It holds nothing but the tenant id, so one is built
 * per tenant and reused by every request (building one per request cost a client extension and
 * its model proxies each time).
 */
export function forTenant(prisma: Db, tenantId: string): TenantDb {
  if (!tenantId) throw new Error('forTenant needs a tenantId');
  let clients = scopedClients.get(prisma);
  if (!clients) scopedClients.set(prisma, (clients = createTenantCache<TenantDb>()));
  let client = clients.get(tenantId);
  if (!client) {
    client = scopedClient(prisma, tenantId);
    sharePool(prisma, client);
    clients.set(tenantId, client);
  }
  return client;
}
