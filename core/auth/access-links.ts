import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '../../prisma/generated/client';

/** invite: a new user (or a new restaurant's owner) sets a first password; reset: an admin's reset. */
export type AccessLinkPurpose = 'invite' | 'reset';

/** How long a link opens anything: long enough to reach the person, short enough to go stale. */
export const ACCESS_LINK_TTL_HOURS: Readonly<Record<AccessLinkPurpose, number>> = { invite: 72, reset: 24 };

/** 256 random bits, base64url (43 characters), like a board screen's token. */
export const ACCESS_LINK_TOKEN_LENGTH = 43;

export function newAccessLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a link's token: its sha256, hex. */
export function hashAccessLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedAccessLink {
  token: string;
  expiresAt: Date;
}

/** The raw client's or the tenant client's transaction (as recordAudit's AuditWriter). */
interface LinkWriter {
  accessLink: {
    deleteMany(args: { where: Prisma.AccessLinkWhereInput }): PromiseLike<unknown>;
    create(args: { data: Prisma.AccessLinkUncheckedCreateInput }): PromiseLike<unknown>;
  };
}

/**
 * Stores a new one-time link for the user (in the caller's transaction) and returns its token, which
 * is shown once. Only the newest link of a user opens anything: an older one, perhaps passed to the
 * wrong person, stops working when an admin makes another.
 */
export async function issueAccessLink({
  db,
  tenantId,
  userId,
  purpose,
  createdById,
  now = new Date(),
}: {
  db: LinkWriter;
  tenantId: string;
  userId: string;
  purpose: AccessLinkPurpose;
  createdById: string | null;
  now?: Date;
}): Promise<IssuedAccessLink> {
  const token = newAccessLinkToken();
  const expiresAt = new Date(now.getTime() + ACCESS_LINK_TTL_HOURS[purpose] * 3_600_000);
  await db.accessLink.deleteMany({ where: { tenantId, userId, usedAt: null } });
  await db.accessLink.create({ data: { tenantId, userId, purpose, tokenHash: hashAccessLinkToken(token), expiresAt, createdById } });
  return { token, expiresAt };
}
