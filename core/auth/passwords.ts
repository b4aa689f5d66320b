import { createHmac } from 'node:crypto';
import bcrypt from 'bcryptjs';

/** Cost 10 keeps login around 60 ms on this hardware; tests may pass a lower cost. */
const DEFAULT_COST = 10;

/**
 * bcrypt reads only the first 72 bytes, so a long passphrase would match any password sharing
 * them. New hashes are bcrypt over HMAC-SHA256(password) in base64 (44 bytes, no NUL bytes) and
 * carry this prefix; hashes without it (the seed's, older users') are plain bcrypt and still verify.
 */
const PREHASHED = 'sha256-bcrypt:';
/** A fixed key for domain separation, not a secret pepper: the hashes stay portable between deployments. */
const PREHASH_KEY = 'brigade-password-prehash-v1';

function prehash(plain: string): string {
  return createHmac('sha256', PREHASH_KEY).update(plain, 'utf8').digest('base64');
}

export async function hashPassword(plain: string, cost = DEFAULT_COST): Promise<string> {
  return PREHASHED + (await bcrypt.hash(prehash(plain), cost));
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (hash.startsWith(PREHASHED)) return bcrypt.compare(prehash(plain), hash.slice(PREHASHED.length));
  return bcrypt.compare(plain, hash);
}

// Compared against when the tenant or email is unknown, so a miss costs the same time as a hit
// and response timing does not reveal which accounts exist.
const DUMMY_HASH = bcrypt.hashSync(prehash('brigade-timing-equaliser'), DEFAULT_COST);

export async function burnPasswordCheck(plain: string): Promise<false> {
  await bcrypt.compare(prehash(plain), DUMMY_HASH);
  return false;
}
