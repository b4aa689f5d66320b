import bcrypt from 'bcryptjs';

/** Cost 10 keeps login around 60 ms on this hardware; tests may pass a lower cost. */
const DEFAULT_COST = 10;

export function hashPassword(plain: string, cost = DEFAULT_COST): Promise<string> {
  return bcrypt.hash(plain, cost);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the tenant or email is unknown, so a miss costs the same time as a hit
// and response timing does not reveal which accounts exist.
const DUMMY_HASH = bcrypt.hashSync('brigade-timing-equaliser', DEFAULT_COST);

export async function burnPasswordCheck(plain: string): Promise<false> {
  await bcrypt.compare(plain, DUMMY_HASH);
  return false;
}
