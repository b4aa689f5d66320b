import type { TenantDb } from '../db/tenant-scope';
import type { Client } from '@temporalio/client';
import type { Env } from '../config/env';
import type { EventPublisher } from '../events/event-publisher';
import type { AuthClaims } from './auth/tokens';
import type { CounterFire } from './kitchen/counter-fire';
import type { ItemWorkflowWatch } from './tasks/item-workflow-watch';

/** The caller as services see it: token claims plus where the request came from (for the audit log). */
export interface Actor extends AuthClaims {
  ip?: string;
}

export type AuthEnv = Pick<Env, 'JWT_SECRET' | 'ACCESS_TOKEN_TTL' | 'REFRESH_TOKEN_TTL'>;

/** The kitchen workflows: orders start theirs here, KDS actions are Updates on them. */
export interface KitchenHandle {
  client: Client;
  taskQueue: string;
  /** createOrder queues the new order's first tickets itself (core/kitchen/counter-fire.ts); absent: the workflows do it. */
  counterFire?: CounterFire;
  /** Hears item workflows start: a tap on a ticket fired before its workflow existed waits for it (absent: polls). */
  itemWorkflows?: ItemWorkflowWatch;
}

/**
 * Told when a user's access ends before their access token does (logout, deactivation, a role
 * change), once it has committed: the API edge closes that user's live connections with it.
 */
export type AccessRevoked = (user: { tenantId: string; userId: string }) => Promise<void>;

/** Told when a board screen is revoked, once it has committed: the edge closes the screen's open pages. */
export type BoardScreenRevoked = (tenantId: string, screenId: string) => Promise<void>;

/** The cross-process Socket.io publisher (events/event-publisher.ts), as the services use it. */
export type RealtimeEvents = Pick<EventPublisher, 'toTenant' | 'toStation' | 'toUser'>;

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
