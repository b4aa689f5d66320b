import { PermanentError, RateLimitedError, TransientError } from './connector';
import { retryAfterMs } from './retry-after';
import { errorMessage } from '../contracts/errors';
import type { LRUCache } from 'lru-cache';
import { createTenantCache } from '../config/tenant-caches';

/**
 * OAuth2 client-credentials tokens for a platform API, cached per platform in this (worker)
 * process so every activity call does not fetch a new one. A token is refreshed shortly before
 * it expires by our clock, and on demand when the platform answers 401 (its clock, or a
 * revocation, decided earlier). Concurrent callers share one refresh.
 */
export interface ClientCredentialsConfig {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

export interface TokenSource {
  /** A token believed valid (fetched if there is none, or it is about to expire). */
  current(): Promise<string>;
  /** The platform refused `stale`: a fresh token (unless another caller already replaced it). */
  refresh(stale: string): Promise<string>;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Refresh this long before the stated expiry: a token must not die between our check and the call. */
const EARLY_REFRESH_MS = 30_000;
/** Per connection, so per tenant: kept within the tenant cache limits (a quiet tenant's token is fetched again). */
let tokens: LRUCache<string, CachedToken> | undefined;
const cached = () => (tokens ??= createTenantCache<CachedToken>());
const pending = new Map<string, Promise<CachedToken>>();

export function tokenSource(cacheKey: string, config: ClientCredentialsConfig, now: () => number = Date.now): TokenSource {
  const key = `${cacheKey}|${config.tokenUrl}|${config.clientId}`;
  const fetchShared = (): Promise<CachedToken> => {
    let inFlight = pending.get(key);
    if (!inFlight) {
      inFlight = fetchToken(config, now)
        .then((fresh) => (cached().set(key, fresh), fresh))
        .finally(() => pending.delete(key));
      pending.set(key, inFlight);
    }
    return inFlight;
  };
  return {
    async current() {
      const token = cached().get(key);
      if (token && token.expiresAt - EARLY_REFRESH_MS > now()) return token.token;
      return (await fetchShared()).token;
    },
    async refresh(stale) {
      const token = cached().get(key);
      if (token && token.token !== stale) return token.token;
      cached().delete(key);
      return (await fetchShared()).token;
    },
  };
}

/** Test-only: forget every cached token. */
export function clearTokenCache(): void {
  tokens?.clear();
}

async function fetchToken(config: ClientCredentialsConfig, now: () => number): Promise<CachedToken> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret });
  let res: Response;
  try {
    res = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    throw new TransientError(`POST token: ${errorMessage(err)}`, null);
  }
  const text = await res.text();
  if (res.status === 429) throw new RateLimitedError('POST token: rate limited', retryAfterMs(res.headers.get('retry-after')));
  if (res.status >= 500) throw new TransientError(`POST token: HTTP ${res.status}`, res.status);
  // Wrong client id/secret: no retry can fix that, an admin must.
  if (res.status >= 400) throw new PermanentError(`POST token: the platform refused our client credentials (HTTP ${res.status})`, res.status);
  const parsed = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
  if (typeof parsed.access_token !== 'string') throw new TransientError('POST token: no access_token in the answer', res.status);
  const ttlSeconds = Number(parsed.expires_in ?? 3_600);
  return { token: parsed.access_token, expiresAt: now() + (Number.isFinite(ttlSeconds) ? ttlSeconds : 3_600) * 1000 };
}
