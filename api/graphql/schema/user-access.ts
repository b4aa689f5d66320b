import { redeemAccessLink } from '../../../core/auth/redeem-access-link';
import { inviteUser, type UserAccessLink } from '../../../core/users/invite-user';
import { resetUserPassword } from '../../../core/users/reset-user-password';
import { builder } from '../builder';
import { AuthPayloadRef } from './auth';
import { RoleEnum, UserRef } from './user';

export const UserAccessLinkRef = builder.objectRef<UserAccessLink>('UserAccessLink').implement({
  description: 'A one-time link for setting a password, shown once: the web app opens it at /#/welcome/<token>.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Only its hash is stored: it cannot be shown again.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({ type: UserRef, resolve: (l) => l.user }),
  }),
});

const InviteUserInput = builder.inputType('InviteUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

builder.mutationFields((t) => ({
  inviteUser: t.withAuth({ permission: 'users:manage' }).field({
    type: UserAccessLinkRef,
    description: 'Creates the user and a one-time link (72 hours) with which they set their password.',
    args: { input: t.arg({ type: InviteUserInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => inviteUser({ db, actor, input }),
  }),
  resetUserPassword: t.withAuth({ permission: 'users:manage' }).field({
    type: UserAccessLinkRef,
    description: 'A one-time link (24 hours) with which the user sets a new password; their current one works until then.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => resetUserPassword({ db, actor, input: { id: String(args.id) } }),
  }),
  // Public: the link's token is the credential.
  redeemAccessLink: t.field({
    type: AuthPayloadRef,
    skipTypeScopes: true,
    description: "Sets the password of the link's user, uses the link up and signs them in.",
    args: {
      token: t.arg.string({ required: true }),
      password: t.arg.string({ required: true, description: 'At least 10 characters, hard to guess, without the email, name or tenant slug.' }),
    },
    resolve: (_root, args, ctx) => redeemAccessLink({ prisma: ctx.prisma, env: ctx.env, input: args, ip: ctx.ip }),
  }),
}));
