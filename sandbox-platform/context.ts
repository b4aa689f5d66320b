import type { SandboxState } from './state';
import type { DeliveryAttempt, WebhookTarget } from './webhooks';

export interface SandboxOAuthClient {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds?: number;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** A static bearer token the API accepts; with neither this nor `oauth`, no auth. */
  apiKey?: string;
  /** OAuth2 client credentials accepted at POST /oauth/token, which issues expiring tokens. */
  oauth?: SandboxOAuthClient;
  webhook?: WebhookTarget;
  /** How long a placed order waits for accept/deny before the marketplace cancels it. */
  acceptWindowMs?: number;
  /** Menu uploads finish processing this long after the call (they are asynchronous). */
  menuProcessingMs?: number;
}

/** What the sandbox's routes, OAuth endpoint and control surface share. */
export interface SandboxContext {
  state: SandboxState;
  opts: Required<Pick<SandboxOptions, 'acceptWindowMs' | 'menuProcessingMs'>> & SandboxOptions;
  target: { current: WebhookTarget | null };
  deliveries: DeliveryAttempt[];
  pending: Set<Promise<unknown>>;
}
