import { ApiError } from '../../api/errors';
import type { PlatformType } from './platform-api';

/** The add-platform form as typed, and what createPlatform receives from it. */
export interface PlatformDraft {
  name: string;
  type: PlatformType;
  connector: string;
  baseUrl: string;
  /** A static key, or OAuth2 client credentials the connector turns into expiring tokens. */
  auth: 'apiKey' | 'oauth';
  apiKey: string;
  clientId: string;
  clientSecret: string;
  /** Empty: the connector uses <baseUrl>/oauth/token. */
  tokenUrl: string;
  webhookSecret: string;
  /** Only during a rotation: the secret the platform may still sign with. */
  previousWebhookSecret: string;
}

export type DraftField = keyof PlatformDraft;

export const EMPTY_DRAFT: PlatformDraft = {
  name: '',
  type: 'DELIVERY',
  connector: 'generic-rest',
  baseUrl: '',
  auth: 'apiKey',
  apiKey: '',
  clientId: '',
  clientSecret: '',
  tokenUrl: '',
  webhookSecret: '',
  previousWebhookSecret: '',
};

export function toCreateInput(d: PlatformDraft) {
  const previous = d.previousWebhookSecret.trim();
  const oauth = d.auth === 'oauth';
  return {
    name: d.name.trim(),
    type: d.type,
    connector: d.connector,
    baseUrl: d.baseUrl.trim(),
    // Only the chosen way in is sent: fields typed before switching must not linger.
    apiKey: (!oauth && d.apiKey.trim()) || null,
    clientId: (oauth && d.clientId.trim()) || null,
    clientSecret: (oauth && d.clientSecret.trim()) || null,
    tokenUrl: (oauth && d.tokenUrl.trim()) || null,
    // The server verifies with either; the new one goes first.
    webhookSecrets: [d.webhookSecret.trim(), ...(previous ? [previous] : [])],
  };
}

// Server paths (core/platforms/platform-input.ts) → the field that shows the message.
const FIELD_OF_PATH: Record<string, DraftField> = {
  name: 'name',
  type: 'type',
  connector: 'connector',
  baseUrl: 'baseUrl',
  apiKey: 'apiKey',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  tokenUrl: 'tokenUrl',
  webhookSecrets: 'webhookSecret',
  'webhookSecrets.0': 'webhookSecret',
  'webhookSecrets.1': 'previousWebhookSecret',
};

/**
 * The server's BAD_USER_INPUT field errors, placed on the fields they name; a CONFLICT (the name is
 * taken) belongs to the name. What no field claims stays in `rest` for the form-level message.
 */
export function fieldErrorsOf(error: unknown): { fields: Partial<Record<DraftField, string>>; rest: boolean } {
  if (!(error instanceof ApiError)) return { fields: {}, rest: Boolean(error) };
  if (error.code === 'CONFLICT') return { fields: { name: error.message }, rest: false };
  if (error.code !== 'BAD_USER_INPUT' || error.fieldErrors.length === 0) return { fields: {}, rest: true };
  const fields: Partial<Record<DraftField, string>> = {};
  let rest = false;
  for (const f of error.fieldErrors) {
    const field = FIELD_OF_PATH[f.path.replace(/^input\./, '')];
    if (!field) rest = true;
    else if (!fields[field]) fields[field] = f.message;
  }
  return { fields, rest };
}
