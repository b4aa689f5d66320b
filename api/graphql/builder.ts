import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import type { Prisma } from '../../prisma/generated/client';
import type { TenantDb } from '../../db/tenant-scope';
import { can, type Permission } from '../../domain/auth/permissions';
import type { Actor } from '../../core/types';
import type { GraphQLContext } from '../context';
import { AppError, isAppError } from '../../contracts/errors';
import { currentAccess } from '../../core/auth/current-access';

/** Context after a scope passed: the actor and the tenant-scoped client are guaranteed. */
export type AuthedContext = GraphQLContext & { actor: Actor; db: TenantDb };

export interface BrigadeTypes {
  Context: GraphQLContext;
  AuthScopes: { authenticated: boolean; permission: Permission };
  AuthContexts: { authenticated: AuthedContext; permission: AuthedContext };
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    Decimal: { Input: string; Output: Prisma.Decimal | string | number };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}

/** The permission a failed check asked for, so FORBIDDEN can say what was missing. */
function missingPermission(failure: AuthFailure): string | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope && failure.scope === 'permission') {
    return String(failure.parameter);
  }
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const f of failure.failures) {
      const found = missingPermission(f);
      if (found) return found;
    }
  }
  return undefined;
}

/** Swaps a deactivated user's actor for its UNAUTHENTICATED error, and a changed role for the current one. */
async function confirmActor(ctx: GraphQLContext): Promise<void> {
  if (!ctx.actor) return;
  try {
    ctx.actor.role = (await currentAccess(ctx.prisma, ctx.actor)).role;
  } catch (err) {
    if (!isAppError(err)) throw err;
    ctx.actor = null;
    ctx.db = null;
    ctx.authError = err;
  }
}

/**
 * Authorization is declared on fields (`withAuth({ permission: 'stations:write' })`) and checked
 * here, before any resolver runs, against the one matrix in domain/auth/permissions.ts. Query and
 * Mutation additionally require `authenticated` at type level (api/graphql/schema/root.ts), so a
 * field is private unless it opts out with `skipTypeScopes`.
 */
export const builder = new SchemaBuilder<BrigadeTypes>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Runs once per request, before the first guarded field: the token's user is re-read so a
    // deactivation or role change takes effect at once, not when the access token expires.
    authScopes: async (ctx) => {
      await confirmActor(ctx);
      return {
        authenticated: ctx.actor !== null,
        permission: (perm) => ctx.actor !== null && can(ctx.actor.role, perm),
      };
    },
    unauthorizedError: (_parent, ctx, _info, result) => {
      if (!ctx.actor) return ctx.authError ?? new AppError('UNAUTHENTICATED', 'Authentication required');
      const perm = missingPermission(result.failure);
      return new AppError('FORBIDDEN', perm ? `Role ${ctx.actor.role} lacks permission ${perm}` : 'Not allowed', perm ? { permission: perm } : undefined);
    },
  },
});
