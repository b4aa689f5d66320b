import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { credentialsKey, decryptCredentials, encryptCredentials } from './credentials';
import { mapOrderLines } from './mapping';
import { retryAfterMs } from './retry-after';
import { signPayload, verifySignature } from './signature';

describe('webhook signatures', () => {
  const now = 1_800_000_000_000;
  const ts = Math.floor(now / 1000);
  const body = Buffer.from('{"id":"evt_1"}');

  it('accepts any body signed with one of the secrets and nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ minLength: 1 }), (bytes, secret) => {
        const raw = Buffer.from(bytes);
        const signature = signPayload(secret, ts, raw);
        expect(verifySignature({ secrets: ['other', secret], timestamp: String(ts), signature, rawBody: raw, nowMs: now })).toEqual({
          ok: true,
          secretIndex: 1,
        });
        expect(verifySignature({ secrets: [`${secret}x`], timestamp: String(ts), signature, rawBody: raw, nowMs: now }).ok).toBe(false);
      }),
    );
  });

  it('rejects a timestamp outside the tolerance, a missing header and a tampered body', () => {
    const signature = signPayload('s', ts, body);
    expect(verifySignature({ secrets: ['s'], timestamp: String(ts), signature, rawBody: body, nowMs: now + 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature({ secrets: ['s'], timestamp: undefined, signature, rawBody: body, nowMs: now })).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature({ secrets: ['s'], timestamp: String(ts), signature, rawBody: Buffer.from('{"id":"evt_2"}'), nowMs: now })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    // The signed timestamp is part of the MAC: moving it forward to pass the tolerance breaks it.
    expect(verifySignature({ secrets: ['s'], timestamp: String(ts + 400), signature, rawBody: body, nowMs: now + 400_000 })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});

describe('credentials at rest', () => {
  it('round-trips through AES-256-GCM, never stores the plain text and detects tampering', () => {
    const key = randomBytes(32);
    const stored = encryptCredentials({ apiKey: 'secret-api-key', webhookSecrets: ['a', 'b'] }, key);
    expect(stored).not.toContain('secret-api-key');
    expect(decryptCredentials(stored, key)).toEqual({ apiKey: 'secret-api-key', webhookSecrets: ['a', 'b'] });
    expect(encryptCredentials({ apiKey: 'x' }, key)).not.toBe(encryptCredentials({ apiKey: 'x' }, key));
    const parts = stored.split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => decryptCredentials(parts.join(':'), key)).toThrow();
    expect(() => decryptCredentials(stored, randomBytes(32))).toThrow();
  });

  it('reads CREDENTIALS_KEY as hex or base64 and requires it in production', () => {
    const key = randomBytes(32);
    expect(credentialsKey({ CREDENTIALS_KEY: key.toString('hex') })).toEqual(key);
    expect(credentialsKey({ CREDENTIALS_KEY: key.toString('base64') })).toEqual(key);
    expect(() => credentialsKey({ CREDENTIALS_KEY: 'short' })).toThrow('CREDENTIALS_KEY must be 32 bytes');
    expect(() => credentialsKey({ NODE_ENV: 'production' })).toThrow('CREDENTIALS_KEY');
    expect(credentialsKey({ NODE_ENV: 'development' })).toHaveLength(32);
  });
});

describe('mapping platform orders', () => {
  const assignments = [
    { platformProductId: 'p-pizza', menuItemId: 'm-pizza', menuItemName: 'Margherita', available: true },
    { platformProductId: 'p-salad', menuItemId: 'm-salad', menuItemName: 'Insalata', available: false },
  ];
  it('maps known products, flags unknown ones for review and names unavailable dishes', () => {
    expect(mapOrderLines([{ productId: 'p-pizza', quantity: 2 }], assignments)).toEqual({
      kind: 'ok',
      lines: [{ menuItemId: 'm-pizza', quantity: 2, notes: null, modifierNames: [] }],
    });
    // The platform's modifier names travel with the line, to be matched to the dish's options at intake.
    expect(mapOrderLines([{ productId: 'p-pizza', quantity: 1, modifiers: ['No basil'] }], assignments)).toEqual({
      kind: 'ok',
      lines: [{ menuItemId: 'm-pizza', quantity: 1, notes: null, modifierNames: ['No basil'] }],
    });
    expect(
      mapOrderLines(
        [
          { productId: 'p-pizza', quantity: 1 },
          { productId: 'p-x', quantity: 1 },
        ],
        assignments,
      ),
    ).toEqual({ kind: 'unknown', unknownProductIds: ['p-x'] });
    expect(mapOrderLines([{ productId: 'p-salad', quantity: 1 }], assignments)).toEqual({ kind: 'unavailable', names: ['Insalata'] });
    expect(mapOrderLines([], assignments)).toEqual({ kind: 'unknown', unknownProductIds: [] });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and defaults to a second', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null)).toBe(1_000);
    expect(retryAfterMs('soon')).toBe(1_000);
  });
});
