import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are opaque random strings; only their SHA-256 is stored (UserSession.tokenHash),
 * so a database leak does not hand out live sessions. A fast hash is enough: 256 random bits
 * cannot be brute-forced, unlike passwords.
 */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
