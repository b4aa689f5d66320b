import type { TenantDb } from '../db/tenant-scope';
import type { Actor } from '../api/context';

/** The client inside `db.$transaction(async (tx) => …)`: still tenant-scoped (same extension). */
export type TenantTx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0];

/**
 * Brigade itself acting for a tenant (a marketplace order taken by the platform workflow), not a
 * user: no user id, no role, and a name such as `system:platform` that the audit log records.
 */
export interface SystemActor {
  kind: 'system';
  tenantId: string;
  userId: null;
  name: `system:${string}`;
  /** Which instance acted, e.g. the platform's name; recorded next to `name` in the audit row. */
  via?: string;
  ip?: undefined;
}

/** Who services that system actions also call (create/cancel order, audit) accept. */
export type ServiceActor = Actor | SystemActor;

export function systemActor(tenantId: string, system: string, via?: string): SystemActor {
  return { kind: 'system', tenantId, userId: null, name: `system:${system}`, via };
}

export function isSystemActor(actor: unknown): actor is SystemActor {
  return typeof actor === 'object' && actor !== null && (actor as { kind?: unknown }).kind === 'system';
}

/** Every tenant service takes one options object: the scoped client, the caller and the input. */
export interface ServiceOptions<Input, A extends ServiceActor = Actor> {
  db: TenantDb;
  actor: A;
  input: Input;
}
