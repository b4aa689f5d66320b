import { z } from 'zod';
import { CONNECTOR_KINDS } from '../../../platforms/connectors';

export const PLATFORM_TYPES = ['DELIVERY', 'ONLINE', 'KIOSK', 'POS'] as const;

const httpUrl = z.string().trim().url('must be an http(s) URL').refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

export const createPlatformSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    type: z.enum(PLATFORM_TYPES),
    connector: z.enum(CONNECTOR_KINDS).nullish().transform((v) => v ?? 'generic-rest'),
    baseUrl: httpUrl,
    timeoutMs: z.number().int().min(100).max(60_000).nullish(),
    apiKey: z.string().min(1).max(1000).nullish(),
    /** OAuth2 client credentials (expiring tokens, refreshed by the connector) instead of a static key. */
    clientId: z.string().trim().min(1).max(500).nullish(),
    clientSecret: z.string().min(1).max(1000).nullish(),
    tokenUrl: httpUrl.nullish(),
    /** The new one first during a rotation; at most two are valid at once. */
    webhookSecrets: z.array(z.string().min(8, 'must be at least 8 characters').max(500)).min(1).max(2),
  })
  .refine((p) => !p.clientId === !p.clientSecret, { path: ['clientSecret'], message: 'clientId and clientSecret go together' });

export const assignmentSchema = z.object({
  platformId: z.string().uuid(),
  menuItemIds: z.array(z.string().uuid()).min(1).max(500),
});

export const storeStatusSchema = z.object({
  platformId: z.string().uuid(),
  status: z.enum(['online', 'paused', 'busy']),
  extraMinutes: z.number().int().min(1).max(120).nullish(),
});
