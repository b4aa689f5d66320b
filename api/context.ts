import { isIP } from 'node:net';
import type { Db } from '../db/client';
import { forTenant, type TenantDb } from '../db/tenant-scope';
import { verifyAccessToken } from '../core/auth/tokens';
import type { AccessRevoked, Actor, AuthEnv, BoardScreenRevoked, KitchenHandle, RealtimeEvents } from '../core/types';
import type { LoginThrottle } from '../core/auth/login-throttle';
import { AppError } from '../contracts/errors';
import type { SignUpGate } from './rate-limits/signup-gate';

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
  /** The request's id (api/request-id.ts), on the log lines written for it. */
  requestId?: string;
  /** Null when the API runs without Temporal: orders and KDS actions then fail loudly. */
  kitchen: KitchenHandle | null;
  /** Null when there is no database to publish through (bare test APIs): events are skipped. */
  events: RealtimeEvents | null;
  /** Login's per-IP and per-account limits (api/rate-limits). */
  loginThrottle: LoginThrottle | null;
  /** Closes a user's live connections (core/types.ts AccessRevoked); null without a publisher. */
  accessRevoked: AccessRevoked | null;
  /** Closes a revoked board screen's open pages; null without a publisher. */
  boardScreenRevoked: BoardScreenRevoked | null;
  /** Whether the public sign-up is on, and its per-IP limit; null: off. */
  signUp: SignUpGate | null;
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
  loginThrottle?: LoginThrottle | null;
  accessRevoked?: AccessRevoked | null;
  boardScreenRevoked?: BoardScreenRevoked | null;
  signUp?: SignUpGate | null;
}

export function createContext({
  prisma,
  env,
  kitchen = null,
  events = null,
  loginThrottle = null,
  accessRevoked = null,
  boardScreenRevoked = null,
  signUp = null,
}: CreateContextOptions) {
  return async ({ request, req }: ServerContext): Promise<GraphQLContext> => {
    const ip = clientIp(req);
    const requestId = request.headers.get('x-request-id') ?? undefined;
    const base = {
      prisma,
      env,
      ip,
      requestId,
      actor: null,
      db: null,
      authError: null,
      kitchen,
      events,
      loginThrottle,
      accessRevoked,
      boardScreenRevoked,
      signUp,
    };
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
