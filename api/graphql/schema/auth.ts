import type { Tenant } from '../../../prisma/generated/client';
import { getMe } from '../../../core/auth/get-me';
import type { AuthPayload } from '../../../core/auth/issue-session';
import { changePassword } from '../../../core/auth/change-password';
import { login } from '../../../core/auth/login';
import { logout } from '../../../core/auth/logout';
import { refreshSession } from '../../../core/auth/refresh-session';
import { readKitchenSettings } from '../../../core/settings/kitchen-settings';
import { tenantCurrency } from '../../../core/settings/tenant-currency';
import { tenantTimeZone } from '../../../core/settings/tenant-time-zone';
import { setMyLocale } from '../../../core/users/set-my-locale';
import { builder } from '../builder';
import { UserRef } from './user';

export const TenantRef = builder.objectRef<Tenant>('Tenant').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    currency: t.string({ description: 'ISO 4217 code prices are in (tenant settings, EUR when unset).', resolve: (tenant) => tenantCurrency(tenant.settings) }),
    locale: t.string({
      description: "The restaurant's default language (en, it) for users who chose none and for its public pages; updateKitchenSettings sets it.",
      resolve: (tenant) => readKitchenSettings(tenant.settings).locale,
    }),
    timeZone: t.string({
      nullable: true,
      description: 'IANA time zone the restaurant works in; dates and times are shown in it. Null when unset (the browser’s zone).',
      resolve: (tenant) => tenantTimeZone(tenant.settings),
    }),
  }),
});

export const AuthPayloadRef = builder.objectRef<AuthPayload>('AuthPayload').implement({
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', { description: 'Send as `Authorization: Bearer <token>`.' }),
    refreshToken: t.exposeString('refreshToken', { description: 'Single use: `refresh` returns a new one.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When accessToken expires.' }),
    user: t.field({ type: UserRef, resolve: (p) => p.user }),
    tenant: t.field({ type: TenantRef, resolve: (p) => p.tenant }),
  }),
});

type MeShape = Awaited<ReturnType<typeof getMe>>;
const MeRef = builder.objectRef<MeShape>('Me').implement({
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (m) => m.user }),
    tenant: t.field({ type: TenantRef, resolve: (m) => m.tenant }),
    permissions: t.exposeStringList('permissions'),
    locale: t.exposeString('locale', { description: "The language the caller sees: their own choice (user.locale), else the restaurant's default." }),
  }),
});

// login/refresh/logout are the only public root fields: they carry their own credentials.
builder.mutationFields((t) => ({
  login: t.field({
    type: AuthPayloadRef,
    skipTypeScopes: true,
    args: {
      tenant: t.arg.string({ required: true, description: 'Tenant slug, e.g. "demo".' }),
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) => login({ prisma: ctx.prisma, env: ctx.env, input: args, ip: ctx.ip, throttle: ctx.loginThrottle }),
  }),
  refresh: t.field({
    type: AuthPayloadRef,
    skipTypeScopes: true,
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => refreshSession({ prisma: ctx.prisma, env: ctx.env, input: args, ip: ctx.ip }),
  }),
  logout: t.boolean({
    skipTypeScopes: true,
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => logout({ prisma: ctx.prisma, input: args, ip: ctx.ip, accessRevoked: ctx.accessRevoked }),
  }),
}));

builder.mutationFields((t) => ({
  changePassword: t.withAuth({ authenticated: true }).field({
    type: AuthPayloadRef,
    description: "Sets the caller's password; every refresh session of theirs ends and a fresh one is returned.",
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true, description: 'At least 10 characters, hard to guess, without the email, name or tenant slug.' }),
    },
    resolve: (_root, args, ctx) => changePassword({ prisma: ctx.prisma, env: ctx.env, actor: ctx.actor, input: args, throttle: ctx.loginThrottle }),
  }),
}));

builder.mutationFields((t) => ({
  setMyLocale: t.withAuth({ authenticated: true }).field({
    type: UserRef,
    description: "Sets the caller's own language (en, it); null follows the restaurant's default. BAD_USER_INPUT names locale otherwise.",
    args: { locale: t.arg.string({ description: 'en, it, or null.' }) },
    resolve: (_root, args, { db, actor }) => setMyLocale({ db, actor, input: { locale: args.locale } }),
  }),
}));

builder.queryFields((t) => ({
  me: t.withAuth({ authenticated: true }).field({
    type: MeRef,
    resolve: (_root, _args, { db, actor }) => getMe({ db, actor, input: undefined }),
  }),
}));
