import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors';

/** A board screen's token: 256 random bits, base64url (43 characters), like an API key. */
export const BOARD_TOKEN_LENGTH = 43;
/** An order's tracking token: 128 random bits, base64url (22 characters); made by the orders table's default. */
export const TRACKING_TOKEN_LENGTH = 22;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function newBoardToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a board token: its sha256, hex. */
export function hashBoardToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token of the wrong length or alphabet cannot exist: answered without reading the database. */
export function isWellFormedToken(token: unknown, length: number): token is string {
  return typeof token === 'string' && token.length === length && BASE64URL.test(token);
}

/**
 * The one answer to every token that opens nothing (wrong, revoked, malformed, oversized, of an
 * order long closed): the same code and message, so a caller cannot tell the cases apart.
 */
export function linkNotFound(): AppError {
  return new AppError('NOT_FOUND', 'This link is not valid');
}
