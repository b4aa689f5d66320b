import type { Role, User } from '../../../prisma/generated/client';
import { ROLES, type RoleName } from '../../../domain/auth/permissions';
import { createUser } from '../../../core/users/create-user';
import { listUsers } from '../../../core/users/list-users';
import { updateUser } from '../../../core/users/update-user';
import { builder } from '../builder';

// Compile-time guard: the pure domain's role list and the database enum must stay identical.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesMatch: Same<RoleName, Role> = true;
void rolesMatch;

export const RoleEnum = builder.enumType('Role', {
  description: 'What a user does in the kitchen; the permission matrix is in docs/permissions.md.',
  values: ROLES,
});

export const UserRef = builder.objectRef<User>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    isActive: t.exposeBoolean('isActive'),
    locale: t.exposeString('locale', { nullable: true, description: "The user's own language (en, it); null follows the restaurant's default." }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    password: t.string({ required: true, description: 'At least 10 characters, hard to guess, without the email, name or tenant slug.' }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    name: t.string(),
    role: t.field({ type: RoleEnum }),
    isActive: t.boolean({ description: 'false logs the user out everywhere (their refresh sessions are revoked).' }),
  }),
});

builder.queryFields((t) => ({
  users: t.withAuth({ permission: 'users:manage' }).field({
    type: [UserRef],
    resolve: (_root, _args, { db, actor }) => listUsers({ db, actor, input: undefined }),
  }),
}));

builder.mutationFields((t) => ({
  createUser: t.withAuth({ permission: 'users:manage' }).field({
    type: UserRef,
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => createUser({ db, actor, input }),
  }),
  updateUser: t.withAuth({ permission: 'users:manage' }).field({
    type: UserRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_root, args, { db, actor, accessRevoked }) => updateUser({ db, actor, input: { id: String(args.id), changes: args.input }, accessRevoked }),
  }),
}));
