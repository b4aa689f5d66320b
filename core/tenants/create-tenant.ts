import type { Tenant, User } from '../../prisma/generated/client';
import { AppError } from '../../contracts/errors';
import type { Db } from '../../db/client';
import { issueAccessLink, newAccessLinkToken, type IssuedAccessLink } from '../auth/access-links';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../errors';
import { systemActor } from '../types';
import { parseInput } from '../validate';
import { createTenantSchema } from './tenant-input';

export interface CreatedTenant extends IssuedAccessLink {
  tenant: Tenant;
  owner: User;
}

const slugTaken = (slug: string) =>
  new AppError('CONFLICT', `slug: a restaurant with the code "${slug}" already exists; choose another`, {
    field: 'slug',
    fieldErrors: [{ path: 'slug', message: 'is already taken' }],
  });

/**
 * A new, empty restaurant (no stations, recipes or dishes: the onboarding checklist leads through
 * them) with its OWNER, who sets a password through the one-time link returned. Tenants sit above
 * the tenant scope, so this takes the raw client; `via` names who asked (the CLI, the sign-up page).
 */
export async function createTenant({ prisma, input, via, ip }: { prisma: Db; input: unknown; via: string; ip?: string }): Promise<CreatedTenant> {
  const data = parseInput(createTenantSchema, input);
  if (await prisma.tenant.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw slugTaken(data.slug);
  const passwordHash = await hashPassword(newAccessLinkToken());
  try {
    return await prisma.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({ data: { name: data.name, slug: data.slug, settings: { timeZone: data.timeZone } } });
      const owner = await tx.user.create({ data: { tenantId: tenant.id, email: data.ownerEmail, name: data.ownerName, role: 'OWNER', passwordHash } });
      const link = await issueAccessLink({ db: tx, tenantId: tenant.id, userId: owner.id, purpose: 'invite', createdById: null });
      await recordAudit({
        db: tx,
        actor: systemActor(tenant.id, 'tenant-create', via),
        action: 'tenant.create',
        entityType: 'Tenant',
        entityId: tenant.id,
        details: { slug: data.slug, ownerEmail: data.ownerEmail, timeZone: data.timeZone, ...(ip ? { ip } : {}) },
      });
      return { tenant, owner, ...link };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(data.slug);
    throw err;
  }
}
