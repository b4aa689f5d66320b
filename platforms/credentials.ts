import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Platform credentials at rest: AES-256-GCM, stored as `v1:<iv>:<tag>:<ciphertext>` (base64).
 * The key comes from CREDENTIALS_KEY (32 bytes as base64 or hex). Outside production an unset
 * key falls back to one derived from a fixed dev string, so `npm start` works on a fresh machine;
 * config/env.ts already refuses to start production without the variable.
 */
export interface PlatformCredentials {
  /** A static bearer token for the platform's API. */
  apiKey?: string;
  /** OAuth2 client credentials: the connector obtains (and refreshes) expiring tokens with them. */
  clientId?: string;
  clientSecret?: string;
  /** Webhook signing secrets; two during a rotation (the new one first). */
  webhookSecrets?: string[];
}

const DEV_KEY_SOURCE = 'brigade-dev-credentials-key-change-me';

export function credentialsKey(source: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = source.CREDENTIALS_KEY;
  if (!raw) {
    if (source.NODE_ENV === 'production') throw new Error('Missing required environment variable CREDENTIALS_KEY (NODE_ENV=production)');
    return createHash('sha256').update(DEV_KEY_SOURCE).digest();
  }
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('CREDENTIALS_KEY must be 32 bytes, as 64 hex characters or base64');
  return key;
}

export function encryptCredentials(credentials: PlatformCredentials, key: Buffer = credentialsKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function decryptCredentials(stored: string | null, key: Buffer = credentialsKey()): PlatformCredentials {
  if (!stored) return {};
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Unrecognised credentials format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as PlatformCredentials;
}
