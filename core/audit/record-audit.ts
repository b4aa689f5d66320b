import type { Prisma } from '../../prisma/generated/client';
import { isSystemActor, type ServiceActor } from '../types';

interface AuditWriter {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> };
}

export interface AuditEntry {
  /**
   * Anything with an auditLog delegate: normally the tenant client or a transaction on it; the
   * auth services (no tenant context yet) pass the raw client with an explicit tenantId.
   */
  db: AuditWriter;
  /**
   * A user, or the system (SystemActor: no user id, its name goes into details.actor); user.login
   * passes the user it just authenticated.
   */
  actor: Pick<ServiceActor, 'userId' | 'tenantId' | 'ip'> | null;
  tenantId?: string;
  /** `<entity>.<verb>`, e.g. station.create, workflow.publish, user.login. */
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

/**
 * The one way to write the audit log. Callers pass the transaction client so the audit row
 * commits or rolls back together with the change it describes.
 */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  await entry.db.auditLog.create({ data: auditRow(entry) });
}

/**
 * The row recordAudit writes, for a change stored by one SQL statement that writes its audit row
 * itself (createOrder): same tenant rule, same system-actor details.
 */
export function auditRow({ actor, tenantId, action, entityType, entityId, details }: Omit<AuditEntry, 'db'>) {
  const tid = tenantId ?? actor?.tenantId;
  if (!tid) throw new Error('recordAudit needs a tenant (actor or tenantId)');
  const system = isSystemActor(actor) ? { actor: actor.name, ...(actor.via ? { via: actor.via } : {}) } : null;
  return {
    tenantId: tid,
    userId: actor?.userId ?? null,
    action,
    entityType: entityType ?? null,
    entityId: entityId ?? null,
    details: (system ? { ...details, ...system } : (details ?? undefined)) as Prisma.InputJsonValue | undefined,
    ipAddress: actor?.ip ?? null,
  } satisfies Prisma.AuditLogUncheckedCreateInput;
}
