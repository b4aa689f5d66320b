import type { PlatformConnector } from './connector';
import type { PlatformCredentials } from './credentials';
import { tokenSource } from './oauth-token';
import { DEFAULT_TIMEOUT_MS, createRestConnector, type RestAuth, type RestConnectorConfig } from './rest-connector';

/** Connector kinds a Platform row may name; a real marketplace adds its entry here. */
export const CONNECTOR_KINDS = ['generic-rest'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** Client credentials win over a static API key: their tokens are cached per platform (`id`) in this process. */
export function connectorFor(platform: { id: string; connector: string; config: unknown }, credentials: PlatformCredentials): PlatformConnector {
  if (platform.connector === 'generic-rest') {
    const config = (platform.config ?? {}) as Partial<RestConnectorConfig>;
    if (!config.baseUrl) throw new Error('generic-rest platform has no config.baseUrl');
    const { clientId, clientSecret } = credentials;
    const auth: RestAuth =
      clientId && clientSecret
        ? tokenSource(platform.id, {
            tokenUrl: config.tokenUrl ?? `${config.baseUrl.replace(/\/+$/, '')}/oauth/token`,
            clientId,
            clientSecret,
            timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          })
        : credentials.apiKey;
    return createRestConnector({ baseUrl: config.baseUrl, timeoutMs: config.timeoutMs }, auth);
  }
  throw new Error(`Unknown platform connector "${platform.connector}"`);
}
