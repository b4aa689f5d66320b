import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import type { Role } from '../../prisma/generated/client';
import { AppError } from '../../contracts/errors';

/** What an access token proves: who the caller is and which tenant every query is scoped to. */
export interface AuthClaims {
  userId: string;
  tenantId: string;
  tenantSlug: string;
  role: Role;
  name: string;
}

const ROLES = new Set<string>(['OWNER', 'ADMIN', 'MANAGER', 'STAFF', 'OPERATOR', 'DELIVERY']);

/**
 * Short-lived HS256 access token. `ttl` is a jsonwebtoken duration ("15m") or seconds; refresh
 * tokens are opaque random strings (core/auth/refresh-tokens.ts), never JWTs, so they can be revoked.
 */
export function signAccessToken(claims: AuthClaims, secret: string, ttl: string | number): string {
  const { userId, tenantId, tenantSlug, role, name } = claims;
  return jwt.sign({ tid: tenantId, tsl: tenantSlug, role, name }, secret, {
    algorithm: 'HS256',
    subject: userId,
    expiresIn: ttl as jwt.SignOptions['expiresIn'],
  });
}

/**
 * Given a string, jsonwebtoken first tries to parse it as a PEM public key on every call, which
 * showed up as ~1 % of the API's CPU under load; a ready-made secret KeyObject skips that.
 */
const keys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/**
 * Tokens already verified, per secret, with their expiry: a client sends the same token with
 * every request for its whole life, and checking the signature again each time was about 1 % of
 * the API's CPU under load. Only successes are kept; expiry is still checked on every call.
 */
const VERIFIED_MAX = 5_000;
const verified = new Map<string, LRUCache<string, { claims: AuthClaims; expiresAtMs: number }>>();

/** Verifies signature, algorithm and expiry (which must be there); any failure is UNAUTHENTICATED. */
export function verifyAccessToken(token: string, secret: string): AuthClaims {
  let bySecret = verified.get(secret);
  if (!bySecret) verified.set(secret, (bySecret = new LRUCache({ max: VERIFIED_MAX })));
  const known = bySecret.get(token);
  if (known) {
    if (Date.now() < known.expiresAtMs) return known.claims;
    bySecret.delete(token);
    throw new AppError('UNAUTHENTICATED', 'Token expired');
  }
  const { claims, exp } = verifySignature(token, secret);
  Object.freeze(claims); // shared by every request that sends this token
  bySecret.set(token, { claims, expiresAtMs: exp * 1000 });
  return claims;
}

function verifySignature(token: string, secret: string): { claims: AuthClaims; exp: number } {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'] });
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw new AppError('UNAUTHENTICATED', 'Token expired');
    throw new AppError('UNAUTHENTICATED', 'Invalid token');
  }
  if (typeof payload === 'string') throw new AppError('UNAUTHENTICATED', 'Invalid token');
  const { sub, tid, tsl, role, name, exp } = payload as jwt.JwtPayload & Record<string, unknown>;
  // An access token without an expiry would never stop working: every token this API signs has one.
  if (
    typeof sub !== 'string' ||
    typeof tid !== 'string' ||
    typeof tsl !== 'string' ||
    typeof exp !== 'number' ||
    typeof role !== 'string' ||
    !ROLES.has(role) ||
    typeof name !== 'string'
  ) {
    throw new AppError('UNAUTHENTICATED', 'Invalid token');
  }
  return { claims: { userId: sub, tenantId: tid, tenantSlug: tsl, role: role as Role, name }, exp };
}

/** The claims' expiry as a Date, for AuthPayload.expiresAt. */
export function accessTokenExpiry(token: string): Date {
  const decoded = jwt.decode(token) as jwt.JwtPayload | null;
  return new Date((decoded?.exp ?? 0) * 1000);
}
