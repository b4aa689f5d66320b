import type { PlatformConnector } from './connector';
import type { PlatformCredentials } from './credentials';
import { createRestConnector, type RestConnectorConfig } from './rest-connector';

/** Connector kinds a Platform row may name; a real marketplace adds its entry here. */
export const CONNECTOR_KINDS = ['generic-rest'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export function connectorFor(platform: { connector: string; config: unknown }, credentials: PlatformCredentials): PlatformConnector {
  if (platform.connector === 'generic-rest') {
    const config = (platform.config ?? {}) as Partial<RestConnectorConfig>;
    if (!config.baseUrl) throw new Error('generic-rest platform has no config.baseUrl');
    return createRestConnector({ baseUrl: config.baseUrl, timeoutMs: config.timeoutMs }, credentials.apiKey);
  }
  throw new Error(`Unknown platform connector "${platform.connector}"`);
}
