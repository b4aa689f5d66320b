import { isIP } from 'node:net';
import type { Client } from '@temporalio/client';
import type { CounterFire } from '../core/kitchen/counter-fire';
import type { EventPublisher } from '../events/event-publisher';
import type { ItemWorkflowWatch } from '../core/tasks/item-workflow-watch';
import type { Db } from '../db/client';
import { forTenant, type TenantDb } from '../db/tenant-scope';
import type { Env } from '../config/env';
import { verifyAccessToken, type AuthClaims } from '../core/auth/tokens';
import { AppError } from '../core/errors';

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

/** The cross-process Socket.io publisher (events/event-publisher.ts), as the services use it. */
export type RealtimeEvents = Pick<EventPublisher, 'toTenant' | 'toStation'>;

export interface GraphQLContext {
  actor: Actor | null;
  /** Scoped to actor.tenantId: the only data access resolvers get. Null when unauthenticated. */
  db: TenantDb | null;
  /**
   * Why the bearer token was rejected. Kept instead of thrown so login/refresh still work while a
   * client sends a stale header; any field that needs auth reports this error (scope-auth).
   */
  authError: AppError | null;
  /** Unscoped client: ONLY the auth services use it (login happens before a tenant is known). */
  prisma: Db;
  env: AuthEnv;
  /** Client address for the audit log (login happens before there is an actor). */
  ip?: string;
  /** Null when the API runs without Temporal: orders and KDS actions then fail loudly. */
  kitchen: KitchenHandle | null;
  /** Null when there is no database to publish through (bare test APIs): events are skipped. */
  events: RealtimeEvents | null;
}

/** What Yoga hands the factory; `req` is present when Yoga is mounted on Express/Node http. */
interface ServerContext {
  request: Request;
  req?: { ip?: string; socket?: { remoteAddress?: string } };
}

export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

function clientIp(req: ServerContext['req']): string | undefined {
  const raw = (req?.ip ?? req?.socket?.remoteAddress)?.replace(/^::ffff:/, '');
  return raw && isIP(raw) ? raw : undefined;
}

export interface CreateContextOptions {
  prisma: Db;
  env: AuthEnv;
  kitchen?: KitchenHandle | null;
  events?: RealtimeEvents | null;
}

export function createContext({ prisma, env, kitchen = null, events = null }: CreateContextOptions) {
  return async ({ request, req }: ServerContext): Promise<GraphQLContext> => {
    const ip = clientIp(req);
    const base = { prisma, env, ip, actor: null, db: null, authError: null, kitchen, events };
    const header = request.headers.get('authorization');
    if (!header) return base;
    const token = bearerToken(header);
    if (!token) return { ...base, authError: new AppError('UNAUTHENTICATED', 'Invalid token') };
    try {
      const claims = verifyAccessToken(token, env.JWT_SECRET);
      return { ...base, actor: { ...claims, ip }, db: forTenant(prisma, claims.tenantId) };
    } catch (err) {
      if (err instanceof AppError) return { ...base, authError: err };
      throw err;
    }
  };
}
