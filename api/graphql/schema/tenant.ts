import { AppError } from '../../../contracts/errors';
import { createTenant, type CreatedTenant } from '../../../core/tenants/create-tenant';
import { getOnboarding, type Onboarding, type OnboardingStep } from '../../../core/tenants/get-onboarding';
import { createTenantSchema } from '../../../core/tenants/tenant-input';
import { parseInput } from '../../../core/validate';
import { builder } from '../builder';
import { TenantRef } from './auth';
import { UserRef } from './user';

const CreatedTenantRef = builder.objectRef<CreatedTenant>('CreatedTenant').implement({
  fields: (t) => ({
    tenant: t.field({ type: TenantRef, resolve: (c) => c.tenant }),
    owner: t.field({ type: UserRef, resolve: (c) => c.owner }),
    token: t.exposeString('token', { description: "The owner's one-time link token (72 hours): /#/welcome/<token> sets the password." }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: "The restaurant's name." }),
    slug: t.string({ required: true, description: 'The code typed at sign-in, e.g. "trattoria-mario".' }),
    ownerEmail: t.string({ required: true }),
    ownerName: t.string(),
    timeZone: t.string({ required: true, description: 'IANA time zone, e.g. "Europe/Rome".' }),
  }),
});

const OnboardingStepRef = builder.objectRef<OnboardingStep>('OnboardingStep').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'stations, recipes, dishes, stock or staff, in this order.' }),
    done: t.exposeBoolean('done'),
    href: t.exposeString('href', { description: "The web app's page where the step is done." }),
  }),
});

const OnboardingRef = builder.objectRef<Onboarding>('Onboarding').implement({
  fields: (t) => ({
    steps: t.field({ type: [OnboardingStepRef], resolve: (o) => o.steps }),
    complete: t.exposeBoolean('complete'),
  }),
});

const SIGN_UP_OFF = 'Sign-up is turned off on this server: its operator creates restaurants with `npm run tenant:create`';

builder.queryFields((t) => ({
  signUpEnabled: t.boolean({
    skipTypeScopes: true,
    description: 'Whether signUp is open on this server (SIGNUP_ENABLED).',
    resolve: (_root, _args, ctx) => ctx.signUp !== null,
  }),
  onboarding: t.withAuth({ permission: 'analytics:read' }).field({
    type: OnboardingRef,
    description: "The new restaurant's checklist, each step read from its real rows.",
    resolve: (_root, _args, { db, actor }) => getOnboarding({ db, actor, input: undefined }),
  }),
}));

builder.mutationFields((t) => ({
  signUp: t.field({
    type: CreatedTenantRef,
    skipTypeScopes: true,
    description: 'A new, empty restaurant and its owner, with the owner’s one-time link. Limited per IP (SIGNUP_IP_LIMIT an hour).',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (!ctx.signUp) throw new AppError('FORBIDDEN', SIGN_UP_OFF);
      // Input mistakes are answered before the limit counts: only well-formed attempts use it up.
      const data = parseInput(createTenantSchema, input);
      await ctx.signUp(ctx.ip);
      return createTenant({ prisma: ctx.prisma, input: data, via: 'sign-up', ip: ctx.ip });
    },
  }),
}));
