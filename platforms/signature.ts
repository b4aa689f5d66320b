import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${rawBody}` (timestamp in unix seconds),
 * sent as `v1=<hex>`. Signing the timestamp with the body makes a captured request useless
 * once it falls outside the tolerance (no replays).
 */
export const SIGNATURE_HEADER = 'x-platform-signature';
export const TIMESTAMP_HEADER = 'x-platform-timestamp';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, timestamp: number, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `v1=${mac.digest('hex')}`;
}

export type VerifyResult = { ok: true; secretIndex: number } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

/**
 * Accepts a signature made with any of `secrets`: during a rotation both the new and the old
 * secret are valid, so the platform and we never have to switch at the same instant.
 */
export function verifySignature(opts: {
  secrets: string[];
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  nowMs: number;
  toleranceSeconds?: number;
}): VerifyResult {
  const ts = Number(opts.timestamp);
  if (!opts.signature || !opts.timestamp || !Number.isInteger(ts)) return { ok: false, reason: 'missing' };
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(opts.nowMs / 1000 - ts) > tolerance) return { ok: false, reason: 'stale' };
  const given = Buffer.from(opts.signature);
  for (const [index, secret] of opts.secrets.entries()) {
    const expected = Buffer.from(signPayload(secret, ts, opts.rawBody));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { ok: true, secretIndex: index };
  }
  return { ok: false, reason: 'mismatch' };
}
