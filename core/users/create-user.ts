import { hashPassword } from '../auth/passwords';
import { assertStrongPassword } from '../auth/password-policy';
import { AppError } from '../../contracts/errors';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { assertMayTouchOwner, createUserSchema } from './user-input';

const emailTaken = (email: string) => new AppError('CONFLICT', `A user with email ${email} already exists`, { field: 'email' });

export async function createUser({ db, actor, input }: ServiceOptions<unknown>) {
  const { password, ...data } = parseInput(createUserSchema, input);
  assertMayTouchOwner(actor, data.role);
  assertStrongPassword(password, { email: data.email, name: data.name, tenantSlug: actor.tenantSlug });
  const clash = await db.user.findFirst({ where: { email: { equals: data.email, mode: 'insensitive' } }, select: { id: true } });
  if (clash) throw emailTaken(data.email);
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...data, passwordHash, tenantId: actor.tenantId } });
      // Never the password or its hash.
      await recordAudit({ db: tx, actor, action: 'user.create', entityType: 'User', entityId: user.id, details: { email: data.email, role: data.role } });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(data.email);
    throw err;
  }
}
