import type { Prisma } from '../../../prisma/generated/client';
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
export async function recordAudit({ db, actor, tenantId, action, entityType, entityId, details }: AuditEntry): Promise<void> {
  const tid = tenantId ?? actor?.tenantId;
  if (!tid) throw new Error('recordAudit needs a tenant (actor or tenantId)');
  const system = isSystemActor(actor) ? { actor: actor.name, ...(actor.via ? { via: actor.via } : {}) } : null;
  await db.auditLog.create({
    data: {
      tenantId: tid,
      userId: actor?.userId ?? null,
      action,
      entityType: entityType ?? null,
      entityId: entityId ?? null,
      details: (system ? { ...details, ...system } : (details ?? undefined)) as Prisma.InputJsonValue | undefined,
      ipAddress: actor?.ip ?? null,
    },
  });
}
