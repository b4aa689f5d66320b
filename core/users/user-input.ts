import { z } from 'zod';
import { ROLES } from '../../domain/auth/permissions';
import { AppError } from '../../contracts/errors';
import { passwordSchema } from '../auth/password-policy';
import type { Actor } from '../types';

const name = z.string().trim().min(1, 'must not be empty').max(255);
const role = z.enum(ROLES);

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  name,
  role,
  password: passwordSchema,
});

export const updateUserSchema = z.object({
  name: name.optional(),
  role: role.optional(),
  isActive: z.boolean().optional(),
});

/** Owners are the top of the tree: only an owner may create, promote to, or change an owner. */
export function assertMayTouchOwner(actor: Actor, ...roles: (string | undefined)[]) {
  if (actor.role !== 'OWNER' && roles.includes('OWNER')) {
    throw new AppError('FORBIDDEN', 'Only an owner can create, promote to or change an owner account');
  }
}
