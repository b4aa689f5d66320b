import { z } from 'zod';
import { email, safeText, TEXT_LIMITS } from '../../domain/input/text';
import { ROLES } from '../../domain/auth/permissions';
import { AppError } from '../../contracts/errors';
import { passwordSchema } from '../auth/password-policy';
import type { Actor } from '../types';

const name = safeText(TEXT_LIMITS.name).min(1, 'must not be empty');
const role = z.enum(ROLES);

export const createUserSchema = z.object({
  email: email(),
  name,
  role,
  password: passwordSchema,
});

/** An invite: who and what role; the person sets the password themselves through the link. */
export const inviteUserSchema = createUserSchema.omit({ password: true });

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
