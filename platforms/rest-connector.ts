import {
  PermanentError,
  RateLimitedError,
  TransientError,
  type CallOptions,
  type MenuUploadResult,
  type PlatformConnector,
  type PlatformOrderView,
} from './connector';
import type { PlatformMenuItem } from '../contracts/platform-activities';
import type { TokenSource } from './oauth-token';
import { retryAfterMs } from './retry-after';
import { errorMessage } from '../contracts/errors';

/** Platform.config for the generic REST connector. */
export interface RestConnectorConfig {
  baseUrl: string;
  /** Per request; a slow platform is a transient failure (the caller retries, idempotently). */
  timeoutMs?: number;
  /** OAuth2 token endpoint when the credentials are a client id/secret; default `<baseUrl>/oauth/token`. */
  tokenUrl?: string;
}

/** A static API key (bearer), expiring tokens from a TokenSource (oauth-token.ts), or none. */
export type RestAuth = string | TokenSource | undefined;

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The generic REST/webhook connector: JSON over HTTP, bearer token, Idempotency-Key header. With
 * a TokenSource a 401 refreshes the token and repeats the call once (a refused call was not
 * applied, and the Idempotency-Key covers the rest); a second 401 is left to the caller's retries.
 */
export function createRestConnector(config: RestConnectorConfig, auth?: RestAuth): PlatformConnector {
  const base = config.baseUrl.replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tokens = typeof auth === 'object' ? auth : null;

  async function send(method: string, path: string, body: unknown, opts: CallOptions, bearer: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    try {
      return await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new TransientError(`${method} ${path}: ${errorMessage(err)}`, null);
    }
  }

  async function call<T>(method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
    let bearer = tokens ? await tokens.current() : (auth as string | undefined);
    let res = await send(method, path, body, opts, bearer);
    if (res.status === 401 && tokens && bearer) {
      await res.arrayBuffer();
      bearer = await tokens.refresh(bearer);
      res = await send(method, path, body, opts, bearer);
    }
    const text = await res.text();
    if (res.status === 429) throw new RateLimitedError(`${method} ${path}: rate limited`, retryAfterMs(res.headers.get('retry-after')));
    if (res.status >= 500) throw new TransientError(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`, res.status);
    if (res.status === 401) throw new TransientError(`${method} ${path}: unauthorized (token expired?)`, 401);
    if (res.status >= 400) throw new PermanentError(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`, res.status);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const enc = encodeURIComponent;
  return {
    uploadMenu: (items, opts) => call('PUT', '/v1/menu', { items }, opts),
    menuUploadResult: (uploadId) => call<MenuUploadResult>('GET', `/v1/menu/uploads/${enc(uploadId)}`),
    upsertItem: (item: PlatformMenuItem, opts) => call('PUT', `/v1/items/${enc(item.productId)}`, item, opts),
    setItemAvailability: (productId, available, opts) => call('POST', `/v1/items/${enc(productId)}/availability`, { available }, opts),
    setStoreStatus: (status, extraMinutes, opts) => call('PUT', '/v1/store/status', { status, extraMinutes }, opts),
    getOrder: (id) => call<PlatformOrderView>('GET', `/v1/orders/${enc(id)}`),
    listOrders: async ({ since }) => (await call<{ orders: PlatformOrderView[] }>('GET', `/v1/orders${since ? `?since=${enc(since)}` : ''}`)).orders,
    acceptOrder: (id, promisedReadyAt, opts) => call('POST', `/v1/orders/${enc(id)}/accept`, { promisedReadyAt }, opts),
    denyOrder: (id, reason, opts) => call('POST', `/v1/orders/${enc(id)}/deny`, { reason }, opts),
    updateOrderStatus: (id, status, opts) => call('POST', `/v1/orders/${enc(id)}/status`, { status }, opts),
    updateReadyTime: (id, readyAt, opts) => call('POST', `/v1/orders/${enc(id)}/ready-time`, { readyAt }, opts),
  };
}
